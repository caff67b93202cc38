package digitlab.train.extensions;

import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.TrainingConfig;

/**
 * A contributed {@link OptimizerFactory} as the lab registers it: anything but an
 * {@link IllegalArgumentException} thrown by the factory or its optimizers disables the contribution and
 * becomes a {@link ContributionFailure} naming the plugin.
 */
final class GuardedOptimizerFactory implements OptimizerFactory {

    private final OptimizerFactory delegate;
    private final Guard guard;

    GuardedOptimizerFactory(OptimizerFactory delegate, Guard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public Optimizer create(TrainingConfig config, int parameterCount) {
        guard.checkEnabled();
        try {
            Optimizer o = delegate.create(config, parameterCount);
            if (o == null) throw new NullPointerException("the factory returned null");
            return new GuardedOptimizer(o, guard);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw guard.fail("creating an optimizer for " + parameterCount + " parameters", e);
        }
    }

    /** Delegates every call; unexpected throwables disable the contribution. */
    static final class GuardedOptimizer implements Optimizer {

        private final Optimizer d;
        private final Guard guard;

        GuardedOptimizer(Optimizer delegate, Guard guard) {
            this.d = delegate;
            this.guard = guard;
        }

        @Override
        public String name() {
            return guard.contribution().id();
        }

        @Override
        public void step(float[] params, float[] grads, float[] decayMask, float lr) {
            try {
                d.step(params, grads, decayMask, lr);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in step()", e);
            }
        }

        @Override
        public long steps() {
            try {
                return d.steps();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in steps()", e);
            }
        }

        @Override
        public float[][] state() {
            try {
                return d.state();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in state()", e);
            }
        }

        @Override
        public void restore(float[][] state, long steps) {
            try {
                d.restore(state, steps);
            } catch (IllegalArgumentException e) {
                throw e; // documented: state of another optimizer or size
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in restore()", e);
            }
        }
    }
}

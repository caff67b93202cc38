package digitlab.examples.tests;

import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.TrainingConfig;

/** A broken contributed optimizer: created fine, then its third step throws. */
public final class UnstableOptimizerFactory implements OptimizerFactory {

    /** The message of the exception it throws. */
    public static final String MESSAGE = "the unstable optimizer divided by zero";

    @Override
    public Optimizer create(TrainingConfig config, int parameterCount) {
        return new Optimizer() {
            private long steps;

            @Override public String name() { return "unstable"; }

            @Override
            public void step(float[] params, float[] grads, float[] decayMask, float lr) {
                if (++steps == 3) throw new ArithmeticException(MESSAGE);
                for (int i = 0; i < params.length; i++) params[i] -= lr * grads[i];
            }

            @Override public long steps() { return steps; }
            @Override public float[][] state() { return new float[0][]; }
            @Override public void restore(float[][] state, long s) { steps = s; }
        };
    }
}

package digitlab.examples.tests;

import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.TrainingConfig;

/** A contributed optimizer {@code rmsprop}: {@code v = 0.9 v + 0.1 g^2; p -= lr * g / (sqrt(v) + 1e-7)}. */
public final class RmsPropFactory implements OptimizerFactory {

    @Override
    public Optimizer create(TrainingConfig config, int parameterCount) {
        return new RmsProp(parameterCount);
    }

    static final class RmsProp implements Optimizer {
        private final float[] v;
        private long steps;

        RmsProp(int n) {
            v = new float[n];
        }

        @Override public String name() { return "rmsprop"; }

        @Override
        public void step(float[] p, float[] g, float[] mask, float lr) {
            for (int i = 0; i < p.length; i++) {
                v[i] = 0.9f * v[i] + 0.1f * g[i] * g[i];
                p[i] -= lr * g[i] / ((float) Math.sqrt(v[i]) + 1e-7f);
            }
            steps++;
        }

        @Override public long steps() { return steps; }
        @Override public float[][] state() { return new float[][] {v.clone()}; }

        @Override
        public void restore(float[][] state, long steps) {
            if (state.length != 1 || state[0].length != v.length) {
                throw new IllegalArgumentException("rmsprop: state does not fit " + v.length + " parameters");
            }
            System.arraycopy(state[0], 0, v, 0, v.length);
            this.steps = steps;
        }
    }
}

package @@ID@@;

import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.TrainingConfig;

/**
 * The optimizer {@code @@SHORT@@}: RMSprop (Hinton, 2012), each parameter's step divided by a running root mean
 * square of its recent gradients:
 * <pre>
 *   g += wd * p (where the decay mask is 1);   v = rho * v + (1 - rho) * g^2;   p -= lr * g / (sqrt(v) + eps)
 * </pre>
 * with rho = {@value #RHO} and eps the run's {@code epsilon} (default 1e-8). The lab creates one per run with
 * {@link #create}, calls {@code step} once per batch with the scheduled learning rate, and saves {@code state()}
 * in checkpoints, so a resumed run continues exactly. No allocation per step; deterministic.
 */
public final class @@CLASS@@Factory implements OptimizerFactory {

    /** The optimizer's name, as in plugin.xml and {@code --optimizer}. */
    public static final String NAME = "@@SHORT@@";
    /** The decay of the running mean of squared gradients. */
    public static final float RHO = 0.9f;

    @Override
    public Optimizer create(TrainingConfig config, int parameterCount) {
        return new RmsProp(parameterCount, (float) config.weightDecay(), (float) config.epsilon());
    }

    static final class RmsProp implements Optimizer {
        private final float[] meanSquare;
        private final float weightDecay;
        private final float epsilon;
        private long steps;

        RmsProp(int n, float weightDecay, float epsilon) {
            meanSquare = new float[n];
            this.weightDecay = weightDecay;
            this.epsilon = epsilon;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void step(float[] p, float[] g, float[] decayMask, float lr) {
            for (int i = 0; i < p.length; i++) {
                float gi = g[i] + (decayMask == null ? 0f : weightDecay * decayMask[i] * p[i]);
                meanSquare[i] = RHO * meanSquare[i] + (1 - RHO) * gi * gi;
                p[i] -= lr * gi / ((float) Math.sqrt(meanSquare[i]) + epsilon);
            }
            steps++;
        }

        @Override
        public long steps() {
            return steps;
        }

        @Override
        public float[][] state() {
            return new float[][] {meanSquare.clone()};
        }

        @Override
        public void restore(float[][] state, long steps) {
            if (state.length != 1 || state[0].length != meanSquare.length) {
                throw new IllegalArgumentException(NAME + ": the saved state does not fit " + meanSquare.length + " parameters");
            }
            System.arraycopy(state[0], 0, meanSquare, 0, meanSquare.length);
            this.steps = steps;
        }
    }
}

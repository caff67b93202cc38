package digitlab.examples.robustness;

import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.TrainingConfig;

/**
 * The {@code adagrad} optimizer (Duchi, Hazan and Singer, 2011): each parameter's step is the learning rate
 * divided by the root of the sum of all its squared gradients so far, so rarely moved weights keep large steps.
 * <pre>
 *   g += wd * p (where the decay mask is 1);   s += g^2;   p -= lr * g / (sqrt(s) + 1e-8)
 * </pre>
 * Its state (s) is saved in checkpoints, so a resumed run continues exactly.
 */
public final class AdaGradFactory implements OptimizerFactory {

    /** The optimizer's name. */
    public static final String NAME = "adagrad";

    @Override
    public Optimizer create(TrainingConfig config, int parameterCount) {
        return new AdaGrad(parameterCount, (float) config.weightDecay());
    }

    static final class AdaGrad implements Optimizer {
        private final float[] sum;
        private final float weightDecay;
        private long steps;

        AdaGrad(int n, float weightDecay) {
            sum = new float[n];
            this.weightDecay = weightDecay;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void step(float[] p, float[] g, float[] decayMask, float lr) {
            for (int i = 0; i < p.length; i++) {
                float gi = g[i] + (decayMask == null ? 0f : weightDecay * decayMask[i] * p[i]);
                sum[i] += gi * gi;
                p[i] -= lr * gi / ((float) Math.sqrt(sum[i]) + 1e-8f);
            }
            steps++;
        }

        @Override
        public long steps() {
            return steps;
        }

        @Override
        public float[][] state() {
            return new float[][] {sum.clone()};
        }

        @Override
        public void restore(float[][] state, long steps) {
            if (state.length != 1 || state[0].length != sum.length) {
                throw new IllegalArgumentException("adagrad: the saved state does not fit " + sum.length + " parameters");
            }
            System.arraycopy(state[0], 0, sum, 0, sum.length);
            this.steps = steps;
        }
    }
}

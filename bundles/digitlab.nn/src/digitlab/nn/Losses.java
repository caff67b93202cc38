package digitlab.nn;

import java.util.Locale;

/** The built-in losses. */
public final class Losses {

    /**
     * Quadratic (mean squared error) loss {@code 1/2 sum_i (y_i - t_i)^2} against the one-hot target
     * {@code t}; the classic from-scratch choice of the original project. Gradient {@code y - t}.
     */
    public static final Loss QUADRATIC = new Loss() {
        @Override public String id() { return "quadratic"; }

        @Override public double value(float[] y, int off, int n, int label) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = y[off + i] - (i == label ? 1.0 : 0.0);
                sum += d * d;
            }
            return 0.5 * sum;
        }

        @Override public void gradient(float[] y, int off, int n, int label, float scale, float[] g, int gOff) {
            for (int i = 0; i < n; i++) g[gOff + i] = scale * (y[off + i] - (i == label ? 1f : 0f));
        }
    };

    /**
     * Cross-entropy {@code -log p_label} of a probability vector (a softmax output). With a softmax
     * before it the gradient is fused to {@code p - onehot}; on its own it is {@code -1/p_label}.
     * Probabilities are clamped at 1e-30 so a confident mistake gives a large but finite loss.
     */
    public static final Loss CROSS_ENTROPY = new Loss() {
        private static final double TINY = 1e-30;

        @Override public String id() { return "xent"; }

        @Override public double value(float[] p, int off, int n, int label) {
            return -Math.log(Math.max(p[off + label], TINY));
        }

        @Override public void gradient(float[] p, int off, int n, int label, float scale, float[] g, int gOff) {
            for (int i = 0; i < n; i++) g[gOff + i] = 0f;
            g[gOff + label] = (float) (-scale / Math.max(p[off + label], TINY));
        }

        @Override public boolean fusesWithSoftmax() {
            return true;
        }
    };

    private Losses() {
    }

    /**
     * The loss with this name: {@code quadratic} (alias {@code mse}) or {@code xent} (aliases
     * {@code cross-entropy}, {@code crossentropy}).
     *
     * @throws IllegalArgumentException naming the known losses
     */
    public static Loss get(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "quadratic", "mse" -> QUADRATIC;
            case "xent", "cross-entropy", "crossentropy", "ce" -> CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'; known: quadratic (mse), xent");
        };
    }
}

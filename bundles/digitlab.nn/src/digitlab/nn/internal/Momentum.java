package digitlab.nn.internal;

/**
 * SGD with momentum (the PyTorch formulation): {@code v = mu v + g'}, then {@code p -= lr v}, or
 * with Nesterov {@code p -= lr (g' + mu v)}, where {@code g' = g + lambda p} includes L2 decay.
 */
public final class Momentum extends ElementwiseOptimizer {

    private final float mu;
    private final boolean nesterov;
    private final float decay;
    private final float[] velocity;

    /** Momentum {@code mu} in [0, 1) over {@code n} parameters, the loop split over {@code threads}. */
    public Momentum(int n, double mu, boolean nesterov, double lambda, int threads) {
        this(new float[n], mu, nesterov, lambda, threads);
    }

    private Momentum(float[] velocity, double mu, boolean nesterov, double lambda, int threads) {
        super("momentum", new float[][] {velocity}, threads);
        this.velocity = velocity;
        this.mu = (float) mu;
        this.nesterov = nesterov;
        this.decay = (float) lambda;
    }

    @Override
    protected void update(int from, int to) {
        float[] p = this.p, g = this.g, mask = this.mask, v = velocity;
        float lr = this.lr;
        for (int i = from; i < to; i++) {
            float gi = g[i] + decay * mask[i] * p[i];
            v[i] = mu * v[i] + gi;
            p[i] -= lr * (nesterov ? gi + mu * v[i] : v[i]);
        }
    }
}

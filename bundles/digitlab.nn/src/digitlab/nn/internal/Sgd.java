package digitlab.nn.internal;

/** Plain gradient descent: {@code p -= lr * (g + lambda * p)} (L2 decay on masked parameters). */
public final class Sgd extends ElementwiseOptimizer {

    private final float decay;

    /** SGD with L2 weight decay {@code lambda} (0 for none), the loop split over {@code threads}. */
    public Sgd(double lambda, int threads) {
        super("sgd", new float[0][], threads);
        this.decay = (float) lambda;
    }

    @Override
    protected void update(int from, int to) {
        float[] p = this.p, g = this.g, mask = this.mask;
        float lr = this.lr;
        for (int i = from; i < to; i++) p[i] -= lr * (g[i] + decay * mask[i] * p[i]);
    }
}

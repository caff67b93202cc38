package digitlab.nn.internal;

import digitlab.nn.Optimizer;
import digitlab.nn.kernel.Parallel;

/** Plain gradient descent: {@code p -= lr * (g + lambda * p)} (L2 decay on masked parameters). */
public final class Sgd implements Optimizer {

    private final float decay;
    private final int threads;
    private long steps;

    /** SGD with L2 weight decay {@code lambda} (0 for none), the loop split over {@code threads}. */
    public Sgd(double lambda, int threads) {
        this.decay = (float) lambda;
        this.threads = threads;
    }

    @Override public String name() { return "sgd"; }

    @Override
    public void step(float[] p, float[] g, float[] mask, float lr) {
        Parallel.forRange(OptimizerState.parts(threads, p.length), p.length, (from, to) -> {
            for (int i = from; i < to; i++) p[i] -= lr * (g[i] + decay * mask[i] * p[i]);
        });
        steps++;
    }

    @Override public long steps() { return steps; }
    @Override public float[][] state() { return new float[0][]; }

    @Override
    public void restore(float[][] state, long steps) {
        OptimizerState.check("sgd", state, 0, 0);
        this.steps = steps;
    }
}

package digitlab.nn.internal;

import digitlab.nn.Optimizer;
import digitlab.nn.kernel.Parallel;

/** Plain gradient descent: {@code p -= lr * (g + lambda * p)} (L2 decay on masked parameters). */
public final class Sgd implements Optimizer {

    private final float decay;
    private final int threads;
    private final Parallel.RangeTask update = this::update;
    private long steps;
    // The step in progress (set for the duration of step(), so the task object is reused).
    private float[] p;
    private float[] g;
    private float[] mask;
    private float lr;

    /** SGD with L2 weight decay {@code lambda} (0 for none), the loop split over {@code threads}. */
    public Sgd(double lambda, int threads) {
        this.decay = (float) lambda;
        this.threads = threads;
    }

    @Override public String name() { return "sgd"; }

    @Override
    public void step(float[] params, float[] grads, float[] decayMask, float rate) {
        p = params;
        g = grads;
        mask = decayMask;
        lr = rate;
        Parallel.forRange(OptimizerState.parts(threads, params.length), params.length, update);
        p = g = mask = null;
        steps++;
    }

    private void update(int from, int to) {
        float[] p = this.p, g = this.g, mask = this.mask;
        float lr = this.lr;
        for (int i = from; i < to; i++) p[i] -= lr * (g[i] + decay * mask[i] * p[i]);
    }

    @Override public long steps() { return steps; }
    @Override public float[][] state() { return new float[0][]; }

    @Override
    public void restore(float[][] state, long steps) {
        OptimizerState.check("sgd", state, 0, 0);
        this.steps = steps;
    }
}

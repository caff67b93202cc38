package digitlab.nn.internal;

import digitlab.nn.Optimizer;
import digitlab.nn.kernel.Parallel;

/**
 * SGD with momentum (the PyTorch formulation): {@code v = mu v + g'}, then {@code p -= lr v}, or
 * with Nesterov {@code p -= lr (g' + mu v)}, where {@code g' = g + lambda p} includes L2 decay.
 */
public final class Momentum implements Optimizer {

    private final float mu;
    private final boolean nesterov;
    private final float decay;
    private final float[] velocity;
    private final int threads;
    private final Parallel.RangeTask update = this::update;
    private long steps;
    // The step in progress (set for the duration of step(), so the task object is reused).
    private float[] p;
    private float[] g;
    private float[] mask;
    private float lr;

    /** Momentum {@code mu} in [0, 1) over {@code n} parameters, the loop split over {@code threads}. */
    public Momentum(int n, double mu, boolean nesterov, double lambda, int threads) {
        this.mu = (float) mu;
        this.nesterov = nesterov;
        this.decay = (float) lambda;
        this.velocity = new float[n];
        this.threads = threads;
    }

    @Override public String name() { return "momentum"; }

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
        float[] p = this.p, g = this.g, mask = this.mask, v = velocity;
        float lr = this.lr;
        for (int i = from; i < to; i++) {
            float gi = g[i] + decay * mask[i] * p[i];
            v[i] = mu * v[i] + gi;
            p[i] -= lr * (nesterov ? gi + mu * v[i] : v[i]);
        }
    }

    @Override public long steps() { return steps; }
    @Override public float[][] state() { return new float[][] {velocity.clone()}; }

    @Override
    public void restore(float[][] state, long steps) {
        OptimizerState.check("momentum", state, 1, velocity.length);
        System.arraycopy(state[0], 0, velocity, 0, velocity.length);
        this.steps = steps;
    }
}

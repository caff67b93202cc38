package digitlab.nn.internal;

import digitlab.nn.Optimizer;

/** Plain gradient descent: {@code p -= lr * (g + lambda * p)} (L2 decay on masked parameters). */
public final class Sgd implements Optimizer {

    private final float decay;
    private long steps;

    /** SGD with L2 weight decay {@code lambda} (0 for none). */
    public Sgd(double lambda) {
        this.decay = (float) lambda;
    }

    @Override public String name() { return "sgd"; }

    @Override
    public void step(float[] p, float[] g, float[] mask, float lr) {
        for (int i = 0; i < p.length; i++) p[i] -= lr * (g[i] + decay * mask[i] * p[i]);
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

package digitlab.nn.internal;

import digitlab.nn.Optimizer;
import digitlab.nn.kernel.Parallel;

/**
 * Adam (Kingma and Ba) with bias correction:
 * <pre>
 *   m = b1 m + (1 - b1) g'        v = b2 v + (1 - b2) g'^2
 *   p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 * As Adam, L2 decay is added to the gradient ({@code g' = g + lambda p}); as AdamW (Loshchilov and
 * Hutter) it is decoupled: {@code g' = g} and {@code p -= lr lambda p} besides the Adam step.
 */
public final class Adam implements Optimizer {

    /**
     * Whether the update runs on the Vector API ({@code VectorOptimizers.adam}, bit-identical to the
     * scalar loop below, about 8x faster: C2 leaves this loop scalar, and it was half of an MLP step).
     * False when the incubator module is not enabled or the kernels are forced to the reference ones;
     * the vector class is then never loaded.
     */
    private static final boolean VECTOR = VectorSupport.AVAILABLE;

    private final String name;
    private final float b1;
    private final float b2;
    private final float eps;
    private final float decay;
    private final boolean decoupled;
    private final float[] m;
    private final float[] v;
    private final int threads;
    private final Parallel.RangeTask update = this::update;
    private long steps;
    // The step in progress (set for the duration of step(), so the task object is reused).
    private float[] p;
    private float[] g;
    private float[] mask;
    private float lr;
    private float c1;
    private float c2;

    /** Adam over {@code n} parameters, its loop split over {@code threads}; {@code decoupled} makes it AdamW. */
    public Adam(String name, int n, double b1, double b2, double eps, double lambda, boolean decoupled, int threads) {
        this.name = name;
        this.b1 = (float) b1;
        this.b2 = (float) b2;
        this.eps = (float) eps;
        this.decay = (float) lambda;
        this.decoupled = decoupled;
        this.m = new float[n];
        this.v = new float[n];
        this.threads = threads;
    }

    @Override public String name() { return name; }

    @Override
    public void step(float[] params, float[] grads, float[] decayMask, float rate) {
        long t = steps + 1;
        p = params;
        g = grads;
        mask = decayMask;
        lr = rate;
        // The bias corrections folded into the step size and epsilon, computed once per step in double.
        c1 = (float) (1.0 / (1.0 - Math.pow(b1, t)));
        c2 = (float) (1.0 / Math.sqrt(1.0 - Math.pow(b2, t)));
        // Element-wise, so splitting the range over threads cannot change any result.
        Parallel.forRange(OptimizerState.parts(threads, params.length), params.length, update);
        p = g = mask = null;
        steps = t;
    }

    private void update(int from, int to) {
        float[] p = this.p, g = this.g, mask = this.mask, m = this.m, v = this.v;
        float lr = this.lr, c1 = this.c1, c2 = this.c2;
        float coupled = decoupled ? 0f : decay;
        float decoupledRate = decoupled ? lr * decay : 0f;
        if (VECTOR) {
            digitlab.nn.internal.vector.VectorOptimizers.adam(p, g, mask, m, v, from, to, b1, b2, eps, lr, c1, c2,
                    coupled, decoupledRate);
            return;
        }
        for (int i = from; i < to; i++) {
            float gi = g[i] + coupled * mask[i] * p[i];
            m[i] = b1 * m[i] + (1f - b1) * gi;
            v[i] = b2 * v[i] + (1f - b2) * gi * gi;
            float update = (m[i] * c1) / ((float) Math.sqrt(v[i]) * c2 + eps);
            p[i] -= lr * update + decoupledRate * mask[i] * p[i];
        }
    }

    @Override public long steps() { return steps; }
    @Override public float[][] state() { return new float[][] {m.clone(), v.clone()}; }

    @Override
    public void restore(float[][] state, long steps) {
        OptimizerState.check(name, state, 2, m.length);
        System.arraycopy(state[0], 0, m, 0, m.length);
        System.arraycopy(state[1], 0, v, 0, v.length);
        this.steps = steps;
    }
}

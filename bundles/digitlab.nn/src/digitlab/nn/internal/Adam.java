package digitlab.nn.internal;

/**
 * Adam (Kingma and Ba) with bias correction:
 * <pre>
 *   m = b1 m + (1 - b1) g'        v = b2 v + (1 - b2) g'^2
 *   p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 * As Adam, L2 decay is added to the gradient ({@code g' = g + lambda p}); as AdamW (Loshchilov and
 * Hutter) it is decoupled: {@code g' = g} and {@code p -= lr lambda p} besides the Adam step.
 */
public final class Adam extends ElementwiseOptimizer {

    /**
     * Whether the update runs on the Vector API ({@code VectorOptimizers.adam}, bit-identical to
     * {@link #scalarUpdate(float[], float[], float[], float[], float[], int, int, float, float, float, float, float, float, float, float)};
     * C2 leaves that loop scalar, bench/README.md has the figures).
     * False when the incubator module is not enabled or the kernels are forced to the reference ones;
     * the vector class is then never loaded.
     */
    private static final boolean VECTOR = VectorTwins.AVAILABLE;

    private final float b1;
    private final float b2;
    private final float eps;
    private final float decay;
    private final boolean decoupled;
    private final float[] m;
    private final float[] v;
    // This step's bias corrections, set by beginStep().
    private float c1;
    private float c2;

    /** Adam over {@code n} parameters, its loop split over {@code threads}; {@code decoupled} makes it AdamW. */
    public Adam(String name, int n, double b1, double b2, double eps, double lambda, boolean decoupled, int threads) {
        this(name, new float[n], new float[n], b1, b2, eps, lambda, decoupled, threads);
    }

    private Adam(String name, float[] m, float[] v, double b1, double b2, double eps, double lambda, boolean decoupled,
                 int threads) {
        super(name, new float[][] {m, v}, threads);
        this.m = m;
        this.v = v;
        this.b1 = (float) b1;
        this.b2 = (float) b2;
        this.eps = (float) eps;
        this.decay = (float) lambda;
        this.decoupled = decoupled;
    }

    @Override
    protected void beginStep(long t) {
        // The bias corrections folded into the step size and epsilon, computed once per step in double.
        c1 = (float) (1.0 / (1.0 - Math.pow(b1, t)));
        c2 = (float) (1.0 / Math.sqrt(1.0 - Math.pow(b2, t)));
    }

    /**
     * The scalar Adam / AdamW update of elements {@code [from, to)}: {@code c1 = 1 / (1 - b1^t)} and
     * {@code c2 = 1 / sqrt(1 - b2^t)} are the bias corrections, {@code coupled} the L2 decay added to the
     * gradient (Adam), {@code decoupledRate} = lr x decay applied to the weights directly (AdamW); {@code mask}
     * is 1 where decay applies. The one definition of the update: {@code VectorOptimizers.adam} gives its bits.
     */
    public static void scalarUpdate(float[] p, float[] g, float[] mask, float[] m, float[] v, int from, int to,
                              float b1, float b2, float eps, float lr, float c1, float c2,
                              float coupled, float decoupledRate) {
        for (int i = from; i < to; i++) {
            float gi = g[i] + coupled * mask[i] * p[i];
            m[i] = b1 * m[i] + (1f - b1) * gi;
            v[i] = b2 * v[i] + (1f - b2) * gi * gi;
            float update = (m[i] * c1) / ((float) Math.sqrt(v[i]) * c2 + eps);
            p[i] -= lr * update + decoupledRate * mask[i] * p[i];
        }
    }

    @Override
    protected void update(int from, int to) {
        float[] p = this.p, g = this.g, mask = this.mask, m = this.m, v = this.v;
        float lr = this.lr, c1 = this.c1, c2 = this.c2;
        float coupled = decoupled ? 0f : decay;
        float decoupledRate = decoupled ? lr * decay : 0f;
        if (VECTOR) {
            digitlab.nn.internal.vector.VectorOptimizers.adam(p, g, mask, m, v, from, to, b1, b2, eps, lr, c1, c2,
                    coupled, decoupledRate);
        } else {
            scalarUpdate(p, g, mask, m, v, from, to, b1, b2, eps, lr, c1, c2, coupled, decoupledRate);
        }
    }
}

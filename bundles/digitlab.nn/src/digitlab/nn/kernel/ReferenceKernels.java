package digitlab.nn.kernel;

/**
 * The plain reference matrix product: three loops, in the loop order that reads memory
 * sequentially for each transpose variant, one float accumulator per output element. It is the
 * fallback when the Vector API is absent and the oracle that the fast kernels are tested against.
 *
 * <p>With {@code threads > 1} the rows of C are split over threads with {@link Parallel}; each
 * element's sum runs in the same order whatever the thread count, so results are bit-identical.
 */
public final class ReferenceKernels implements Kernels {

    /** Products with fewer multiply-adds than this run on the calling thread only. */
    private static final long PARALLEL_THRESHOLD = 1L << 15;

    private final int threads;

    /** Reference kernels splitting work over {@code threads} threads (at least 1). */
    public ReferenceKernels(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "reference x" + threads;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        int parts = (long) m * n * k < PARALLEL_THRESHOLD ? 1 : threads;
        Parallel.forRange(parts, m, (from, to) ->
                rows(transA, transB, from, to, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc));
    }

    /** Rows {@code [from, to)} of C. */
    private static void rows(boolean transA, boolean transB, int from, int to, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             boolean accumulate, float[] c, int cOff, int ldc) {
        for (int i = from; i < to; i++) {
            int cRow = cOff + i * ldc;
            if (!transB) {
                // C[i][j] (+)= sum_p A(i,p) * B[p][j]: for each p, add a scaled row of B to row i of C.
                if (!accumulate) java.util.Arrays.fill(c, cRow, cRow + n, 0f);
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    int bRow = bOff + p * ldb;
                    for (int j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
                }
            } else {
                // C[i][j] (+)= sum_p A(i,p) * B[j][p]: a dot product of row i of A with row j of B.
                for (int j = 0; j < n; j++) {
                    int bRow = bOff + j * ldb;
                    float sum = 0f;
                    if (transA) {
                        for (int p = 0; p < k; p++) sum += a[aOff + p * lda + i] * b[bRow + p];
                    } else {
                        int aRow = aOff + i * lda;
                        for (int p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
                    }
                    c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
                }
            }
        }
    }
}

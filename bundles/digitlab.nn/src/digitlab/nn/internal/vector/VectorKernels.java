package digitlab.nn.internal.vector;

import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.Parallel;

/**
 * Matrix kernels on the JDK Vector API: register-blocked FMA micro-kernels ({@link MicroKernels})
 * over panels of the output ({@link PanelProduct}), split across threads by output rows or columns.
 *
 * <p>How each form of {@code C = op(A) · op(B)} is computed (the broadcast side P is read one
 * scalar at a time, the vector side Q must have contiguous rows along the output's columns):
 * <pre>
 *   A · B        P = A,      Q = B                 nothing packed  (backward, input gradient)
 *   A^T · B      P = A^T,    Q = B                 nothing packed  (backward, weight gradient)
 *   A · B^T      m &lt; 4:    dot products of rows    nothing packed  (single-image forward)
 *                m &lt;= n:   C^T = B · A^T, Q = A^T packed [k x m]  (forward, batch &lt;= width)
 *                m &gt; n:    P = A, Q = B^T packed [k x n]
 *   A^T · B^T    C^T = B · A, Q = A                nothing packed
 * </pre>
 * The packed copy is the smaller operand (rows padded to whole vectors) and costs one pass over
 * it; it lives in a per-thread buffer reused by later calls. Every output element is one chain of fused multiply-adds in increasing k
 * (the dot-product form: a fixed-order sum of fixed lane partial sums), so results are bit-identical
 * whatever the thread count.
 *
 * <p>This is the only class outside this package that may be named; it and everything it uses need
 * the {@code jdk.incubator.vector} module, so it is loaded by reflection only when the module is
 * present.
 */
public final class VectorKernels implements Kernels {

    /**
     * Products smaller than this many multiply-adds (a few microseconds of work on one core) run on the
     * calling thread alone: below it, handing half over and waiting for it costs more than it saves, and
     * on a busy machine much more (bench/README.md).
     */
    static final long PARALLEL_MIN_MACS = 1L << 20;
    /** Row count below which {@code A · B^T} is done as dot products. */
    static final int DOT_MAX_ROWS = 3;

    private final int threads;

    /**
     * @param threads how many threads a product is split across (at least 1; 1 = the calling thread)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public VectorKernels(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("VectorKernels: threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        long macs = (long) m * n * k;
        int parts = macs >= PARALLEL_MIN_MACS ? threads : 1;
        Scratch ws = Scratch.current();
        PanelProduct product = ws.product;
        if (!transB) {
            // P = op(A): rows of A, or columns of A stored [k x m]; Q = B [k x n] as stored.
            product.set(m, n, k, a, aOff, transA ? 1 : lda, transA ? lda : 1,
                    b, bOff, ldb, false, accumulate, c, cOff, ldc, false);
        } else if (transA) {
            // C^T [n x m] = B [n x k] · A [k x m]: A is already the vector side.
            product.set(n, m, k, b, bOff, ldb, 1, a, aOff, lda, false, accumulate, c, cOff, ldc, true);
        } else if (m <= DOT_MAX_ROWS) {
            Parallel.forRange(parts, chunks(parts, n), n, ws.dot.set(m, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc));
            return;
        } else if (m <= n) {
            // C^T [n x m] = B [n x k] · A^T [k x m], A^T packed.
            int ldp = PanelProduct.roundUp(m);
            float[] packed = ws.packed(k * ldp);
            int packThreads = packThreads(parts, m, k);
            Parallel.forRange(packThreads, chunks(packThreads, k), k, ws.transpose.set(a, aOff, lda, m, packed));
            product.set(n, m, k, b, bOff, ldb, 1, packed, 0, ldp, true, accumulate, c, cOff, ldc, true);
        } else {
            // C [m x n] = A [m x k] · B^T [k x n], B^T packed.
            int ldp = PanelProduct.roundUp(n);
            float[] packed = ws.packed(k * ldp);
            int packThreads = packThreads(parts, n, k);
            Parallel.forRange(packThreads, chunks(packThreads, k), k, ws.transpose.set(b, bOff, ldb, n, packed));
            product.set(m, n, k, a, aOff, lda, 1, packed, 0, ldp, true, accumulate, c, cOff, ldc, false);
        }
        if (parts == 1) {
            product.runAll();
        } else {
            product.runParallel(parts);
        }
    }

    /** Packing is worth splitting only when there is a fair amount of it (a gather moves 16 floats in ~7 ns). */
    private static int packThreads(int threads, int rows, int cols) {
        return (long) rows * cols >= 65_536 ? threads : 1;
    }

    /** Chunks for {@code threads} threads over {@code units} items (see {@link PanelProduct#CHUNKS_PER_THREAD}). */
    private static int chunks(int threads, int units) {
        return threads == 1 ? 1 : Math.min(units, PanelProduct.CHUNKS_PER_THREAD * threads);
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "vector-" + MicroKernels.S.vectorBitSize() + " x" + threads;
    }

    @Override
    public String toString() {
        return name();
    }
}

package digitlab.nn.kernel;

/**
 * Dense matrix kernels over flat, row-major {@code float} arrays.
 *
 * <p>Every layer of the network spends almost all of its time in one operation, the general
 * matrix product. A dense layer with weights {@code W[out x in]} and a batch {@code X[B x in]} uses
 * it three ways:
 * <pre>
 *   forward          Y[B x out]  = X[B x in]   · W^T          gemm(false, true,  B,   out, in, ...)
 *   backward, input  dX[B x in]  = dY[B x out] · W[out x in]  gemm(false, false, B,   in,  out, ...)
 *   backward, weight dW[out x in] += dY^T      · X[B x in]    gemm(true,  false, out, in,  B, ..., accumulate)
 * </pre>
 *
 * <p>Implementations must be deterministic: the same inputs give bit-identical outputs whatever
 * the thread count, so work may only be split across output elements (rows or columns of C), never
 * across the summation index k.
 */
public interface Kernels {

    /**
     * {@code C[m x n] = (accumulate ? C : 0) + op(A)[m x k] · op(B)[k x n]}.
     *
     * <p>Storage, all row-major: if {@code transA} is false, A is stored as {@code [m x k]} with row
     * stride {@code lda}; if true, A is stored as {@code [k x m]} with row stride {@code lda}.
     * Likewise B is {@code [k x n]} (stride {@code ldb}) or, transposed, {@code [n x k]}. C is
     * {@code [m x n]} with row stride {@code ldc}.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              boolean accumulate, float[] c, int cOff, int ldc);

    /** The number of threads this kernel set splits its work across (1 = the calling thread only). */
    int threads();

    /** A short name for logs and benchmarks, e.g. "reference" or "vector-avx512 x2". */
    String name();
}

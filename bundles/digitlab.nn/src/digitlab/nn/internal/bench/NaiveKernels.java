package digitlab.nn.internal.bench;

import digitlab.nn.kernel.Kernels;

/**
 * The textbook triple loop, {@code C[i][j] = sum_t op(A)[i][t] · op(B)[t][j]} in i-j-t order with
 * no regard for memory order: the floor the benchmark shows for scale, one thread only.
 */
public final class NaiveKernels implements Kernels {

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c[cOff + i * ldc + j] : 0f;
                for (int t = 0; t < k; t++) {
                    float x = transA ? a[aOff + t * lda + i] : a[aOff + i * lda + t];
                    float y = transB ? b[bOff + j * ldb + t] : b[bOff + t * ldb + j];
                    sum += x * y;
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public String name() {
        return "naive x1";
    }
}

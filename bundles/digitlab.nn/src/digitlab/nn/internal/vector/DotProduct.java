package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.S;

import digitlab.nn.kernel.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@code C[m x n] = (acc ? C : 0) + A[m x k] · B^T} for a handful of rows {@code m}, as dot
 * products: both A's rows and B's rows ({@code B} stored {@code [n x k]}) are contiguous along k,
 * so nothing is packed. This is the single-image forward pass (matrix times vector), where packing
 * the weight matrix would cost as much as the product itself.
 *
 * <p>Each dot product keeps one vector of partial sums (lane l sums t = l, l+L, l+2L, ...), then
 * adds its lanes in lane order with scalar adds: a fixed order, so the result does not depend on
 * the thread that computes it. Four rows of B share each load of A's row.
 */
final class DotProduct implements Parallel.RangeTask {

    private int m, k;
    private float[] a, b, c;
    private int aOff, lda, bOff, ldb, cOff, ldc;
    private boolean acc;

    DotProduct set(int m, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   boolean acc, float[] c, int cOff, int ldc) {
        this.m = m;
        this.k = k;
        this.a = a;
        this.aOff = aOff;
        this.lda = lda;
        this.b = b;
        this.bOff = bOff;
        this.ldb = ldb;
        this.acc = acc;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        return this;
    }

    /** Computes columns {@code [from, to)} of C for every row. */
    @Override
    public void run(int from, int to) {
        float[] lanes = Scratch.current().lanes;
        int full = k - k % L;
        VectorMask<Float> tail = S.indexInRange(full, k);
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            int j = from;
            for (; j + 4 <= to; j += 4) {
                int b0 = bOff + j * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int t = 0; t < full; t += L) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + t);
                    s0 = FloatVector.fromArray(S, b, b0 + t).fma(x, s0);
                    s1 = FloatVector.fromArray(S, b, b1 + t).fma(x, s1);
                    s2 = FloatVector.fromArray(S, b, b2 + t).fma(x, s2);
                    s3 = FloatVector.fromArray(S, b, b3 + t).fma(x, s3);
                }
                if (full < k) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + full, tail);
                    s0 = FloatVector.fromArray(S, b, b0 + full, tail).fma(x, s0);
                    s1 = FloatVector.fromArray(S, b, b1 + full, tail).fma(x, s1);
                    s2 = FloatVector.fromArray(S, b, b2 + full, tail).fma(x, s2);
                    s3 = FloatVector.fromArray(S, b, b3 + full, tail).fma(x, s3);
                }
                s0.intoArray(lanes, 0);
                s1.intoArray(lanes, L);
                s2.intoArray(lanes, 2 * L);
                s3.intoArray(lanes, 3 * L);
                store(ci + j, sumLanes(lanes, 0));
                store(ci + j + 1, sumLanes(lanes, L));
                store(ci + j + 2, sumLanes(lanes, 2 * L));
                store(ci + j + 3, sumLanes(lanes, 3 * L));
            }
            for (; j < to; j++) {
                int b0 = bOff + j * ldb;
                FloatVector s0 = FloatVector.zero(S);
                for (int t = 0; t < full; t += L) {
                    s0 = FloatVector.fromArray(S, b, b0 + t).fma(FloatVector.fromArray(S, a, ai + t), s0);
                }
                if (full < k) {
                    s0 = FloatVector.fromArray(S, b, b0 + full, tail)
                            .fma(FloatVector.fromArray(S, a, ai + full, tail), s0);
                }
                s0.intoArray(lanes, 0);
                store(ci + j, sumLanes(lanes, 0));
            }
        }
    }

    private void store(int index, float dot) {
        c[index] = acc ? c[index] + dot : dot;
    }

    /** Lanes {@code [at, at + L)} summed pairwise in a fixed tree (shorter dependency chains). */
    private static float sumLanes(float[] lanes, int at) {
        float s = 0f;
        for (int l = 0; l < L; l += 4) {
            s += (lanes[at + l] + lanes[at + l + 1]) + (lanes[at + l + 2] + lanes[at + l + 3]);
        }
        return s;
    }
}

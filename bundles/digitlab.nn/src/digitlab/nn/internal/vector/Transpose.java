package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.S;

import digitlab.nn.kernel.Parallel;
import jdk.incubator.vector.FloatVector;

/**
 * Packs a row-major matrix {@code src[rows x cols]} (row stride {@code ld}) transposed into
 * {@code dst[cols x ldd]}, {@code ldd} = rows rounded up to whole vectors with zeros in the
 * padding, so that a product can read what was a column as a contiguous row of vectors.
 *
 * <p>Each destination vector is one gather of L source rows' elements in the same column (twice as
 * fast as scalar copies, measured); the last {@code rows % L} rows are copied one by one. Split over
 * the destination rows (source columns); L consecutive columns share the L source cache lines.
 */
final class Transpose implements Parallel.RangeTask {

    private float[] src;
    private int off, ld, rows, ldd;
    private float[] dst;

    Transpose set(float[] src, int off, int ld, int rows, float[] dst) {
        this.src = src;
        this.off = off;
        this.ld = ld;
        this.rows = rows;
        this.ldd = PanelProduct.roundUp(rows);
        this.dst = dst;
        return this;
    }

    /** Writes destination rows {@code [from, to)}, i.e. source columns {@code [from, to)}. */
    @Override
    public void run(int from, int to) {
        float[] s = src;
        float[] d = dst;
        int n = rows;
        int ldd = this.ldd;
        int[] index = Workspace.current().gatherIndex;
        for (int l = 0; l < L; l++) {
            index[l] = l * ld;
        }
        int r0 = 0;
        for (; r0 + L <= n; r0 += L) {
            int base = off + r0 * ld;
            for (int cc = from; cc < to; cc++) {
                FloatVector.fromArray(S, s, base + cc, index, 0).intoArray(d, cc * ldd + r0);
            }
        }
        if (r0 < n) {
            for (int cc = from; cc < to; cc++) {
                java.util.Arrays.fill(d, cc * ldd + n, cc * ldd + ldd, 0f);
            }
            for (int r = r0; r < n; r++) {
                int si = off + r * ld;
                for (int cc = from; cc < to; cc++) {
                    d[cc * ldd + r] = s[si + cc];
                }
            }
        }
    }
}

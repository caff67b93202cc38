package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.S;

import digitlab.nn.kernel.Parallel;
import jdk.incubator.vector.FloatVector;

/**
 * Packs a row-major matrix {@code src[rows x cols]} (row stride {@code ld}) transposed into
 * {@code dst[cols x ldd]}, {@code ldd} = rows rounded up to whole vectors, so that a product can
 * read what was a column as a contiguous row of vectors. The padding holds copies of the last row:
 * finite whenever the data is, and only ever multiplied into output columns that are discarded.
 *
 * <p>Each destination vector is one gather of L source rows' elements in the same column (faster than
 * scalar copies: bench/README.md); the last, partial vector gathers the last row
 * again into its padding lanes. Split over the destination rows (source columns); consecutive
 * columns share the L source cache lines.
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
        Scratch ws = Scratch.current();
        int[] index = ws.gatherIndex;
        int[] tail = ws.gatherTail;
        int r0 = 0;
        for (; r0 + L <= n; r0 += L) {
            for (int l = 0; l < L; l++) {
                index[l] = l * ld;
            }
            int base = off + r0 * ld;
            for (int cc = from; cc < to; cc++) {
                FloatVector.fromArray(S, s, base + cc, index, 0).intoArray(d, cc * ldd + r0);
            }
        }
        if (r0 < n) {
            // The last n - r0 rows, and copies of the last row in the padding lanes.
            for (int l = 0; l < L; l++) {
                tail[l] = Math.min(l, n - 1 - r0) * ld;
            }
            int base = off + r0 * ld;
            for (int cc = from; cc < to; cc++) {
                FloatVector.fromArray(S, s, base + cc, tail, 0).intoArray(d, cc * ldd + r0);
            }
        }
    }
}

package digitlab.nn.internal.vector;

import digitlab.nn.kernel.Parallel;

/**
 * Packs a row-major matrix {@code src[rows x cols]} (row stride {@code ld}) transposed into
 * {@code dst[cols x ldd]}, {@code ldd} = rows rounded up to whole vectors with zeros in the padding, so that a product can read what was a column as a contiguous
 * row of vectors. Split over the destination rows; the source is read in strips of 16 columns so
 * the 16 destination rows being written stay in L1.
 */
final class Transpose implements Parallel.RangeTask {

    private static final int STRIP = 16;

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
        for (int cc = from; cc < to; cc++) {
            java.util.Arrays.fill(d, cc * ldd + n, cc * ldd + ldd, 0f);
        }
        for (int c0 = from; c0 < to; c0 += STRIP) {
            int c1 = Math.min(to, c0 + STRIP);
            for (int r = 0; r < n; r++) {
                int si = off + r * ld;
                for (int cc = c0; cc < c1; cc++) {
                    d[cc * ldd + r] = s[si + cc];
                }
            }
        }
    }
}

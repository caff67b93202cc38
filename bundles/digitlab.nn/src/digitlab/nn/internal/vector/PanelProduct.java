package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.MR;
import static digitlab.nn.internal.vector.MicroKernels.NR;
import static digitlab.nn.internal.vector.MicroKernels.S;

import digitlab.nn.kernel.Parallel;
import jdk.incubator.vector.FloatVector;

/**
 * One product {@code O = (acc ? O : 0) + P · Q} cut into micro-kernel blocks, where
 * <pre>
 *   P(i, t) = p[pOff + i*pRow + t*pCol]    [rows x k], any strides (the broadcast side)
 *   Q(t, j) = q[qOff + t*ldq + j]          [k x cols], rows contiguous (the vector side)
 *   O(i, j) = c[cOff + i*ldc + j]          or, with transposedOut, c[cOff + j*ldc + i]
 * </pre>
 * Each thread computes a rectangle {@code [i0, i1) x [j0, j1)} of O (split by rows or columns,
 * see {@link #runParallel}).
 *
 * <p>Blocking: k is cut into blocks of about {@link #KC} so that the slice of a Q panel a kernel
 * streams ({@code KC x NR} floats, 28 KB) stays in L1 while the rows of P go by; columns go in
 * panels of {@link MicroKernels#NR} for the main 4 x 4-vector kernel (with vectors of 256 bits or
 * less, two 6 x 2-vector kernels side by side), narrower panels use the 8 x 2 (6 x 2) or 4 x 1 kernel. The kernels never use masks, so
 * <ul>
 * <li>a panel whose width is not a whole number of vectors is first copied, zero-padded, into a
 *     per-thread buffer ({@code qPadded} says when Q already has readable padding), and
 * <li>an output that the kernels cannot store into directly (transposed, or a row length that is
 *     not a whole number of vectors) is computed into a per-thread buffer in natural layout and
 *     copied out at the end.
 * </ul>
 * Cutting k into blocks does not change any bits: the running sums are floats in registers and
 * floats in memory alike.
 */
final class PanelProduct implements Parallel.RangeTask {

    /** Chunks per thread of a parallel product: small enough that a descheduled worker delays little. */
    static final int CHUNKS_PER_THREAD = 4;

    /** Rows per unit when a product is split by rows: a whole number of the main kernel's rows. */
    static final int ROW_UNIT = MicroKernels.NARROW ? 6 : 8;

    /** Target depth of a k block. */
    static final int KC = 112;

    private int rows, cols, k;
    private float[] p;
    private int pOff, pRow, pCol;
    private float[] q;
    private int qOff, ldq;
    private boolean qPadded;
    private boolean acc;
    private float[] c;
    private int cOff, ldc;
    private boolean transposedOut;

    // How a parallel run cuts the product: units of ROW_UNIT rows, or of panels / vectors of columns.
    private boolean splitRows;
    private int colUnit;

    /**
     * Sets up the product (this object is reused by its thread, so a call allocates nothing).
     * {@code qPadded}: every row of Q can be read up to {@code roundUp(cols, L)} columns (what the
     * padding holds only reaches output columns that are discarded).
     */
    PanelProduct set(int rows, int cols, int k, float[] p, int pOff, int pRow, int pCol,
                     float[] q, int qOff, int ldq, boolean qPadded,
                     boolean acc, float[] c, int cOff, int ldc, boolean transposedOut) {
        this.rows = rows;
        this.cols = cols;
        this.k = k;
        this.p = p;
        this.pOff = pOff;
        this.pRow = pRow;
        this.pCol = pCol;
        this.q = q;
        this.qOff = qOff;
        this.ldq = ldq;
        this.qPadded = qPadded;
        this.acc = acc;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.transposedOut = transposedOut;
        return this;
    }

    /** Runs the whole product on the calling thread. */
    void runAll() {
        compute(0, rows, 0, cols);
    }

    /**
     * Runs the product on {@code threads} threads, split by rows (units of {@link #ROW_UNIT}) when there are enough
     * of them, else by columns (units of whole panels, or of vectors when panels are too few), into
     * up to {@link #CHUNKS_PER_THREAD} chunks per thread (see {@link Parallel}).
     */
    void runParallel(int threads) {
        int rowUnits = (rows + ROW_UNIT - 1) / ROW_UNIT;
        splitRows = rowUnits >= 2 * threads || cols <= L;
        int units;
        if (splitRows) {
            units = rowUnits;
        } else {
            colUnit = (cols + NR - 1) / NR >= 2 * threads ? NR : L;
            units = (cols + colUnit - 1) / colUnit;
        }
        Parallel.forRange(threads, Math.min(units, CHUNKS_PER_THREAD * threads), units, this);
    }

    @Override
    public void run(int from, int to) {
        if (splitRows) {
            compute(from * ROW_UNIT, Math.min(rows, to * ROW_UNIT), 0, cols);
        } else {
            compute(0, rows, from * colUnit, Math.min(cols, to * colUnit));
        }
    }

    /** Computes the rectangle {@code [i0, i1) x [j0, j1)} of O on the calling thread. */
    void compute(int i0, int i1, int j0, int j1) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        Scratch ws = Scratch.current();
        int width = j1 - j0;
        int paddedWidth = roundUp(width);
        boolean direct = !transposedOut && width == paddedWidth;
        // Where the kernels write: C itself, or a buffer [i1-i0 x paddedWidth] holding O's rectangle.
        float[] o;
        int oBase;
        int ldo;
        if (direct) {
            o = c;
            oBase = cOff + i0 * ldc + j0;
            ldo = ldc;
        } else {
            o = ws.output((i1 - i0) * paddedWidth);
            oBase = 0;
            ldo = paddedWidth;
            if (acc) {
                loadOutput(o, paddedWidth, i0, i1, j0, j1);
            }
        }
        int blocks = Math.max(1, (k + KC / 2) / KC);
        for (int b = 0; b < blocks; b++) {
            int t0 = (int) ((long) k * b / blocks);
            int t1 = (int) ((long) k * (b + 1) / blocks);
            boolean accumulate = acc || b > 0;
            for (int j = j0; j < j1; j += NR) {
                int w = Math.min(NR, j1 - j);
                int wv = roundUp(w);
                float[] qs = q;
                int qs0 = qOff + t0 * ldq + j;
                int ldqs = ldq;
                if (w != wv && !qPadded) {
                    qs = ws.padded(t1 - t0, w, wv, q, qs0, ldq);
                    qs0 = 0;
                    ldqs = wv;
                }
                int p0 = pOff + t0 * pCol;
                panel(t1 - t0, wv, i0, i1, p0, qs, qs0, ldqs, accumulate, o, oBase + (j - j0), ldo);
            }
        }
        if (!direct) {
            storeOutput(o, paddedWidth, i0, i1, j0, j1);
        }
    }

    /** Rows {@code [i0, i1)} of one panel {@code wv} columns wide (a multiple of L), k-slice of depth kc. */
    private void panel(int kc, int wv, int i0, int i1, int p0, float[] qs, int qs0, int ldqs,
                       boolean accumulate, float[] o, int o0, int ldo) {
        int i = i0;
        if (MicroKernels.NARROW && wv == NR) { // two 6 x 2-vector kernels per block of 6 rows
            for (; i + 6 <= i1; i += 6) {
                int oi = o0 + (i - i0) * ldo;
                MicroKernels.k6x2(kc, p, p0 + i * pRow, pRow, pCol, qs, qs0, ldqs, accumulate, o, oi, ldo);
                MicroKernels.k6x2(kc, p, p0 + i * pRow, pRow, pCol, qs, qs0 + 2 * L, ldqs, accumulate, o, oi + 2 * L, ldo);
            }
            for (; i < i1; i++) {
                MicroKernels.k1x4(kc, p, p0 + i * pRow, pCol, qs, qs0, ldqs, accumulate, o, o0 + (i - i0) * ldo);
            }
            return;
        }
        if (MicroKernels.NARROW && wv == 2 * L) {
            for (; i + 6 <= i1; i += 6) {
                MicroKernels.k6x2(kc, p, p0 + i * pRow, pRow, pCol, qs, qs0, ldqs, accumulate, o, o0 + (i - i0) * ldo, ldo);
            }
        } else if (wv == NR) {
            for (; i + MR <= i1; i += MR) {
                MicroKernels.k4x4(kc, p, p0 + i * pRow, pRow, pCol, qs, qs0, ldqs, accumulate, o, o0 + (i - i0) * ldo, ldo);
            }
            for (; i < i1; i++) {
                MicroKernels.k1x4(kc, p, p0 + i * pRow, pCol, qs, qs0, ldqs, accumulate, o, o0 + (i - i0) * ldo);
            }
            return;
        }
        if (!MicroKernels.NARROW && wv == 2 * L) {
            for (; i + 8 <= i1; i += 8) {
                MicroKernels.k8x2(kc, p, p0 + i * pRow, pRow, pCol, qs, qs0, ldqs, accumulate, o, o0 + (i - i0) * ldo, ldo);
            }
        }
        for (int v = 0; v < wv; v += L) {
            int r = i;
            for (; r + MR <= i1; r += MR) {
                MicroKernels.k4x1(kc, p, p0 + r * pRow, pRow, pCol, qs, qs0 + v, ldqs, accumulate, o, o0 + (r - i0) * ldo + v, ldo);
            }
            for (; r < i1; r++) {
                MicroKernels.k1x1(kc, p, p0 + r * pRow, pCol, qs, qs0 + v, ldqs, accumulate, o, o0 + (r - i0) * ldo + v);
            }
        }
    }

    /** Fills the output buffer with O's current values (to accumulate onto them). */
    private void loadOutput(float[] o, int ldo, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * ldo;
            for (int j = j0; j < j1; j++) {
                o[row + j - j0] = c[transposedOut ? cOff + j * ldc + i : cOff + i * ldc + j];
            }
        }
    }

    /** Copies the output buffer to O: row by row, or transposed (each C row gets a run of i's). */
    private void storeOutput(float[] o, int ldo, int i0, int i1, int j0, int j1) {
        if (transposedOut) {
            // C row j gets O's column j: whole vectors by gathers down the column, the rest one by one.
            int[] index = Scratch.current().gatherIndex;
            for (int l = 0; l < L; l++) {
                index[l] = l * ldo;
            }
            int full = i0 + (i1 - i0) / L * L;
            for (int j = j0; j < j1; j++) {
                int base = cOff + j * ldc;
                for (int i = i0; i < full; i += L) {
                    FloatVector.fromArray(S, o, (i - i0) * ldo + j - j0, index, 0).intoArray(c, base + i);
                }
                for (int i = full; i < i1; i++) {
                    c[base + i] = o[(i - i0) * ldo + j - j0];
                }
            }
        } else {
            for (int i = i0; i < i1; i++) {
                System.arraycopy(o, (i - i0) * ldo, c, cOff + i * ldc + j0, j1 - j0);
            }
        }
    }

    /** {@code n} rounded up to a whole number of vectors. */
    static int roundUp(int n) {
        return (n + L - 1) / L * L;
    }
}

package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.MR;
import static digitlab.nn.internal.vector.MicroKernels.NR;
import static digitlab.nn.internal.vector.MicroKernels.S;

import digitlab.nn.kernel.Parallel;
import jdk.incubator.vector.VectorMask;

/**
 * One product {@code O = (acc ? O : 0) + P · Q} cut into micro-kernel blocks, where
 * <pre>
 *   P(i, t) = p[pOff + i*pRow + t*pCol]    [rows x k], any strides (the broadcast side)
 *   Q(t, j) = q[qOff + t*ldq + j]          [k x cols], rows contiguous (the vector side)
 *   O(i, j) = c[cOff + i*ldc + j]          or, with transposedOut, c[cOff + j*ldc + i]
 * </pre>
 * A caller hands it a rectangle {@code [i0, i1) x [j0, j1)} of O, one thread's share. Columns go in
 * panels of {@link MicroKernels#NR} (the main 4 x 4-vector kernel); narrower panels use the 8 x 2
 * or the masked 4 x 1 kernel. A transposed output goes through a small per-thread tile: the kernel
 * works on rows of the tile, which is then copied (and, to accumulate, first filled) element-wise.
 */
final class PanelProduct implements Parallel.RangeTask {

    /** Rows of the tile: enough for the tallest kernel (8 x 2 vectors). */
    static final int TILE_ROWS = 8;
    static final int TILE_SIZE = TILE_ROWS * NR;

    private int k;
    private float[] p;
    private int pOff, pRow, pCol;
    private float[] q;
    private int qOff, ldq;
    private boolean acc;
    private float[] c;
    private int cOff, ldc;
    private boolean transposedOut;

    // How a parallel run cuts the product: units of 8 rows or of whole panels / vectors of columns.
    private int rows, cols;
    private boolean splitRows;
    private int colUnit;

    /** Sets up the product (this object is reused by its thread, so a call allocates nothing). */
    PanelProduct set(int rows, int cols, int k, float[] p, int pOff, int pRow, int pCol,
                     float[] q, int qOff, int ldq,
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
        this.acc = acc;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.transposedOut = transposedOut;
        return this;
    }

    /** Runs the whole product on the calling thread. */
    void runAll(float[] tile) {
        compute(0, rows, 0, cols, tile);
    }

    /** Runs the product split into {@code parts} shares of output rows or columns. */
    void runParallel(int parts) {
        int rowUnits = (rows + 7) / 8;
        splitRows = rowUnits >= 2 * parts || cols <= L;
        if (splitRows) {
            Parallel.forRange(parts, rowUnits, this);
            return;
        }
        colUnit = (cols + NR - 1) / NR >= 2 * parts ? NR : L;
        Parallel.forRange(parts, (cols + colUnit - 1) / colUnit, this);
    }

    @Override
    public void run(int from, int to) {
        float[] tile = Workspace.current().tile;
        if (splitRows) {
            compute(from * 8, Math.min(rows, to * 8), 0, cols, tile);
        } else {
            compute(0, rows, from * colUnit, Math.min(cols, to * colUnit), tile);
        }
    }

    /** Computes the rectangle {@code [i0, i1) x [j0, j1)} of O; {@code tile} is this thread's scratch. */
    void compute(int i0, int i1, int j0, int j1, float[] tile) {
        for (int j = j0; j < j1; j += NR) {
            int w = Math.min(NR, j1 - j);
            int i = i0;
            if (w == NR) {
                for (; i + MR <= i1; i += MR) {
                    block(i, j, MR, w, tile, Kind.K4X4, null);
                }
                for (; i < i1; i++) {
                    block(i, j, 1, w, tile, Kind.K1X4, null);
                }
                continue;
            }
            if (w > L && w <= 2 * L) {
                VectorMask<Float> second = S.indexInRange(L, w);
                for (; i + 8 <= i1; i += 8) {
                    block(i, j, 8, w, tile, Kind.K8X2, second);
                }
            }
            // What is left: masked single vectors, 4 rows or 1 row at a time.
            for (int v = 0; v < w; v += L) {
                VectorMask<Float> mask = S.indexInRange(v, w);
                int r = i;
                for (; r + MR <= i1; r += MR) {
                    block(r, j + v, MR, Math.min(L, w - v), tile, Kind.K4X1, mask);
                }
                for (; r < i1; r++) {
                    block(r, j + v, 1, Math.min(L, w - v), tile, Kind.K1X1, mask);
                }
            }
        }
    }

    private enum Kind { K4X4, K1X4, K8X2, K4X1, K1X1 }

    /** One kernel call on the {@code h x w} block of O at {@code (i, j)}. */
    private void block(int i, int j, int h, int w, float[] tile, Kind kind, VectorMask<Float> mask) {
        float[] o;
        int o0;
        int ldo;
        if (transposedOut) {
            o = tile;
            o0 = 0;
            ldo = NR;
            if (acc) {
                for (int rr = 0; rr < h; rr++) {
                    for (int cc = 0; cc < w; cc++) {
                        tile[rr * NR + cc] = c[cOff + (j + cc) * ldc + i + rr];
                    }
                }
            }
        } else {
            o = c;
            o0 = cOff + i * ldc + j;
            ldo = ldc;
        }
        int p0 = pOff + i * pRow;
        int q0 = qOff + j;
        switch (kind) {
            case K4X4 -> MicroKernels.k4x4(k, p, p0, pRow, pCol, q, q0, ldq, acc, o, o0, ldo);
            case K1X4 -> MicroKernels.k1x4(k, p, p0, pCol, q, q0, ldq, acc, o, o0);
            case K8X2 -> MicroKernels.k8x2(k, p, p0, pRow, pCol, q, q0, ldq, mask, acc, o, o0, ldo);
            case K4X1 -> MicroKernels.k4x1(k, p, p0, pRow, pCol, q, q0, ldq, mask, acc, o, o0, ldo);
            case K1X1 -> MicroKernels.k1x1(k, p, p0, pCol, q, q0, ldq, mask, acc, o, o0);
        }
        if (transposedOut) {
            // Row cc of C gets h consecutive values: C[j+cc][i .. i+h).
            for (int cc = 0; cc < w; cc++) {
                int base = cOff + (j + cc) * ldc + i;
                for (int rr = 0; rr < h; rr++) {
                    c[base + rr] = tile[rr * NR + cc];
                }
            }
        }
    }
}

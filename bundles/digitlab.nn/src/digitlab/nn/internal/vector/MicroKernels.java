package digitlab.nn.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked FMA micro-kernels: the innermost loops of every product.
 *
 * <p>All of them compute one small block of {@code O = (acc ? O : 0) + P · Q} the same way:
 * <pre>
 *   P(i, t) = p[p0 + i*pRow + t*pCol]     a few rows i, read one scalar at a time and broadcast
 *   Q(t, j) = q[q0 + t*ldq + j]           a panel of columns j, contiguous, read as vectors
 *   O(i, j) = o[o0 + i*ldo + j]           the output block, kept in vector registers over all t
 *   for t = 0 .. k-1:  O(i, j) = fma(P(i, t), Q(t, j), O(i, j))
 * </pre>
 * Every output element is therefore one chain of fused multiply-adds over {@code t} in increasing
 * order, whichever kernel computes it and whatever block it falls in. A fused multiply-add is
 * exactly rounded, so a lane of a vector FMA and a scalar {@link Math#fma} give the same bits: the
 * result is independent of blocking, of edge handling and of how the work is split across threads.
 *
 * <p>The main kernel holds a 4 x 4-vector block (16 accumulators: 64 x 16 floats with AVX-512) and
 * needs 4 vector loads and 4 broadcasts per 16 FMAs, so it is bound by the FMA units. The edge
 * kernels cover what is left: narrower panels and single rows. No kernel uses masks (a masked
 * load in a hot loop costs several times a plain one): the caller pads partial panels instead.
 */
final class MicroKernels {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int L = S.length();
    /** Rows of the main kernel. */
    static final int MR = 4;
    /** Columns of the main kernel: four vectors. */
    static final int NR = 4 * L;
    /** Vectors of at most 256 bits (16 registers on x86): the main kernel is {@link #k6x2}, twice per panel. */
    static final boolean NARROW = L <= 8;

    private MicroKernels() {
    }

    /** The main kernel: 4 rows x 4 full vectors. */
    static void k4x4(int k, float[] p, int p0, int pRow, int pCol,
                     float[] q, int q0, int ldq, boolean acc, float[] o, int o0, int ldo) {
        int o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (acc) {
            c00 = FloatVector.fromArray(S, o, o0); c01 = FloatVector.fromArray(S, o, o0 + L);
            c02 = FloatVector.fromArray(S, o, o0 + 2 * L); c03 = FloatVector.fromArray(S, o, o0 + 3 * L);
            c10 = FloatVector.fromArray(S, o, o1); c11 = FloatVector.fromArray(S, o, o1 + L);
            c12 = FloatVector.fromArray(S, o, o1 + 2 * L); c13 = FloatVector.fromArray(S, o, o1 + 3 * L);
            c20 = FloatVector.fromArray(S, o, o2); c21 = FloatVector.fromArray(S, o, o2 + L);
            c22 = FloatVector.fromArray(S, o, o2 + 2 * L); c23 = FloatVector.fromArray(S, o, o2 + 3 * L);
            c30 = FloatVector.fromArray(S, o, o3); c31 = FloatVector.fromArray(S, o, o3 + L);
            c32 = FloatVector.fromArray(S, o, o3 + 2 * L); c33 = FloatVector.fromArray(S, o, o3 + 3 * L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c02 = z; c03 = z; c10 = z; c11 = z; c12 = z; c13 = z;
            c20 = z; c21 = z; c22 = z; c23 = z; c30 = z; c31 = z; c32 = z; c33 = z;
        }
        int r0 = p0, r1 = p0 + pRow, r2 = r1 + pRow, r3 = r2 + pRow;
        int qi = q0;
        for (int t = 0; t < k; t++) {
            FloatVector q0v = FloatVector.fromArray(S, q, qi);
            FloatVector q1v = FloatVector.fromArray(S, q, qi + L);
            FloatVector q2v = FloatVector.fromArray(S, q, qi + 2 * L);
            FloatVector q3v = FloatVector.fromArray(S, q, qi + 3 * L);
            FloatVector b = FloatVector.broadcast(S, p[r0]);
            c00 = q0v.fma(b, c00); c01 = q1v.fma(b, c01); c02 = q2v.fma(b, c02); c03 = q3v.fma(b, c03);
            b = FloatVector.broadcast(S, p[r1]);
            c10 = q0v.fma(b, c10); c11 = q1v.fma(b, c11); c12 = q2v.fma(b, c12); c13 = q3v.fma(b, c13);
            b = FloatVector.broadcast(S, p[r2]);
            c20 = q0v.fma(b, c20); c21 = q1v.fma(b, c21); c22 = q2v.fma(b, c22); c23 = q3v.fma(b, c23);
            b = FloatVector.broadcast(S, p[r3]);
            c30 = q0v.fma(b, c30); c31 = q1v.fma(b, c31); c32 = q2v.fma(b, c32); c33 = q3v.fma(b, c33);
            qi += ldq;
            r0 += pCol; r1 += pCol; r2 += pCol; r3 += pCol;
        }
        c00.intoArray(o, o0); c01.intoArray(o, o0 + L); c02.intoArray(o, o0 + 2 * L); c03.intoArray(o, o0 + 3 * L);
        c10.intoArray(o, o1); c11.intoArray(o, o1 + L); c12.intoArray(o, o1 + 2 * L); c13.intoArray(o, o1 + 3 * L);
        c20.intoArray(o, o2); c21.intoArray(o, o2 + L); c22.intoArray(o, o2 + 2 * L); c23.intoArray(o, o2 + 3 * L);
        c30.intoArray(o, o3); c31.intoArray(o, o3 + L); c32.intoArray(o, o3 + 2 * L); c33.intoArray(o, o3 + 3 * L);
    }

    /**
     * 6 rows x 2 vectors (12 accumulators): the main kernel where vectors are 256 bits or narrower (see
     * {@link #NARROW}), two per 4-vector panel. With 16 vector registers, {@link #k4x4}'s 16 accumulators, 4
     * panel vectors and a broadcast do not fit and spill; 12 + 2 + 1 do.
     */
    static void k6x2(int k, float[] p, int p0, int pRow, int pCol,
                     float[] q, int q0, int ldq, boolean acc, float[] o, int o0, int ldo) {
        int o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo, o4 = o3 + ldo, o5 = o4 + ldo;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (acc) {
            c00 = FloatVector.fromArray(S, o, o0); c01 = FloatVector.fromArray(S, o, o0 + L);
            c10 = FloatVector.fromArray(S, o, o1); c11 = FloatVector.fromArray(S, o, o1 + L);
            c20 = FloatVector.fromArray(S, o, o2); c21 = FloatVector.fromArray(S, o, o2 + L);
            c30 = FloatVector.fromArray(S, o, o3); c31 = FloatVector.fromArray(S, o, o3 + L);
            c40 = FloatVector.fromArray(S, o, o4); c41 = FloatVector.fromArray(S, o, o4 + L);
            c50 = FloatVector.fromArray(S, o, o5); c51 = FloatVector.fromArray(S, o, o5 + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z; c40 = z; c41 = z; c50 = z; c51 = z;
        }
        int r0 = p0, r1 = r0 + pRow, r2 = r1 + pRow, r3 = r2 + pRow, r4 = r3 + pRow, r5 = r4 + pRow;
        int qi = q0;
        for (int t = 0; t < k; t++) {
            FloatVector q0v = FloatVector.fromArray(S, q, qi);
            FloatVector q1v = FloatVector.fromArray(S, q, qi + L);
            FloatVector b = FloatVector.broadcast(S, p[r0]);
            c00 = q0v.fma(b, c00); c01 = q1v.fma(b, c01);
            b = FloatVector.broadcast(S, p[r1]);
            c10 = q0v.fma(b, c10); c11 = q1v.fma(b, c11);
            b = FloatVector.broadcast(S, p[r2]);
            c20 = q0v.fma(b, c20); c21 = q1v.fma(b, c21);
            b = FloatVector.broadcast(S, p[r3]);
            c30 = q0v.fma(b, c30); c31 = q1v.fma(b, c31);
            b = FloatVector.broadcast(S, p[r4]);
            c40 = q0v.fma(b, c40); c41 = q1v.fma(b, c41);
            b = FloatVector.broadcast(S, p[r5]);
            c50 = q0v.fma(b, c50); c51 = q1v.fma(b, c51);
            qi += ldq;
            r0 += pCol; r1 += pCol; r2 += pCol; r3 += pCol; r4 += pCol; r5 += pCol;
        }
        c00.intoArray(o, o0); c01.intoArray(o, o0 + L);
        c10.intoArray(o, o1); c11.intoArray(o, o1 + L);
        c20.intoArray(o, o2); c21.intoArray(o, o2 + L);
        c30.intoArray(o, o3); c31.intoArray(o, o3 + L);
        c40.intoArray(o, o4); c41.intoArray(o, o4 + L);
        c50.intoArray(o, o5); c51.intoArray(o, o5 + L);
    }

    /** 8 rows x 2 vectors: for panels 2 vectors wide (e.g. 28 or 32 columns). */
    static void k8x2(int k, float[] p, int p0, int pRow, int pCol,
                     float[] q, int q0, int ldq, boolean acc, float[] o, int o0, int ldo) {
        int o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo, o4 = o3 + ldo, o5 = o4 + ldo, o6 = o5 + ldo, o7 = o6 + ldo;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (acc) {
            c00 = FloatVector.fromArray(S, o, o0); c01 = FloatVector.fromArray(S, o, o0 + L);
            c10 = FloatVector.fromArray(S, o, o1); c11 = FloatVector.fromArray(S, o, o1 + L);
            c20 = FloatVector.fromArray(S, o, o2); c21 = FloatVector.fromArray(S, o, o2 + L);
            c30 = FloatVector.fromArray(S, o, o3); c31 = FloatVector.fromArray(S, o, o3 + L);
            c40 = FloatVector.fromArray(S, o, o4); c41 = FloatVector.fromArray(S, o, o4 + L);
            c50 = FloatVector.fromArray(S, o, o5); c51 = FloatVector.fromArray(S, o, o5 + L);
            c60 = FloatVector.fromArray(S, o, o6); c61 = FloatVector.fromArray(S, o, o6 + L);
            c70 = FloatVector.fromArray(S, o, o7); c71 = FloatVector.fromArray(S, o, o7 + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        int r0 = p0, r1 = r0 + pRow, r2 = r1 + pRow, r3 = r2 + pRow;
        int r4 = r3 + pRow, r5 = r4 + pRow, r6 = r5 + pRow, r7 = r6 + pRow;
        int qi = q0;
        for (int t = 0; t < k; t++) {
            FloatVector q0v = FloatVector.fromArray(S, q, qi);
            FloatVector q1v = FloatVector.fromArray(S, q, qi + L);
            FloatVector b = FloatVector.broadcast(S, p[r0]);
            c00 = q0v.fma(b, c00); c01 = q1v.fma(b, c01);
            b = FloatVector.broadcast(S, p[r1]);
            c10 = q0v.fma(b, c10); c11 = q1v.fma(b, c11);
            b = FloatVector.broadcast(S, p[r2]);
            c20 = q0v.fma(b, c20); c21 = q1v.fma(b, c21);
            b = FloatVector.broadcast(S, p[r3]);
            c30 = q0v.fma(b, c30); c31 = q1v.fma(b, c31);
            b = FloatVector.broadcast(S, p[r4]);
            c40 = q0v.fma(b, c40); c41 = q1v.fma(b, c41);
            b = FloatVector.broadcast(S, p[r5]);
            c50 = q0v.fma(b, c50); c51 = q1v.fma(b, c51);
            b = FloatVector.broadcast(S, p[r6]);
            c60 = q0v.fma(b, c60); c61 = q1v.fma(b, c61);
            b = FloatVector.broadcast(S, p[r7]);
            c70 = q0v.fma(b, c70); c71 = q1v.fma(b, c71);
            qi += ldq;
            r0 += pCol; r1 += pCol; r2 += pCol; r3 += pCol; r4 += pCol; r5 += pCol; r6 += pCol; r7 += pCol;
        }
        c00.intoArray(o, o0); c01.intoArray(o, o0 + L);
        c10.intoArray(o, o1); c11.intoArray(o, o1 + L);
        c20.intoArray(o, o2); c21.intoArray(o, o2 + L);
        c30.intoArray(o, o3); c31.intoArray(o, o3 + L);
        c40.intoArray(o, o4); c41.intoArray(o, o4 + L);
        c50.intoArray(o, o5); c51.intoArray(o, o5 + L);
        c60.intoArray(o, o6); c61.intoArray(o, o6 + L);
        c70.intoArray(o, o7); c71.intoArray(o, o7 + L);
    }

    /** 1 row x 4 full vectors: the rows left over below the last group of 4 in a full panel. */
    static void k1x4(int k, float[] p, int p0, int pCol,
                     float[] q, int q0, int ldq, boolean acc, float[] o, int o0) {
        FloatVector c0, c1, c2, c3;
        if (acc) {
            c0 = FloatVector.fromArray(S, o, o0); c1 = FloatVector.fromArray(S, o, o0 + L);
            c2 = FloatVector.fromArray(S, o, o0 + 2 * L); c3 = FloatVector.fromArray(S, o, o0 + 3 * L);
        } else {
            c0 = FloatVector.zero(S); c1 = c0; c2 = c0; c3 = c0;
        }
        int r = p0;
        int qi = q0;
        for (int t = 0; t < k; t++) {
            FloatVector b = FloatVector.broadcast(S, p[r]);
            c0 = FloatVector.fromArray(S, q, qi).fma(b, c0);
            c1 = FloatVector.fromArray(S, q, qi + L).fma(b, c1);
            c2 = FloatVector.fromArray(S, q, qi + 2 * L).fma(b, c2);
            c3 = FloatVector.fromArray(S, q, qi + 3 * L).fma(b, c3);
            qi += ldq;
            r += pCol;
        }
        c0.intoArray(o, o0); c1.intoArray(o, o0 + L); c2.intoArray(o, o0 + 2 * L); c3.intoArray(o, o0 + 3 * L);
    }

    /** 4 rows x 1 vector: the columns left over right of the last full panel. */
    static void k4x1(int k, float[] p, int p0, int pRow, int pCol,
                     float[] q, int q0, int ldq, boolean acc, float[] o, int o0, int ldo) {
        int o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo;
        FloatVector c0, c1, c2, c3;
        if (acc) {
            c0 = FloatVector.fromArray(S, o, o0); c1 = FloatVector.fromArray(S, o, o1);
            c2 = FloatVector.fromArray(S, o, o2); c3 = FloatVector.fromArray(S, o, o3);
        } else {
            c0 = FloatVector.zero(S); c1 = c0; c2 = c0; c3 = c0;
        }
        int r0 = p0, r1 = r0 + pRow, r2 = r1 + pRow, r3 = r2 + pRow;
        int qi = q0;
        for (int t = 0; t < k; t++) {
            FloatVector qv = FloatVector.fromArray(S, q, qi);
            c0 = qv.fma(FloatVector.broadcast(S, p[r0]), c0);
            c1 = qv.fma(FloatVector.broadcast(S, p[r1]), c1);
            c2 = qv.fma(FloatVector.broadcast(S, p[r2]), c2);
            c3 = qv.fma(FloatVector.broadcast(S, p[r3]), c3);
            qi += ldq;
            r0 += pCol; r1 += pCol; r2 += pCol; r3 += pCol;
        }
        c0.intoArray(o, o0); c1.intoArray(o, o1); c2.intoArray(o, o2); c3.intoArray(o, o3);
    }

    /** 1 row x 1 vector: the last corner. */
    static void k1x1(int k, float[] p, int p0, int pCol,
                     float[] q, int q0, int ldq, boolean acc, float[] o, int o0) {
        FloatVector c = acc ? FloatVector.fromArray(S, o, o0) : FloatVector.zero(S);
        int r = p0;
        int qi = q0;
        for (int t = 0; t < k; t++) {
            c = FloatVector.fromArray(S, q, qi).fma(FloatVector.broadcast(S, p[r]), c);
            qi += ldq;
            r += pCol;
        }
        c.intoArray(o, o0);
    }
}

package digitlab.nn.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stride-1 convolution straight from the zero-padded input on the Vector API, without materialising the
 * window matrix (load only after {@link ConvVectorPaths#AVAILABLE}). Uses the wide layout of
 * {@link WideColumns}: for kernel tap {@code q}, the windows' values at the {@code j}-th column are
 * {@code xpad[tap[q] + j]}, so the "window matrix" is read where it lies, at {@code tap[q] + j}.
 * Columns are counted in whole vectors ({@code cols} a multiple of the vector length): the columns past
 * the last output position compute values nobody reads, or, in the backward pass, read output
 * gradients that are 0.
 *
 * <p>Each output element is one chain of fused multiply-adds in a fixed order (taps, filters or
 * columns in increasing order), whichever block or thread computes it; the weight gradient keeps one
 * partial sum per vector lane ({@link #weightPartials}) that {@link #reducePartials} adds up in a fixed
 * order. So results do not depend on the thread count.
 */
final class VectorConv {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int L = S.length();

    private VectorConv() {
    }

    /**
     * Forward: {@code out[outOff + f*ldo + j] = sum over q of w[wOff + f*ckk + q] * xpad[padOff + tap[q] + j]}
     * for filters {@code [f0, f1)} and columns {@code j < cols} ({@code cols} a multiple of {@link #L}).
     */
    static void forward(float[] w, int wOff, int ckk, int[] tap, float[] xpad, int padOff,
                        float[] out, int outOff, int ldo, int f0, int f1, int cols) {
        int f = f0;
        int width = blockWidth(cols / L) * L;
        for (; f + 4 <= f1; f += 4) {
            int j = 0;
            if (width == 3 * L) {
                for (; j + 3 * L <= cols; j += 3 * L) forward4x3(w, wOff + f * ckk, ckk, tap, xpad, padOff + j, out, outOff + f * ldo + j, ldo);
            } else {
                for (; j + 4 * L <= cols; j += 4 * L) forward4x4(w, wOff + f * ckk, ckk, tap, xpad, padOff + j, out, outOff + f * ldo + j, ldo);
            }
            for (; j < cols; j += L) forward4x1(w, wOff + f * ckk, ckk, tap, xpad, padOff + j, out, outOff + f * ldo + j, ldo);
        }
        for (; f < f1; f++) {
            for (int j = 0; j < cols; j += L) forward1x1(w, wOff + f * ckk, ckk, tap, xpad, padOff + j, out, outOff + f * ldo + j);
        }
    }

    private static void forward4x4(float[] w, int w0, int ckk, int[] tap, float[] x, int x0, float[] o, int o0, int ldo) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        int w1 = w0 + ckk, w2 = w1 + ckk, w3 = w2 + ckk;
        for (int q = 0; q < ckk; q++) {
            int xi = x0 + tap[q];
            FloatVector x0v = FloatVector.fromArray(S, x, xi);
            FloatVector x1v = FloatVector.fromArray(S, x, xi + L);
            FloatVector x2v = FloatVector.fromArray(S, x, xi + 2 * L);
            FloatVector x3v = FloatVector.fromArray(S, x, xi + 3 * L);
            FloatVector b = FloatVector.broadcast(S, w[w0 + q]);
            c00 = x0v.fma(b, c00); c01 = x1v.fma(b, c01); c02 = x2v.fma(b, c02); c03 = x3v.fma(b, c03);
            b = FloatVector.broadcast(S, w[w1 + q]);
            c10 = x0v.fma(b, c10); c11 = x1v.fma(b, c11); c12 = x2v.fma(b, c12); c13 = x3v.fma(b, c13);
            b = FloatVector.broadcast(S, w[w2 + q]);
            c20 = x0v.fma(b, c20); c21 = x1v.fma(b, c21); c22 = x2v.fma(b, c22); c23 = x3v.fma(b, c23);
            b = FloatVector.broadcast(S, w[w3 + q]);
            c30 = x0v.fma(b, c30); c31 = x1v.fma(b, c31); c32 = x2v.fma(b, c32); c33 = x3v.fma(b, c33);
        }
        int o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo;
        c00.intoArray(o, o0); c01.intoArray(o, o0 + L); c02.intoArray(o, o0 + 2 * L); c03.intoArray(o, o0 + 3 * L);
        c10.intoArray(o, o1); c11.intoArray(o, o1 + L); c12.intoArray(o, o1 + 2 * L); c13.intoArray(o, o1 + 3 * L);
        c20.intoArray(o, o2); c21.intoArray(o, o2 + L); c22.intoArray(o, o2 + 2 * L); c23.intoArray(o, o2 + 3 * L);
        c30.intoArray(o, o3); c31.intoArray(o, o3 + L); c32.intoArray(o, o3 + 2 * L); c33.intoArray(o, o3 + 3 * L);
    }

    /**
     * Vectors per column block: 4, or 3 when that divides the columns and 4 does not (LeNet's second
     * convolution has 9 vectors of columns): a last block of 1 vector would run 4 chains of dependent
     * FMAs, a quarter of the kernel's speed, over all the taps.
     */
    static int blockWidth(int vectors) {
        return vectors % 4 != 0 && vectors % 3 == 0 ? 3 : 4;
    }

    private static void forward4x3(float[] w, int w0, int ckk, int[] tap, float[] x, int x0, float[] o, int o0, int ldo) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        int w1 = w0 + ckk, w2 = w1 + ckk, w3 = w2 + ckk;
        for (int q = 0; q < ckk; q++) {
            int xi = x0 + tap[q];
            FloatVector x0v = FloatVector.fromArray(S, x, xi);
            FloatVector x1v = FloatVector.fromArray(S, x, xi + L);
            FloatVector x2v = FloatVector.fromArray(S, x, xi + 2 * L);
            FloatVector b = FloatVector.broadcast(S, w[w0 + q]);
            c00 = x0v.fma(b, c00); c01 = x1v.fma(b, c01); c02 = x2v.fma(b, c02);
            b = FloatVector.broadcast(S, w[w1 + q]);
            c10 = x0v.fma(b, c10); c11 = x1v.fma(b, c11); c12 = x2v.fma(b, c12);
            b = FloatVector.broadcast(S, w[w2 + q]);
            c20 = x0v.fma(b, c20); c21 = x1v.fma(b, c21); c22 = x2v.fma(b, c22);
            b = FloatVector.broadcast(S, w[w3 + q]);
            c30 = x0v.fma(b, c30); c31 = x1v.fma(b, c31); c32 = x2v.fma(b, c32);
        }
        int o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo;
        c00.intoArray(o, o0); c01.intoArray(o, o0 + L); c02.intoArray(o, o0 + 2 * L);
        c10.intoArray(o, o1); c11.intoArray(o, o1 + L); c12.intoArray(o, o1 + 2 * L);
        c20.intoArray(o, o2); c21.intoArray(o, o2 + L); c22.intoArray(o, o2 + 2 * L);
        c30.intoArray(o, o3); c31.intoArray(o, o3 + L); c32.intoArray(o, o3 + 2 * L);
    }

    private static void forward4x1(float[] w, int w0, int ckk, int[] tap, float[] x, int x0, float[] o, int o0, int ldo) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int w1 = w0 + ckk, w2 = w1 + ckk, w3 = w2 + ckk;
        for (int q = 0; q < ckk; q++) {
            FloatVector xv = FloatVector.fromArray(S, x, x0 + tap[q]);
            c0 = xv.fma(FloatVector.broadcast(S, w[w0 + q]), c0);
            c1 = xv.fma(FloatVector.broadcast(S, w[w1 + q]), c1);
            c2 = xv.fma(FloatVector.broadcast(S, w[w2 + q]), c2);
            c3 = xv.fma(FloatVector.broadcast(S, w[w3 + q]), c3);
        }
        c0.intoArray(o, o0); c1.intoArray(o, o0 + ldo); c2.intoArray(o, o0 + 2 * ldo); c3.intoArray(o, o0 + 3 * ldo);
    }

    private static void forward1x1(float[] w, int w0, int ckk, int[] tap, float[] x, int x0, float[] o, int o0) {
        FloatVector c = FloatVector.zero(S);
        for (int q = 0; q < ckk; q++) c = FloatVector.fromArray(S, x, x0 + tap[q]).fma(FloatVector.broadcast(S, w[w0 + q]), c);
        c.intoArray(o, o0);
    }

    /**
     * Weight gradient, lane by lane: for filters {@code [f0, f1)} and all taps,
     * {@code part[partOff + (f*ckk + q)*L + l] += sum over samples s < n and columns j ≡ l (mod L), j < cols, of
     * dy[dyOff + s*dyStride + f*ldy + j] * xpad[padOff + s*padded + tap[q] + j]}; the sums run over the samples,
     * then the columns, in increasing order.
     */
    static void weightPartials(float[] dy, int dyOff, int dyStride, int ldy, int ckk, int[] tap, float[] xpad, int padOff,
                               int padded, int n, int cols, float[] part, int partOff, int f0, int f1) {
        int f = f0;
        for (; f + 4 <= f1; f += 4) {
            int q = 0;
            for (; q + 4 <= ckk; q += 4) partials4x4(dy, dyOff + f * ldy, dyStride, ldy, tap, q, xpad, padOff, padded, n, cols, part, partOff + (f * ckk + q) * L, ckk * L);
            for (; q < ckk; q++) {
                for (int r = 0; r < 4; r++) partials1x1(dy, dyOff + (f + r) * ldy, dyStride, tap[q], xpad, padOff, padded, n, cols, part, partOff + ((f + r) * ckk + q) * L);
            }
        }
        for (; f < f1; f++) {
            for (int q = 0; q < ckk; q++) partials1x1(dy, dyOff + f * ldy, dyStride, tap[q], xpad, padOff, padded, n, cols, part, partOff + (f * ckk + q) * L);
        }
    }

    private static void partials4x4(float[] dy, int d0, int dyStride, int ldy, int[] tap, int q, float[] x, int padOff, int padded,
                                    int n, int cols, float[] part, int p0, int pRow) {
        int p1 = p0 + pRow, p2 = p1 + pRow, p3 = p2 + pRow;
        FloatVector c00 = FloatVector.fromArray(S, part, p0), c01 = FloatVector.fromArray(S, part, p0 + L);
        FloatVector c02 = FloatVector.fromArray(S, part, p0 + 2 * L), c03 = FloatVector.fromArray(S, part, p0 + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, part, p1), c11 = FloatVector.fromArray(S, part, p1 + L);
        FloatVector c12 = FloatVector.fromArray(S, part, p1 + 2 * L), c13 = FloatVector.fromArray(S, part, p1 + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, part, p2), c21 = FloatVector.fromArray(S, part, p2 + L);
        FloatVector c22 = FloatVector.fromArray(S, part, p2 + 2 * L), c23 = FloatVector.fromArray(S, part, p2 + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, part, p3), c31 = FloatVector.fromArray(S, part, p3 + L);
        FloatVector c32 = FloatVector.fromArray(S, part, p3 + 2 * L), c33 = FloatVector.fromArray(S, part, p3 + 3 * L);
        int t0 = tap[q], t1 = tap[q + 1], t2 = tap[q + 2], t3 = tap[q + 3];
        for (int s = 0; s < n; s++) {
            int xs = padOff + s * padded;
            int ds = d0 + s * dyStride;
            for (int j = 0; j < cols; j += L) {
                FloatVector x0 = FloatVector.fromArray(S, x, xs + t0 + j);
                FloatVector x1 = FloatVector.fromArray(S, x, xs + t1 + j);
                FloatVector x2 = FloatVector.fromArray(S, x, xs + t2 + j);
                FloatVector x3 = FloatVector.fromArray(S, x, xs + t3 + j);
                FloatVector g = FloatVector.fromArray(S, dy, ds + j);
                c00 = g.fma(x0, c00); c01 = g.fma(x1, c01); c02 = g.fma(x2, c02); c03 = g.fma(x3, c03);
                g = FloatVector.fromArray(S, dy, ds + ldy + j);
                c10 = g.fma(x0, c10); c11 = g.fma(x1, c11); c12 = g.fma(x2, c12); c13 = g.fma(x3, c13);
                g = FloatVector.fromArray(S, dy, ds + 2 * ldy + j);
                c20 = g.fma(x0, c20); c21 = g.fma(x1, c21); c22 = g.fma(x2, c22); c23 = g.fma(x3, c23);
                g = FloatVector.fromArray(S, dy, ds + 3 * ldy + j);
                c30 = g.fma(x0, c30); c31 = g.fma(x1, c31); c32 = g.fma(x2, c32); c33 = g.fma(x3, c33);
            }
        }
        c00.intoArray(part, p0); c01.intoArray(part, p0 + L); c02.intoArray(part, p0 + 2 * L); c03.intoArray(part, p0 + 3 * L);
        c10.intoArray(part, p1); c11.intoArray(part, p1 + L); c12.intoArray(part, p1 + 2 * L); c13.intoArray(part, p1 + 3 * L);
        c20.intoArray(part, p2); c21.intoArray(part, p2 + L); c22.intoArray(part, p2 + 2 * L); c23.intoArray(part, p2 + 3 * L);
        c30.intoArray(part, p3); c31.intoArray(part, p3 + L); c32.intoArray(part, p3 + 2 * L); c33.intoArray(part, p3 + 3 * L);
    }

    private static void partials1x1(float[] dy, int d0, int dyStride, int t, float[] x, int padOff, int padded, int n, int cols,
                                    float[] part, int p0) {
        FloatVector c = FloatVector.fromArray(S, part, p0);
        for (int s = 0; s < n; s++) {
            int xs = padOff + s * padded + t;
            int ds = d0 + s * dyStride;
            for (int j = 0; j < cols; j += L) c = FloatVector.fromArray(S, dy, ds + j).fma(FloatVector.fromArray(S, x, xs + j), c);
        }
        c.intoArray(part, p0);
    }

    /**
     * {@code grad[gOff + i] += sum of part[partOff + i*L ..][0 .. L)} for {@code i < count}, the lanes added pairwise
     * in a fixed order (not {@code reduceLanes}, whose order the Vector API leaves open); overwrites {@code part}.
     */
    static void reducePartials(float[] part, int partOff, int count, float[] grad, int gOff) {
        for (int i = 0; i < count; i++) {
            int p = partOff + i * L;
            int width = L;
            // pairwise: halve the width until one value is left, reading and writing part in place
            while (width > 1) {
                width >>= 1;
                for (int l = 0; l < width; l++) part[p + l] += part[p + l + width];
            }
            grad[gOff + i] += part[p];
        }
    }

    /**
     * Input gradient, for one sample: {@code dxpad[padOff + tap[q] + j] += sum over f of wT[wOff + q*filters + f] *
     * dy[dyOff + f*ldy + j]} for all taps and columns {@code j < cols}, with {@code wT} the weights transposed
     * ({@code [CKK x F]}, so that the sum over the filters reads consecutive weights); {@code dxpad} must be
     * zeroed first. The taps are visited in a fixed order: for each kernel position {@code (kh, kw)}, the
     * channels in blocks of 4. Taps of the same channel land on overlapping, shifted ranges of {@code dxpad};
     * visiting them one after the other would make vector loads wait for the stores just before them.
     */
    static void inputGradient(float[] w, int wOff, int filters, int channels, int kk, int[] tap, float[] dy, int dyOff,
                              int ldy, float[] dxpad, int padOff, int cols) {
        int width = blockWidth(cols / L);
        for (int j = 0; j < cols; j += width * L) {
            int vectors = Math.min(width, (cols - j) / L);
            for (int t = 0; t < kk; t++) {
                int c = 0;
                if (vectors == 4) {
                    for (; c + 4 <= channels; c += 4) {
                        inputGradient4x4(w, wOff, filters, tap, c * kk + t, kk, dy, dyOff + j, ldy, dxpad, padOff + j);
                    }
                } else if (vectors == 3) {
                    for (; c + 4 <= channels; c += 4) {
                        inputGradient4x3(w, wOff, filters, tap, c * kk + t, kk, dy, dyOff + j, ldy, dxpad, padOff + j);
                    }
                }
                for (; c < channels; c++) {
                    int q = c * kk + t;
                    inputGradient1(w, wOff, filters, tap[q], q, dy, dyOff + j, ldy, dxpad, padOff + j, vectors);
                }
            }
        }
    }

    /** Taps {@code q, q + step, q + 2 step, q + 3 step} x 4 vectors of columns: 16 sums over the filters, then added into dxpad. */
    private static void inputGradient4x4(float[] w, int wOff, int filters, int[] tap, int q, int step, float[] dy,
                                         int d0, int ldy, float[] dx, int x0) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        int w0 = wOff + q * filters, w1 = w0 + step * filters, w2 = w1 + step * filters, w3 = w2 + step * filters;
        int di = d0;
        for (int f = 0; f < filters; f++, di += ldy) {
            FloatVector g0 = FloatVector.fromArray(S, dy, di);
            FloatVector g1 = FloatVector.fromArray(S, dy, di + L);
            FloatVector g2 = FloatVector.fromArray(S, dy, di + 2 * L);
            FloatVector g3 = FloatVector.fromArray(S, dy, di + 3 * L);
            FloatVector b = FloatVector.broadcast(S, w[w0 + f]);
            c00 = g0.fma(b, c00); c01 = g1.fma(b, c01); c02 = g2.fma(b, c02); c03 = g3.fma(b, c03);
            b = FloatVector.broadcast(S, w[w1 + f]);
            c10 = g0.fma(b, c10); c11 = g1.fma(b, c11); c12 = g2.fma(b, c12); c13 = g3.fma(b, c13);
            b = FloatVector.broadcast(S, w[w2 + f]);
            c20 = g0.fma(b, c20); c21 = g1.fma(b, c21); c22 = g2.fma(b, c22); c23 = g3.fma(b, c23);
            b = FloatVector.broadcast(S, w[w3 + f]);
            c30 = g0.fma(b, c30); c31 = g1.fma(b, c31); c32 = g2.fma(b, c32); c33 = g3.fma(b, c33);
        }
        // added in place (no helper taking vectors: a call C2 does not inline would box them)
        int i = x0 + tap[q];
        FloatVector.fromArray(S, dx, i).add(c00).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c01).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c02).intoArray(dx, i + 2 * L);
        FloatVector.fromArray(S, dx, i + 3 * L).add(c03).intoArray(dx, i + 3 * L);
        i = x0 + tap[q + step];
        FloatVector.fromArray(S, dx, i).add(c10).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c11).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c12).intoArray(dx, i + 2 * L);
        FloatVector.fromArray(S, dx, i + 3 * L).add(c13).intoArray(dx, i + 3 * L);
        i = x0 + tap[q + 2 * step];
        FloatVector.fromArray(S, dx, i).add(c20).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c21).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c22).intoArray(dx, i + 2 * L);
        FloatVector.fromArray(S, dx, i + 3 * L).add(c23).intoArray(dx, i + 3 * L);
        i = x0 + tap[q + 3 * step];
        FloatVector.fromArray(S, dx, i).add(c30).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c31).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c32).intoArray(dx, i + 2 * L);
        FloatVector.fromArray(S, dx, i + 3 * L).add(c33).intoArray(dx, i + 3 * L);
    }

    /** As {@link #inputGradient4x4}, 3 vectors of columns. */
    private static void inputGradient4x3(float[] w, int wOff, int filters, int[] tap, int q, int step, float[] dy,
                                         int d0, int ldy, float[] dx, int x0) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        int w0 = wOff + q * filters, w1 = w0 + step * filters, w2 = w1 + step * filters, w3 = w2 + step * filters;
        int di = d0;
        for (int f = 0; f < filters; f++, di += ldy) {
            FloatVector g0 = FloatVector.fromArray(S, dy, di);
            FloatVector g1 = FloatVector.fromArray(S, dy, di + L);
            FloatVector g2 = FloatVector.fromArray(S, dy, di + 2 * L);
            FloatVector b = FloatVector.broadcast(S, w[w0 + f]);
            c00 = g0.fma(b, c00); c01 = g1.fma(b, c01); c02 = g2.fma(b, c02);
            b = FloatVector.broadcast(S, w[w1 + f]);
            c10 = g0.fma(b, c10); c11 = g1.fma(b, c11); c12 = g2.fma(b, c12);
            b = FloatVector.broadcast(S, w[w2 + f]);
            c20 = g0.fma(b, c20); c21 = g1.fma(b, c21); c22 = g2.fma(b, c22);
            b = FloatVector.broadcast(S, w[w3 + f]);
            c30 = g0.fma(b, c30); c31 = g1.fma(b, c31); c32 = g2.fma(b, c32);
        }
        int i = x0 + tap[q];
        FloatVector.fromArray(S, dx, i).add(c00).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c01).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c02).intoArray(dx, i + 2 * L);
        i = x0 + tap[q + step];
        FloatVector.fromArray(S, dx, i).add(c10).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c11).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c12).intoArray(dx, i + 2 * L);
        i = x0 + tap[q + 2 * step];
        FloatVector.fromArray(S, dx, i).add(c20).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c21).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c22).intoArray(dx, i + 2 * L);
        i = x0 + tap[q + 3 * step];
        FloatVector.fromArray(S, dx, i).add(c30).intoArray(dx, i);
        FloatVector.fromArray(S, dx, i + L).add(c31).intoArray(dx, i + L);
        FloatVector.fromArray(S, dx, i + 2 * L).add(c32).intoArray(dx, i + 2 * L);
    }

    /** One tap x {@code vectors} (1 to 4) vectors of columns. */
    private static void inputGradient1(float[] w, int wOff, int filters, int t, int q, float[] dy, int d0, int ldy,
                                       float[] dx, int x0, int vectors) {
        for (int v = 0; v < vectors; v++) {
            FloatVector c = FloatVector.zero(S);
            int wi = wOff + q * filters;
            int di = d0 + v * L;
            for (int f = 0; f < filters; f++, di += ldy) {
                c = FloatVector.fromArray(S, dy, di).fma(FloatVector.broadcast(S, w[wi + f]), c);
            }
            int i = x0 + t + v * L;
            FloatVector.fromArray(S, dx, i).add(c).intoArray(dx, i);
        }
    }

    /**
     * {@code dst[dstOff + r*width + i] = src[srcOff + r*srcStride + i] + bias} for rows {@code r < rows} and
     * {@code i < width}: the output positions of one filter from its wide row, with the bias added (the
     * end of each row with a masked load and store).
     */
    static void cropAddBias(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int rows, int width, float bias) {
        FloatVector b = FloatVector.broadcast(S, bias);
        int full = width - width % L;
        VectorMask<Float> tail = S.indexInRange(full, width);
        for (int r = 0; r < rows; r++, srcOff += srcStride, dstOff += width) {
            int i = 0;
            for (; i < full; i += L) FloatVector.fromArray(S, src, srcOff + i).add(b).intoArray(dst, dstOff + i);
            if (i < width) FloatVector.fromArray(S, src, srcOff + i, tail).add(b).intoArray(dst, dstOff + i, tail);
        }
    }
}

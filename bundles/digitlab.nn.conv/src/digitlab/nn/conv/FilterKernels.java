package digitlab.nn.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stride-1 convolution kernels on the Vector API whose vectors run along the <em>filters</em>, for
 * {@link DirectConvPath} (load only after {@link ConvVectorPaths#AVAILABLE}). {@link VectorConv}'s vectors
 * run along a sample's columns in the wide layout, which computes {@code Wp / OW} times the work (LeNet's
 * second convolution: 144 columns for 100 output positions); here each output position {@code p} of a
 * sample is one scalar read {@code xpad[tap[q] + pos[p]]}, broadcast, so only the real positions are
 * computed, and the filters fill whole vectors ({@link #fits}: a multiple of two vectors).
 *
 * <p>Layouts: {@code pos[p] = oh*Wp + ow} for the {@code P} output positions in order; the output
 * gradient transposed per sample, {@code dyT[p*F + f]}; the weight gradient transposed,
 * {@code dwT[q*F + f]}. Each element of {@code dwT} is one chain of fused multiply-adds over the samples
 * and positions in increasing order, whichever block or thread computes it, so the split over taps does
 * not change the result. The input gradient ({@link #inputGradient}) runs its vectors along the input
 * <em>channels</em> instead, when they fill whole pairs of vectors too, with the filters as the sum.
 */
final class FilterKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int L = S.length();

    private FilterKernels() {
    }

    /** Whether {@code filters} fills whole pairs of vectors, as these kernels need. */
    static boolean fits(int filters) {
        return filters % (2 * L) == 0;
    }

    /**
     * Weight gradient, transposed: {@code dwT[q*F + f] += sum over samples s < n and positions p < P of
     * xpad[s*padded + tap[q] + pos[p]] * dyT[s*P*F + p*F + f]} for taps {@code [q0, q1)} and all filters
     * ({@code F} = {@code filters}, {@link #fits}). Offsets: {@code xOff} to the first padded sample,
     * {@code dOff} to the first sample's {@code dyT}, {@code dwOff} to {@code dwT}.
     */
    static void weightGradient(float[] x, int xOff, int padded, int[] tap, int[] pos, int positions, float[] dyT, int dOff,
                               int filters, int n, float[] dwT, int dwOff, int q0, int q1) {
        for (int f = 0; f < filters; f += 2 * L) {
            int q = q0;
            for (; q + 4 <= q1; q += 4) weights4x2(x, xOff, padded, tap, q, pos, positions, dyT, dOff + f, filters, n, dwT, dwOff + q * filters + f);
            for (; q < q1; q++) weights1x2(x, xOff + tap[q], padded, pos, positions, dyT, dOff + f, filters, n, dwT, dwOff + q * filters + f);
        }
    }

    /** Taps {@code q .. q+3} x two vectors of filters: 8 accumulators, loaded from and stored back to dwT. */
    private static void weights4x2(float[] x, int xOff, int padded, int[] tap, int q, int[] pos, int positions,
                                   float[] d, int dOff, int filters, int n, float[] w, int w0) {
        int w1 = w0 + filters, w2 = w1 + filters, w3 = w2 + filters;
        FloatVector c00 = FloatVector.fromArray(S, w, w0), c01 = FloatVector.fromArray(S, w, w0 + L);
        FloatVector c10 = FloatVector.fromArray(S, w, w1), c11 = FloatVector.fromArray(S, w, w1 + L);
        FloatVector c20 = FloatVector.fromArray(S, w, w2), c21 = FloatVector.fromArray(S, w, w2 + L);
        FloatVector c30 = FloatVector.fromArray(S, w, w3), c31 = FloatVector.fromArray(S, w, w3 + L);
        int t0 = tap[q], t1 = tap[q + 1], t2 = tap[q + 2], t3 = tap[q + 3];
        int per = positions * filters;
        for (int s = 0; s < n; s++) {
            int xs = xOff + s * padded;
            int ds = dOff + s * per;
            for (int p = 0; p < positions; p++, ds += filters) {
                int xi = xs + pos[p];
                FloatVector g0 = FloatVector.fromArray(S, d, ds);
                FloatVector g1 = FloatVector.fromArray(S, d, ds + L);
                FloatVector b = FloatVector.broadcast(S, x[xi + t0]);
                c00 = g0.fma(b, c00); c01 = g1.fma(b, c01);
                b = FloatVector.broadcast(S, x[xi + t1]);
                c10 = g0.fma(b, c10); c11 = g1.fma(b, c11);
                b = FloatVector.broadcast(S, x[xi + t2]);
                c20 = g0.fma(b, c20); c21 = g1.fma(b, c21);
                b = FloatVector.broadcast(S, x[xi + t3]);
                c30 = g0.fma(b, c30); c31 = g1.fma(b, c31);
            }
        }
        c00.intoArray(w, w0); c01.intoArray(w, w0 + L);
        c10.intoArray(w, w1); c11.intoArray(w, w1 + L);
        c20.intoArray(w, w2); c21.intoArray(w, w2 + L);
        c30.intoArray(w, w3); c31.intoArray(w, w3 + L);
    }

    /** One tap x two vectors of filters ({@code xOff} already includes the tap). */
    private static void weights1x2(float[] x, int xOff, int padded, int[] pos, int positions, float[] d, int dOff,
                                   int filters, int n, float[] w, int w0) {
        FloatVector c0 = FloatVector.fromArray(S, w, w0), c1 = FloatVector.fromArray(S, w, w0 + L);
        int per = positions * filters;
        for (int s = 0; s < n; s++) {
            int xs = xOff + s * padded;
            int ds = dOff + s * per;
            for (int p = 0; p < positions; p++, ds += filters) {
                FloatVector b = FloatVector.broadcast(S, x[xs + pos[p]]);
                c0 = FloatVector.fromArray(S, d, ds).fma(b, c0);
                c1 = FloatVector.fromArray(S, d, ds + L).fma(b, c1);
            }
        }
        c0.intoArray(w, w0);
        c1.intoArray(w, w0 + L);
    }

    /**
     * Input gradient of one sample, channels last: {@code dxT[xOff + (pos[p] + off[k])*C + c] += sum over f < F of
     * dyT[dOff + p*F + f] * wT[wOff + (k*F + f)*C + c]} for every position {@code p < P}, tap {@code k < off.length}
     * and channel {@code c < C} ({@link #fits}{@code (C)}), with {@code wT} the weights as {@code [KK x F x C]} and
     * {@code off[k] = kh*Wp + kw}. So a tap's weights ({@code F x C}) stay in L1 while all positions use them. Each
     * sum is one chain over the filters in increasing order, added to {@code dxT} tap by tap, then position by
     * position: the result does not depend on which thread computes the sample.
     */
    static void inputGradient(float[] dyT, int dOff, int filters, int[] pos, int positions, int[] off, float[] wT, int wOff,
                              int channels, float[] dxT, int xOff) {
        for (int c = 0; c < channels; c += 2 * L) {
            for (int k = 0; k < off.length; k++) {
                int w0 = wOff + k * filters * channels + c;
                int x0 = xOff + off[k] * channels + c;
                int p = 0;
                for (; p + 4 <= positions; p += 4) inputs4x2(dyT, dOff + p * filters, filters, wT, w0, channels, dxT, x0, pos, p);
                for (; p < positions; p++) inputs1x2(dyT, dOff + p * filters, filters, wT, w0, channels, dxT, x0 + pos[p] * channels);
            }
        }
    }

    /** Positions {@code p .. p+3} x two vectors of channels: 8 sums over the filters, added to dxT. */
    private static void inputs4x2(float[] d, int d0, int filters, float[] w, int w0, int channels, float[] x, int x0,
                                  int[] pos, int p) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int d1 = d0 + filters, d2 = d1 + filters, d3 = d2 + filters;
        for (int f = 0, wi = w0; f < filters; f++, wi += channels) {
            FloatVector v0 = FloatVector.fromArray(S, w, wi);
            FloatVector v1 = FloatVector.fromArray(S, w, wi + L);
            FloatVector b = FloatVector.broadcast(S, d[d0 + f]);
            c00 = v0.fma(b, c00); c01 = v1.fma(b, c01);
            b = FloatVector.broadcast(S, d[d1 + f]);
            c10 = v0.fma(b, c10); c11 = v1.fma(b, c11);
            b = FloatVector.broadcast(S, d[d2 + f]);
            c20 = v0.fma(b, c20); c21 = v1.fma(b, c21);
            b = FloatVector.broadcast(S, d[d3 + f]);
            c30 = v0.fma(b, c30); c31 = v1.fma(b, c31);
        }
        addTo(x, x0 + pos[p] * channels, c00, c01);
        addTo(x, x0 + pos[p + 1] * channels, c10, c11);
        addTo(x, x0 + pos[p + 2] * channels, c20, c21);
        addTo(x, x0 + pos[p + 3] * channels, c30, c31);
    }

    /** One position x two vectors of channels ({@code x0} already includes the position). */
    private static void inputs1x2(float[] d, int d0, int filters, float[] w, int w0, int channels, float[] x, int x0) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0;
        for (int f = 0, wi = w0; f < filters; f++, wi += channels) {
            FloatVector b = FloatVector.broadcast(S, d[d0 + f]);
            c0 = FloatVector.fromArray(S, w, wi).fma(b, c0);
            c1 = FloatVector.fromArray(S, w, wi + L).fma(b, c1);
        }
        addTo(x, x0, c0, c1);
    }

    /** {@code x[i .. i+2L) += (v0, v1)}. */
    private static void addTo(float[] x, int i, FloatVector v0, FloatVector v1) {
        FloatVector.fromArray(S, x, i).add(v0).intoArray(x, i);
        FloatVector.fromArray(S, x, i + L).add(v1).intoArray(x, i + L);
    }

    /**
     * Forward, transposed, for one sample: {@code yT[yOff + p*F + f] = sum over q of xpad[xOff + tap[q] + pos[p]] *
     * wT[wOff + q*F + f]} for positions {@code [p0, p1)} and all filters ({@code wT} the weights transposed,
     * {@code [CKK x F]}); each output one chain over the taps in increasing order.
     */
    static void forward(float[] x, int xOff, int[] tap, int ckk, int[] pos, int p0, int p1, float[] wT, int wOff,
                        int filters, float[] yT, int yOff) {
        for (int f = 0; f < filters; f += 2 * L) {
            int p = p0;
            for (; p + 4 <= p1; p += 4) forward4x2(x, xOff, tap, ckk, pos, p, wT, wOff + f, filters, yT, yOff + p * filters + f);
            for (; p < p1; p++) forward1x2(x, xOff + pos[p], tap, ckk, wT, wOff + f, filters, yT, yOff + p * filters + f);
        }
    }

    /** Positions {@code p .. p+3} x two vectors of filters (from {@code w[w0]} on): 8 accumulators over all taps. */
    private static void forward4x2(float[] x, int xOff, int[] tap, int ckk, int[] pos, int p, float[] w, int w0, int filters,
                                   float[] y, int y0) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int x0 = xOff + pos[p], x1 = xOff + pos[p + 1], x2 = xOff + pos[p + 2], x3 = xOff + pos[p + 3];
        for (int q = 0, wi = w0; q < ckk; q++, wi += filters) {
            int t = tap[q];
            FloatVector v0 = FloatVector.fromArray(S, w, wi);
            FloatVector v1 = FloatVector.fromArray(S, w, wi + L);
            FloatVector b = FloatVector.broadcast(S, x[x0 + t]);
            c00 = v0.fma(b, c00); c01 = v1.fma(b, c01);
            b = FloatVector.broadcast(S, x[x1 + t]);
            c10 = v0.fma(b, c10); c11 = v1.fma(b, c11);
            b = FloatVector.broadcast(S, x[x2 + t]);
            c20 = v0.fma(b, c20); c21 = v1.fma(b, c21);
            b = FloatVector.broadcast(S, x[x3 + t]);
            c30 = v0.fma(b, c30); c31 = v1.fma(b, c31);
        }
        int y1 = y0 + filters, y2 = y1 + filters, y3 = y2 + filters;
        c00.intoArray(y, y0); c01.intoArray(y, y0 + L);
        c10.intoArray(y, y1); c11.intoArray(y, y1 + L);
        c20.intoArray(y, y2); c21.intoArray(y, y2 + L);
        c30.intoArray(y, y3); c31.intoArray(y, y3 + L);
    }

    /** One position x two vectors of filters ({@code xOff} already includes the position, {@code w0} the filters). */
    private static void forward1x2(float[] x, int xOff, int[] tap, int ckk, float[] w, int w0, int filters, float[] y, int y0) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0;
        for (int q = 0, wi = w0; q < ckk; q++, wi += filters) {
            FloatVector b = FloatVector.broadcast(S, x[xOff + tap[q]]);
            c0 = FloatVector.fromArray(S, w, wi).fma(b, c0);
            c1 = FloatVector.fromArray(S, w, wi + L).fma(b, c1);
        }
        c0.intoArray(y, y0);
        c1.intoArray(y, y0 + L);
    }
}

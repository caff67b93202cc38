package digitlab.nn.conv;

/**
 * Turns convolution into one matrix product by copying every window of the input into a row or a
 * column of a matrix ("image to columns"), and back.
 *
 * <p>Two layouts. {@link Conv2d} uses the <em>columns</em> layout ({@link #toColumns}, {@link #fromColumns}):
 * for a group of {@code n} samples, {@code [C*K*K x n*P]}, one row per kernel tap {@code q = (c*K + kh)*K + kw}
 * and one column per output position of each sample; a row holds, for each output row {@code oh}, the
 * input row {@code oh*stride + kh - padTop} read from column {@code kw - padLeft} in steps of the
 * stride: with stride 1, runs of contiguous input copied as they are. In this layout the forward product
 * {@code W · X̂} lands in {@code [F x n*P]}, each sample's block already in the output's {@code F x P} order.
 *
 * <p>The <em>rows</em> layout ({@link #im2col}, {@link #col2im}), one window per row, is the plain
 * reference the tests compare the columns layout to: {@code rows[p, q] == columns[q, p]}.
 *
 * <p>Rows layout for one sample with {@code C} channels, {@code P = outHeight * outWidth} output positions
 * and {@code K} the kernel side: the sample's block of {@code col} is {@code [P x C*K*K]}; row
 * {@code p = oh * outWidth + ow} holds the window at that output position, column
 * {@code q = (c * K + kh) * K + kw} the input value {@code x[c, oh*stride + kh - padTop, ow*stride + kw - padLeft]},
 * or 0 where the window hangs over the padding. The rows of consecutive samples follow each other, so a
 * group of {@code n} samples is one {@code [n*P x C*K*K]} matrix.
 */
final class Im2Col {

    private Im2Col() {
    }

    /**
     * Writes the window rows of samples {@code [from, to)} of {@code x} ({@code [B x C*H*W]}) into
     * {@code col}, whose first row belongs to sample {@code first} ({@code [(to - first)*P x C*K*K]} at least).
     */
    static void im2col(ConvGeometry g, int channels, float[] x, float[] col, int first, int from, int to) {
        int k = g.kernel();
        int h = g.height();
        int w = g.width();
        int ckk = channels * k * k;
        int plane = g.inPlane();
        int inSize = channels * plane;
        for (int b = from; b < to; b++) {
            int xBase = b * inSize;
            int row = (b - first) * g.outPlane() * ckk;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int top = oh * g.stride() - g.padTop();
                for (int ow = 0; ow < g.outWidth(); ow++, row += ckk) {
                    int left = ow * g.stride() - g.padLeft();
                    // the kernel columns [lo, hi) that fall inside the input; the same for every channel and row
                    int lo = Math.max(0, -left);
                    int hi = Math.min(k, w - left);
                    int q = row;
                    for (int c = 0; c < channels; c++) {
                        int channel = xBase + c * plane;
                        for (int kh = 0; kh < k; kh++, q += k) {
                            int ih = top + kh;
                            if (ih < 0 || ih >= h) {
                                java.util.Arrays.fill(col, q, q + k, 0f);
                                continue;
                            }
                            int src = channel + ih * w + left;
                            for (int kw = 0; kw < lo; kw++) col[q + kw] = 0f;
                            for (int kw = lo; kw < hi; kw++) col[q + kw] = x[src + kw];
                            for (int kw = Math.max(hi, lo); kw < k; kw++) col[q + kw] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #im2col}: sets {@code dx} of samples {@code [from, to)} to the sum, over all
     * windows containing each input value, of the matching entries of {@code dcol}. Padding entries are
     * dropped. Within a sample the windows are visited in a fixed order, so results do not depend on how
     * samples are split over threads. As in {@link #im2col}, {@code dcol}'s first row belongs to sample
     * {@code first}.
     */
    static void col2im(ConvGeometry g, int channels, float[] dcol, float[] dx, int first, int from, int to) {
        int k = g.kernel();
        int h = g.height();
        int w = g.width();
        int ckk = channels * k * k;
        int plane = g.inPlane();
        int inSize = channels * plane;
        java.util.Arrays.fill(dx, from * inSize, to * inSize, 0f);
        for (int b = from; b < to; b++) {
            int xBase = b * inSize;
            int row = (b - first) * g.outPlane() * ckk;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int top = oh * g.stride() - g.padTop();
                for (int ow = 0; ow < g.outWidth(); ow++, row += ckk) {
                    int left = ow * g.stride() - g.padLeft();
                    int lo = Math.max(0, -left);
                    int hi = Math.min(k, w - left);
                    int q = row;
                    for (int c = 0; c < channels; c++) {
                        int channel = xBase + c * plane;
                        for (int kh = 0; kh < k; kh++, q += k) {
                            int ih = top + kh;
                            if (ih < 0 || ih >= h) continue;
                            int dst = channel + ih * w + left;
                            for (int kw = lo; kw < hi; kw++) dx[dst + kw] += dcol[q + kw];
                        }
                    }
                }
            }
        }
    }

    /**
     * Columns layout: writes the windows of samples {@code [from, to)} of {@code x} ({@code [B x C*H*W]})
     * into {@code col} as {@code col[q*ld + (b - first)*P + p]}, the value at kernel tap {@code q} of the
     * window at output position {@code p} of sample {@code b} (0 in the padding). {@code ld} is the row
     * length of {@code col}, at least {@code (to - first)*P}.
     */
    static void toColumns(ConvGeometry g, int channels, float[] x, float[] col, int ld, int first, int from, int to) {
        int k = g.kernel();
        int h = g.height();
        int w = g.width();
        int s = g.stride();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int plane = g.inPlane();
        int inSize = channels * plane;
        int positions = g.outPlane();
        for (int b = from; b < to; b++) {
            int sample = b * inSize;
            int column = (b - first) * positions;
            for (int c = 0; c < channels; c++) {
                for (int kh = 0; kh < k; kh++) {
                    for (int kw = 0; kw < k; kw++) {
                        int q = (c * k + kh) * k + kw;
                        int left = kw - g.padLeft();        // input column of output column 0
                        int lo = firstInside(left, s);      // output columns [lo, hi) read inside the input
                        int hi = Math.max(lo, lastInside(left, s, w, outW));
                        int d = q * ld + column;
                        for (int oh = 0; oh < outH; oh++, d += outW) {
                            int ih = oh * s + kh - g.padTop();
                            if (ih < 0 || ih >= h) {
                                java.util.Arrays.fill(col, d, d + outW, 0f);
                                continue;
                            }
                            int src = sample + c * plane + ih * w + left;
                            for (int ow = 0; ow < lo; ow++) col[d + ow] = 0f;
                            if (s == 1) {
                                for (int ow = lo; ow < hi; ow++) col[d + ow] = x[src + ow];
                            } else {
                                for (int ow = lo; ow < hi; ow++) col[d + ow] = x[src + ow * s];
                            }
                            for (int ow = hi; ow < outW; ow++) col[d + ow] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #toColumns}: sets {@code dx} of samples {@code [from, to)} to the sum, over all
     * windows containing each input value, of the matching entries of {@code dcol} (same layout and
     * {@code ld}); padding entries are dropped. Within a sample the entries are added in a fixed order (tap
     * by tap, then position by position), so results do not depend on how samples are split over threads.
     */
    static void fromColumns(ConvGeometry g, int channels, float[] dcol, int ld, float[] dx, int first, int from, int to) {
        int k = g.kernel();
        int h = g.height();
        int w = g.width();
        int s = g.stride();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int plane = g.inPlane();
        int inSize = channels * plane;
        int positions = g.outPlane();
        java.util.Arrays.fill(dx, from * inSize, to * inSize, 0f);
        for (int b = from; b < to; b++) {
            int sample = b * inSize;
            int column = (b - first) * positions;
            for (int c = 0; c < channels; c++) {
                for (int kh = 0; kh < k; kh++) {
                    for (int kw = 0; kw < k; kw++) {
                        int q = (c * k + kh) * k + kw;
                        int left = kw - g.padLeft();
                        int lo = firstInside(left, s);
                        int hi = lastInside(left, s, w, outW);
                        if (hi <= lo) continue;
                        int d = q * ld + column;
                        for (int oh = 0; oh < outH; oh++, d += outW) {
                            int ih = oh * s + kh - g.padTop();
                            if (ih < 0 || ih >= h) continue;
                            int dst = sample + c * plane + ih * w + left;
                            if (s == 1) {
                                for (int ow = lo; ow < hi; ow++) dx[dst + ow] += dcol[d + ow];
                            } else {
                                for (int ow = lo; ow < hi; ow++) dx[dst + ow * s] += dcol[d + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first output column whose input column {@code left + ow*s} is not left of the input. */
    private static int firstInside(int left, int s) {
        return left >= 0 ? 0 : (-left + s - 1) / s; // at most outW: the padding is smaller than the kernel
    }

    /** One past the last output column (at most {@code outW}) whose input column {@code left + ow*s} is below {@code w}. */
    private static int lastInside(int left, int s, int w, int outW) {
        if (left >= w) return 0;
        return Math.min(outW, (w - 1 - left) / s + 1);
    }
}

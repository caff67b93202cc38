package digitlab.nn.conv;

/**
 * Turns convolution into one matrix product by copying every window of the input into a row of a
 * matrix ("image to columns"), and back.
 *
 * <p>Layout for one sample with {@code C} channels, {@code P = outHeight * outWidth} output positions
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
}

package digitlab.nn.conv;

/**
 * The windows of a stride-1 convolution in the "wide" columns layout, where every row of the window
 * matrix is one contiguous run of the (zero-padded) input, copied in one piece.
 *
 * <p>Pad a sample to {@code C x Hp x Wp} with {@code Hp = OH + K - 1}, {@code Wp = OW + K - 1}. For kernel
 * tap {@code q = (c*K + kh)*K + kw}, the window values of all output positions {@code (oh, ow)} are
 * {@code xpad[c, oh + kh, ow + kw]}: at flat index {@code offset(q) + j} with {@code offset(q) = c*Hp*Wp + kh*Wp + kw}
 * and {@code j = oh*Wp + ow}. Letting {@code ow} run over the whole padded width, {@code j} runs over
 * {@code [0, OH*Wp)} without a gap, so row {@code q} of the sample's window matrix is
 * {@code xpad[offset(q) .. offset(q) + OH*Wp)}. The columns with {@code ow >= OW} are not windows of the
 * convolution (they wrap around into the next row): the forward product computes outputs there that are
 * dropped, and the backward pass sets their output gradients to 0, so they add nothing. That costs
 * {@code Wp / OW} times the products' work (LeNet: 32/28 for 28x28 same, 14/10 for 10x10 valid) and saves
 * copying the windows in runs of {@code OW} values (with zero fills at the borders), which took a third of
 * a LeNet training step.
 *
 * <p>Per sample: {@link #wide()} columns; its padded input (or input gradient) takes {@link #padded()}
 * floats, the plane plus {@code K} zeros that the last rows read past the end.
 */
final class WideColumns {

    private final int channels;
    private final int k;
    private final int h;
    private final int w;
    private final int padTop;
    private final int padLeft;
    private final int outH;
    private final int outW;
    private final int hp;
    private final int wp;

    WideColumns(ConvGeometry g, int channels) {
        if (g.stride() != 1) throw new IllegalArgumentException("the wide layout is for stride 1, not " + g.stride());
        this.channels = channels;
        this.k = g.kernel();
        this.h = g.height();
        this.w = g.width();
        this.padTop = g.padTop();
        this.padLeft = g.padLeft();
        this.outH = g.outHeight();
        this.outW = g.outWidth();
        this.hp = outH + k - 1;
        this.wp = outW + k - 1;
    }

    /** Columns per sample: {@code OH * Wp}. */
    int wide() {
        return outH * wp;
    }

    /** The padded width {@code Wp}: column {@code oh*Wp + ow} is output position {@code (oh, ow)} when {@code ow < OW}. */
    int paddedWidth() {
        return wp;
    }

    /** Floats of one padded sample: {@code C*Hp*Wp} and {@code K} zeros. */
    int padded() {
        return channels * hp * wp + k;
    }

    /** Writes sample {@code b} of {@code x} ({@code [B x C*H*W]}) zero-padded to {@code dst[off .. off + padded())}. */
    void pad(float[] x, int b, float[] dst, int off) {
        pad(x, b, dst, off, padded());
    }

    /** As {@link #pad(float[], int, float[], int)}, zero-filling {@code length >= padded()} floats. */
    void pad(float[] x, int b, float[] dst, int off, int length) {
        int plane = hp * wp;
        int src = b * channels * h * w;
        if (hp == h && wp == w) { // no padding (valid): the sample as it is, then zeros
            System.arraycopy(x, src, dst, off, channels * plane);
            java.util.Arrays.fill(dst, off + channels * plane, off + length, 0f);
            return;
        }
        java.util.Arrays.fill(dst, off, off + length, 0f);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h; i++, src += w) {
                System.arraycopy(x, src, dst, off + c * plane + (i + padTop) * wp + padLeft, w);
            }
        }
    }

    /** Where row {@code q} of the window matrix starts in the padded sample: {@code c*Hp*Wp + kh*Wp + kw}. */
    int[] taps() {
        int[] taps = new int[channels * k * k];
        for (int c = 0, q = 0; c < channels; c++) {
            for (int kh = 0; kh < k; kh++) {
                for (int kw = 0; kw < k; kw++, q++) taps[q] = c * hp * wp + kh * wp + kw;
            }
        }
        return taps;
    }

    /** Writes the window matrix of one padded sample into {@code col}: row {@code q} at {@code q*ld + colOff}, {@link #wide()} values. */
    void columns(float[] xpad, int padOff, float[] col, int ld, int colOff) {
        int wide = wide();
        int plane = hp * wp;
        for (int c = 0, q = 0; c < channels; c++) {
            for (int kh = 0; kh < k; kh++) {
                for (int kw = 0; kw < k; kw++, q++) {
                    System.arraycopy(xpad, padOff + c * plane + kh * wp + kw, col, q * ld + colOff, wide);
                }
            }
        }
    }

    /**
     * The adjoint of {@link #columns}: sets {@code dxpad[padOff .. padOff + padded())} to the sum over the
     * kernel taps, in order, of the rows of {@code dcol} added at their offsets.
     */
    void fold(float[] dcol, int ld, int colOff, float[] dxpad, int padOff) {
        int wide = wide();
        int plane = hp * wp;
        java.util.Arrays.fill(dxpad, padOff, padOff + padded(), 0f);
        for (int c = 0, q = 0; c < channels; c++) {
            for (int kh = 0; kh < k; kh++) {
                for (int kw = 0; kw < k; kw++, q++) {
                    add(dcol, q * ld + colOff, dxpad, padOff + c * plane + kh * wp + kw, wide);
                }
            }
        }
    }

    /** Writes the interior of a padded input gradient to sample {@code b} of {@code dx} ({@code [B x C*H*W]}). */
    void crop(float[] dxpad, int padOff, float[] dx, int b) {
        int plane = hp * wp;
        int dst = b * channels * h * w;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h; i++, dst += w) {
                System.arraycopy(dxpad, padOff + c * plane + (i + padTop) * wp + padLeft, dx, dst, w);
            }
        }
    }

    /** Floats of one padded plane, {@code Hp*Wp}. */
    int plane() {
        return hp * wp;
    }

    /**
     * As {@link #crop}, from a padded input gradient with its channels last: {@code dxT[off + (i*Wp + j)*C + c]} is
     * channel {@code c} at padded row {@code i}, column {@code j}.
     */
    void cropChannelsLast(float[] dxT, int off, float[] dx, int b) {
        int dst = b * channels * h * w;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h; i++) {
                int src = off + ((i + padTop) * wp + padLeft) * channels + c;
                for (int j = 0; j < w; j++, src += channels) dx[dst++] = dxT[src];
            }
        }
    }

    /** {@code dst[d + i] += src[s + i]} for {@code i < n}; on the Vector API when it is available. */
    private static void add(float[] src, int s, float[] dst, int d, int n) {
        if (ConvVectorPaths.AVAILABLE) {
            VectorPooling.add(src, s, dst, d, n);
        } else {
            for (int i = 0; i < n; i++) dst[d + i] += src[s + i];
        }
    }
}

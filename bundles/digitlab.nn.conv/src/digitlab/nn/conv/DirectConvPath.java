package digitlab.nn.conv;

import digitlab.nn.Pass;
import digitlab.nn.kernel.Parallel;

/**
 * {@link Conv2d}'s direct path (stride 1, Vector API): the three products of a convolution run on {@link VectorConv}
 * straight from each zero-padded sample, in the wide layout of {@link WideColumns}, without writing the window
 * matrix. Loaded only when the Vector API is usable ({@link ConvVectorPaths}).
 *
 * <p>Per group of n samples, scratch holds the padded samples [n x paddedSample], then dŶ (or Ŷ) per sample
 * [F x vectorColumns] in the wide layout, and after the groups, for the whole batch, one partial sum per weight
 * and vector lane [F*CKK x L], then W^T [CKK x F].
 */
final class DirectConvPath {

    private final ConvGeometry g;
    private final int channels;
    private final int filters;
    private final int ckk;
    private final WideColumns wide;
    /** Where each tap's window row starts in a padded sample ({@link WideColumns#taps()}). */
    private final int[] taps;
    /** Columns per sample, {@link WideColumns#wide()} rounded up to whole vectors. */
    private final int vectorColumns;
    /** Floats per padded sample, with room for the last vector's reads past the end. */
    private final int paddedSample;

    DirectConvPath(ConvGeometry g, int channels, int filters, WideColumns wide) {
        this.g = g;
        this.channels = channels;
        this.filters = filters;
        this.ckk = channels * g.kernel() * g.kernel();
        this.wide = wide;
        int lanes = VectorConv.L;
        this.taps = wide.taps();
        this.vectorColumns = (wide.wide() + lanes - 1) / lanes * lanes;
        this.paddedSample = wide.padded() + 2 * lanes;
    }

    /** Padded samples, dŶ per sample [F x vectorColumns], one partial sum per weight and lane, W^T. */
    int scratchSize(int n) {
        long floats = (long) n * paddedSample + (long) n * filters * vectorColumns + (long) filters * ckk * (VectorConv.L + 1);
        return Math.toIntExact(floats);
    }

    /** The forward pass of a batch, in groups of {@code n} samples. */
    void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch, int n) {
        int batch = pass.batch();
        int yHat = n * paddedSample;
        int bias = offset + filters * ckk;
        int outH = g.outHeight();
        int outW = g.outWidth();
        int stride = wide.paddedWidth();
        int plane = g.outPlane();
        for (int first = 0; first < batch; first += n) {
            int from = first;
            int count = Math.min(n, batch - first);
            Parallel.forRange(Conv2d.parts(pass, (long) count * vectorColumns * ckk * filters / 16), count, (a, b) -> {
                for (int s = a; s < b; s++) {
                    int pad = s * paddedSample;
                    int out = yHat + s * filters * vectorColumns;
                    wide.pad(x, from + s, scratch, pad, paddedSample);
                    // Ŷ[f, j] = sum over q of W[f, q] xpad[tap[q] + j]
                    VectorConv.forward(params, offset, ckk, taps, scratch, pad, scratch, out, vectorColumns, 0, filters,
                            vectorColumns);
                    for (int f = 0; f < filters; f++) { // y[b, f, oh, ow] = Ŷ[f, oh*Wp + ow] + bias[f]
                        VectorConv.cropAddBias(scratch, out + f * vectorColumns, stride, y, ((from + s) * filters + f) * plane,
                                outH, outW, params[bias + f]);
                    }
                }
            });
        }
    }

    /** The backward pass of a batch, in groups of {@code n} samples; {@code dx} null for the first layer. */
    void backward(Pass pass, float[] params, int offset, float[] x, float[] dy, float[] dx, float[] grads,
                  float[] scratch, int n) {
        int batch = pass.batch();
        int dyHat = n * paddedSample;
        int part = dyHat + n * filters * vectorColumns;
        int outH = g.outHeight();
        int outW = g.outWidth();
        int stride = wide.paddedWidth();
        int plane = g.outPlane();
        int sampleWork = vectorColumns * ckk * filters / 16;
        int weightsT = part + filters * ckk * VectorConv.L;
        BiasGradient.add(dy, batch, filters, plane, grads, offset + filters * ckk);
        java.util.Arrays.fill(scratch, part, part + filters * ckk * VectorConv.L, 0f);
        if (dx != null) { // W^T[CKK x F], for the input gradient's sums over the filters
            for (int f = 0; f < filters; f++) {
                for (int q = 0; q < ckk; q++) scratch[weightsT + q * filters + f] = params[offset + f * ckk + q];
            }
        }
        for (int first = 0; first < batch; first += n) {
            int from = first;
            int count = Math.min(n, batch - first);
            // the padded samples again, and dŶ[f, oh*Wp + ow] = dy[b, f, oh, ow], 0 in the other columns
            Parallel.forRange(Conv2d.parts(pass, (long) count * sampleWork), count, (a, b) -> {
                for (int s = a; s < b; s++) {
                    wide.pad(x, from + s, scratch, s * paddedSample, paddedSample);
                    int d = dyHat + s * filters * vectorColumns;
                    java.util.Arrays.fill(scratch, d, d + filters * vectorColumns, 0f);
                    for (int f = 0; f < filters; f++) {
                        int src = ((from + s) * filters + f) * plane;
                        int dst = d + f * vectorColumns;
                        for (int oh = 0; oh < outH; oh++, src += outW, dst += stride) {
                            System.arraycopy(dy, src, scratch, dst, outW);
                        }
                    }
                }
            });
            // dW partials, split over blocks of 4 filters (each weight's sum stays on one thread), sample by sample
            int blocks = (filters + 3) / 4;
            Parallel.forRange(Conv2d.parts(pass, (long) count * sampleWork), blocks, (a, b) ->
                    VectorConv.weightPartials(scratch, dyHat, filters * vectorColumns, vectorColumns, ckk, taps,
                            scratch, 0, paddedSample, count, vectorColumns, scratch, part, 4 * a, Math.min(filters, 4 * b)));
            if (dx == null) continue;
            // dxpad[tap[q] + j] += sum over f of W[f, q] dŶ[f, j], over the padded samples, then cropped into dx
            Parallel.forRange(Conv2d.parts(pass, (long) count * sampleWork), count, (a, b) -> {
                for (int s = a; s < b; s++) {
                    int pad = s * paddedSample;
                    java.util.Arrays.fill(scratch, pad, pad + paddedSample, 0f);
                    VectorConv.inputGradient(scratch, weightsT, filters, channels, g.kernel() * g.kernel(), taps, scratch,
                            dyHat + s * filters * vectorColumns, vectorColumns, scratch, pad, vectorColumns);
                    wide.crop(scratch, pad, dx, from + s);
                }
            });
        }
        VectorConv.reducePartials(scratch, part, filters * ckk, grads, offset);
    }
}

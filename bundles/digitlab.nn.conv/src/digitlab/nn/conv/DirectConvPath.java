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
    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

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
        Call c = calls.get();
        c.set(pass, params, offset, x, scratch, n);
        try {
            c.y = y;
            for (int first = 0; first < pass.batch(); first += n) {
                c.group(first, Math.min(n, pass.batch() - first), (long) vectorColumns * ckk * filters / 16);
                Parallel.forRange(c.parts, c.count, c.forward);
            }
        } finally {
            c.clear();
        }
    }

    /** The backward pass of a batch, in groups of {@code n} samples; {@code dx} null for the first layer. */
    void backward(Pass pass, float[] params, int offset, float[] x, float[] dy, float[] dx, float[] grads,
                  float[] scratch, int n) {
        Call c = calls.get();
        c.set(pass, params, offset, x, scratch, n);
        try {
            c.dy = dy;
            c.dx = dx;
            BiasGradient.add(dy, pass.batch(), filters, g.outPlane(), grads, offset + filters * ckk);
            java.util.Arrays.fill(scratch, c.part, c.part + filters * ckk * VectorConv.L, 0f);
            if (dx != null) { // W^T[CKK x F], for the input gradient's sums over the filters
                for (int f = 0; f < filters; f++) {
                    for (int q = 0; q < ckk; q++) scratch[c.weightsT + q * filters + f] = params[offset + f * ckk + q];
                }
            }
            for (int first = 0; first < pass.batch(); first += n) {
                c.group(first, Math.min(n, pass.batch() - first), (long) vectorColumns * ckk * filters / 16);
                Parallel.forRange(c.parts, c.count, c.prepare);
                // dW partials, split over blocks of 4 filters (each weight's sum stays on one thread), sample by sample
                Parallel.forRange(c.parts, (filters + 3) / 4, c.weightPartials);
                if (dx != null) Parallel.forRange(c.parts, c.count, c.inputGradient);
            }
            VectorConv.reducePartials(scratch, c.part, filters * ckk, grads, offset);
        } finally {
            c.clear();
        }
    }

    /** This path's offsets in scratch and the tasks that {@link Parallel} runs over a group's samples or filters ({@link ConvCall}). */
    private final class Call extends ConvCall {
        /** Offsets in scratch: Ŷ or dŶ per sample, the weight partials, W^T. */
        int yHat;
        int part;
        int weightsT;
        final Parallel.RangeTask forward = this::forwardSamples;
        final Parallel.RangeTask prepare = this::prepareSamples;
        final Parallel.RangeTask weightPartials = this::weightPartialsFilters;
        final Parallel.RangeTask inputGradient = this::inputGradientSamples;

        @Override
        void offsets(int n) {
            yHat = n * paddedSample;
            part = yHat + n * filters * vectorColumns;
            weightsT = part + filters * ckk * VectorConv.L;
        }

        /** The forward pass of samples {@code [a, b)} of the group. */
        private void forwardSamples(int a, int b) {
            int bias = offset + filters * ckk;
            int plane = g.outPlane();
            for (int s = a; s < b; s++) {
                int pad = s * paddedSample;
                int out = yHat + s * filters * vectorColumns;
                wide.pad(x, from + s, scratch, pad, paddedSample);
                // Ŷ[f, j] = sum over q of W[f, q] xpad[tap[q] + j]
                VectorConv.forward(params, offset, ckk, taps, scratch, pad, scratch, out, vectorColumns, 0, filters,
                        vectorColumns);
                for (int f = 0; f < filters; f++) { // y[b, f, oh, ow] = Ŷ[f, oh*Wp + ow] + bias[f]
                    VectorConv.cropAddBias(scratch, out + f * vectorColumns, wide.paddedWidth(), y,
                            ((from + s) * filters + f) * plane, g.outHeight(), g.outWidth(), params[bias + f]);
                }
            }
        }

        /** The padded samples {@code [a, b)} of the group again, and dŶ[f, oh*Wp + ow] = dy[b, f, oh, ow], 0 elsewhere. */
        private void prepareSamples(int a, int b) {
            int plane = g.outPlane();
            int outH = g.outHeight();
            int outW = g.outWidth();
            int stride = wide.paddedWidth();
            for (int s = a; s < b; s++) {
                wide.pad(x, from + s, scratch, s * paddedSample, paddedSample);
                int d = yHat + s * filters * vectorColumns;
                java.util.Arrays.fill(scratch, d, d + filters * vectorColumns, 0f);
                for (int f = 0; f < filters; f++) {
                    int src = ((from + s) * filters + f) * plane;
                    int dst = d + f * vectorColumns;
                    for (int oh = 0; oh < outH; oh++, src += outW, dst += stride) System.arraycopy(dy, src, scratch, dst, outW);
                }
            }
        }

        /** The weight partials of the filters of blocks {@code [a, b)} of 4, over all the group's samples. */
        private void weightPartialsFilters(int a, int b) {
            VectorConv.weightPartials(scratch, yHat, filters * vectorColumns, vectorColumns, ckk, taps,
                    scratch, 0, paddedSample, count, vectorColumns, scratch, part, 4 * a, Math.min(filters, 4 * b));
        }

        /** dxpad[tap[q] + j] += sum over f of W[f, q] dŶ[f, j] for samples {@code [a, b)}, cropped into dx. */
        private void inputGradientSamples(int a, int b) {
            for (int s = a; s < b; s++) {
                int pad = s * paddedSample;
                java.util.Arrays.fill(scratch, pad, pad + paddedSample, 0f);
                VectorConv.inputGradient(scratch, weightsT, filters, channels, g.kernel() * g.kernel(), taps, scratch,
                        yHat + s * filters * vectorColumns, vectorColumns, scratch, pad, vectorColumns);
                wide.crop(scratch, pad, dx, from + s);
            }
        }
    }
}

package digitlab.nn.conv;

import digitlab.nn.Pass;
import digitlab.nn.kernel.Parallel;

/**
 * {@link Conv2d}'s path for stride 1 when the filters fill whole pairs of vectors, or nearly ({@link #suits}: rounded up
 * to pairs; LeNet's two convolutions with 256-bit vectors, its second with 512-bit ones, the handwriting model's
 * second with 256-bit ones): the forward pass and the weight
 * gradient on {@link FilterKernels}, straight from each zero-padded sample and only at the real output positions;
 * the input gradient, when the input channels fill whole pairs of vectors too (LeNet's second convolution with
 * 256-bit vectors), on {@link FilterKernels#inputGradient} into the padded sample with its channels last, straight
 * from the transposed output gradients; else as one matrix product per sample on the pass's kernels,
 * {@code dX̂[CKK x P] = W^T · dY}, folded back into the padded sample. Loaded only when the Vector API is usable
 * ({@link ConvVectorPaths}).
 *
 * <p>Scratch, per group of n samples: the padded samples {@code [n x paddedSample]}, the outputs or output
 * gradients transposed per sample {@code [n x P x F]}, the window gradients per sample {@code [n x CKK x P]};
 * then, for the whole batch, the weights (forward) or the weight gradient (backward) transposed, {@code [CKK x F]},
 * and the weights as {@code [KK x F x C]} for the channels-last input gradient.
 *
 * <p>Work is split over samples (padding, forward, input gradient) or over blocks of 4 taps (the weight gradient,
 * whose sums run over the samples): every value is computed the same way whichever thread computes it.
 */
final class FilterConvPath {

    private final ConvGeometry g;
    private final int filters;
    /**
     * The filters rounded up to whole pairs of vectors ({@code F'}): the row length of the transposed layouts. The
     * extra filters' weights and output gradients are 0, their outputs and weight gradients are dropped.
     */
    private final int fp;
    private final int ckk;
    private final WideColumns wide;
    private final int[] taps;
    /** Output position p in a padded sample: {@code oh*Wp + ow}. */
    private final int[] pos;
    private final int positions;
    /** Floats per padded sample, with room for the vector code's reads past the end (as {@link DirectConvPath}). */
    private final int paddedSample;
    /** Whether the input gradient runs channels last ({@link FilterKernels#inputGradient}). */
    private final boolean channelsLast;
    private final int channels;
    /** Kernel tap {@code k = kh*K + kw} of one channel in a padded plane: {@code kh*Wp + kw}. */
    private final int[] tapOffsets;
    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

    FilterConvPath(ConvGeometry g, int channels, int filters, WideColumns wide) {
        this.g = g;
        this.filters = filters;
        this.fp = padded(filters);
        this.ckk = channels * g.kernel() * g.kernel();
        this.wide = wide;
        this.taps = wide.taps();
        this.positions = g.outPlane();
        this.pos = new int[positions];
        for (int oh = 0, p = 0; oh < g.outHeight(); oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) pos[p++] = oh * wide.paddedWidth() + ow;
        }
        this.paddedSample = wide.padded() + 2 * FilterKernels.L;
        this.channels = channels;
        this.channelsLast = FilterKernels.fits(channels);
        int k = g.kernel();
        this.tapOffsets = new int[k * k];
        for (int kh = 0; kh < k; kh++) {
            for (int kw = 0; kw < k; kw++) tapOffsets[kh * k + kw] = kh * wide.paddedWidth() + kw;
        }
    }

    /** {@code filters} rounded up to whole pairs of vectors. */
    static int padded(int filters) {
        int pair = 2 * FilterKernels.L;
        return (filters + pair - 1) / pair * pair;
    }

    /**
     * Whether this path suits a layer of {@code filters} filters: when rounding them up to pairs of vectors adds at most
     * a quarter (16 or 32 filters with 256-bit vectors: none; the handwriting model's 40: 48; its 20 would be 32,
     * where {@link DirectConvPath}'s wide layout computes only 32 columns for 28 outputs).
     */
    static boolean suits(int filters) {
        return padded(filters) * 4 <= filters * 5;
    }

    int scratchSize(int n) {
        long floats = (long) n * paddedSample + (long) n * positions * fp + (long) n * positions * ckk + 2L * ckk * fp;
        return Math.toIntExact(floats);
    }

    private int transposed(int n) {
        return n * paddedSample;
    }

    private int windows(int n) {
        return transposed(n) + n * positions * fp;
    }

    private int weights(int n) {
        return windows(n) + n * positions * ckk;
    }

    private int weightsByTap(int n) {
        return weights(n) + ckk * fp;
    }

    /** The forward pass of a batch, in groups of {@code n} samples. */
    void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch, int n) {
        Call c = calls.get();
        c.set(pass, params, offset, x, scratch, n);
        try {
            c.y = y;
            if (fp > filters) java.util.Arrays.fill(scratch, c.wT, c.wT + ckk * fp, 0f);
            for (int f = 0; f < filters; f++) { // W^T[CKK x F']
                for (int q = 0; q < ckk; q++) scratch[c.wT + q * fp + f] = params[offset + f * ckk + q];
            }
            for (int first = 0; first < pass.batch(); first += n) {
                c.group(first, Math.min(n, pass.batch() - first), (long) positions * ckk * fp / 16);
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
            BiasGradient.add(dy, pass.batch(), filters, positions, grads, offset + filters * ckk);
            java.util.Arrays.fill(scratch, c.wT, c.wT + ckk * fp, 0f);
            if (dx != null && channelsLast) byTap(params, offset, scratch, c.wK);
            for (int first = 0; first < pass.batch(); first += n) {
                c.group(first, Math.min(n, pass.batch() - first), (long) positions * ckk * fp / 16);
                Parallel.forRange(c.parts, c.count, c.prepare);
                // dW^T, split over blocks of 4 taps (each weight's sum over the samples stays on one thread)
                Parallel.forRange(c.parts, (ckk + 3) / 4, c.weightGradient);
                if (dx != null) Parallel.forRange(c.parts, c.count, channelsLast ? c.inputGradient : c.inputGradientByProducts);
            }
            for (int f = 0; f < filters; f++) { // grads[f*CKK + q] += dW^T[q, f]
                for (int q = 0; q < ckk; q++) grads[offset + f * ckk + q] += scratch[c.wT + q * fp + f];
            }
        } finally {
            c.clear();
        }
    }

    /** This path's offsets in scratch and the tasks that {@link Parallel} runs over a group's samples or taps ({@link ConvCall}). */
    private final class Call extends ConvCall {
        /** Offsets in scratch: Ŷ^T or dY^T, the window gradients, W^T or dW^T, the weights by tap. */
        int yT;
        int cols;
        int wT;
        int wK;
        final Parallel.RangeTask forward = this::forwardSamples;
        final Parallel.RangeTask prepare = this::prepareSamples;
        final Parallel.RangeTask weightGradient = this::weightGradientTaps;
        final Parallel.RangeTask inputGradient = this::inputGradientSamples;
        final Parallel.RangeTask inputGradientByProducts = this::inputGradientByProductsSamples;

        @Override
        void offsets(int n) {
            yT = transposed(n);
            cols = windows(n);
            wT = weights(n);
            wK = weightsByTap(n);
        }

        /** The forward pass of samples {@code [a, b)} of the group. */
        private void forwardSamples(int a, int b) {
            int bias = offset + filters * ckk;
            for (int s = a; s < b; s++) {
                int pad = s * paddedSample;
                int out = yT + s * positions * fp;
                wide.pad(x, from + s, scratch, pad, paddedSample);
                FilterKernels.forward(scratch, pad, taps, ckk, pos, 0, positions, scratch, wT, fp, scratch, out);
                int dst = (from + s) * filters * positions;
                for (int f = 0; f < filters; f++) { // y[b, f, p] = Ŷ^T[p, f] + bias[f]
                    float bf = params[bias + f];
                    for (int p = 0, src = out + f; p < positions; p++, src += fp) y[dst + f * positions + p] = scratch[src] + bf;
                }
            }
        }

        /** The padded samples {@code [a, b)} of the group again, and {@code dY^T[p, f] = dy[b, f, p]}. */
        private void prepareSamples(int a, int b) {
            for (int s = a; s < b; s++) {
                wide.pad(x, from + s, scratch, s * paddedSample, paddedSample);
                int src = (from + s) * filters * positions;
                int dst = yT + s * positions * fp;
                for (int f = 0; f < filters; f++) {
                    for (int p = 0; p < positions; p++) scratch[dst + p * fp + f] = dy[src + f * positions + p];
                }
                for (int p = 0; fp > filters && p < positions; p++) java.util.Arrays.fill(scratch, dst + p * fp + filters, dst + (p + 1) * fp, 0f);
            }
        }

        /** dW^T for the taps of blocks {@code [a, b)} of 4, over all the group's samples. */
        private void weightGradientTaps(int a, int b) {
            FilterKernels.weightGradient(scratch, 0, paddedSample, taps, pos, positions, scratch, yT, fp, count,
                    scratch, wT, 4 * a, Math.min(ckk, 4 * b));
        }

        /** dX of samples {@code [a, b)}, channels last, straight from dY^T into the padded samples (no longer needed). */
        private void inputGradientSamples(int a, int b) {
            int planeT = wide.plane() * channels;
            for (int s = a; s < b; s++) {
                int pad = s * paddedSample;
                java.util.Arrays.fill(scratch, pad, pad + planeT, 0f);
                FilterKernels.inputGradient(scratch, yT + s * positions * fp, fp, pos, positions, tapOffsets,
                        scratch, wK, channels, scratch, pad);
                wide.cropChannelsLast(scratch, pad, dx, from + s);
            }
        }

        /** {@code dX̂[CKK x P] = W^T · dY} per sample of {@code [a, b)}, folded back into its padded sample. */
        private void inputGradientByProductsSamples(int a, int b) {
            for (int s = a; s < b; s++) {
                int pad = s * paddedSample;
                int col = cols + s * positions * ckk;
                pass.kernels().gemm(true, false, ckk, positions, filters, params, offset, ckk,
                        dy, (from + s) * filters * positions, positions, false, scratch, col, positions);
                java.util.Arrays.fill(scratch, pad, pad + paddedSample, 0f);
                fold(scratch, col, pad);
                wide.crop(scratch, pad, dx, from + s);
            }
        }
    }

    /** {@code wK[(k*F' + f)*C + c] = W[f, c*KK + k]}: the weights by tap, then filter, with the channels last. */
    private void byTap(float[] params, int offset, float[] scratch, int wK) {
        int kk = tapOffsets.length;
        if (fp > filters) java.util.Arrays.fill(scratch, wK, wK + ckk * fp, 0f);
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                int src = offset + f * ckk + c * kk;
                for (int k = 0; k < kk; k++) scratch[wK + (k * fp + f) * channels + c] = params[src + k];
            }
        }
    }

    /**
     * {@code xpad[pad + tap[q] + pos[p]] += dX̂[q, p]} over the taps, then the positions, in order: for each tap and
     * output row, a run of {@code OW} values added on the Vector API.
     */
    private void fold(float[] s, int col, int pad) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int wp = wide.paddedWidth();
        for (int q = 0; q < ckk; q++) {
            int dst = pad + taps[q];
            int src = col + q * positions;
            for (int oh = 0; oh < outH; oh++, dst += wp, src += outW) VectorPooling.add(s, src, s, dst, outW);
        }
    }
}

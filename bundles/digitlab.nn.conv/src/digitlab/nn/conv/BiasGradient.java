package digitlab.nn.conv;

/**
 * The bias gradient of a convolution, {@code db[f] += sum over b, p of dy[b, f, p]}, in a fixed order: per sample
 * and filter, eight interleaved partial sums of the P values (independent chains, so the adds overlap), combined in
 * a fixed order; then sample by sample. Both of {@link Conv2d}'s paths use it. A Vector API version was tried and
 * dropped: no faster here, and in some JIT states C2 left its vector sums boxed, allocating in the training step
 * (bench/README.md).
 */
final class BiasGradient {

    private BiasGradient() {
    }

    /** Adds the bias gradient of {@code dy} [batch x filters x plane] to {@code grads[bias ..]}. */
    static void add(float[] dy, int batch, int filters, int plane, float[] grads, int bias) {
        for (int f = 0; f < filters; f++) {
            float sum = 0f;
            for (int b = 0; b < batch; b++) {
                sum += sum8(dy, (b * filters + f) * plane, plane);
            }
            grads[bias + f] += sum;
        }
    }

    /** The sum of {@code a[from .. from + n)} as eight interleaved partial sums, combined pairwise. */
    static float sum8(float[] a, int from, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        int i = from;
        for (int end = from + n - 8; i <= end; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (int j = 0; i < from + n; i++, j++) {
            switch (j) {
                case 0 -> s0 += a[i];
                case 1 -> s1 += a[i];
                case 2 -> s2 += a[i];
                case 3 -> s3 += a[i];
                case 4 -> s4 += a[i];
                case 5 -> s5 += a[i];
                default -> s6 += a[i];
            }
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}

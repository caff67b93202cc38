package digitlab.data.preprocess;

/**
 * Resampling weights along one axis, for scaling an interval of {@code inLength} input pixels by
 * {@code scale} and shifting it by {@code offset} output pixels:
 * output pixel j covers output coordinates [j, j+1), which are input coordinates
 * [(j - offset) / scale, (j + 1 - offset) / scale).
 * <ul>
 * <li>Shrinking (scale &lt;= 1): area averaging (a box filter). Each input pixel contributes in proportion to
 * how much of it the output pixel covers, so every input pixel is counted once in total and thin strokes
 * become fainter rather than disappearing: proper anti-aliasing.</li>
 * <li>Enlarging (scale &gt; 1): bilinear interpolation between the two input pixels nearest to the output
 * pixel's centre, (j + 0.5 - offset) / scale - 0.5 in input pixel coordinates.</li>
 * </ul>
 * Input pixels outside 0..inLength-1 count as 0 (the ink box holds all the ink).
 * <p>
 * Shape: output j = sum over k of {@code weights[j][k] * input[first[j] + k]}.
 */
final class AxisResampler {

    final int[] first;
    final float[][] weights;

    private AxisResampler(int[] first, float[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    static AxisResampler of(int inLength, double scale, double offset, int outLength) {
        int[] first = new int[outLength];
        float[][] weights = new float[outLength][];
        for (int j = 0; j < outLength; j++) {
            if (scale <= 1) {
                double lo = Math.max(0, (j - offset) / scale);
                double hi = Math.min(inLength, (j + 1 - offset) / scale);
                if (hi <= lo) {
                    weights[j] = new float[0];
                    continue;
                }
                int k0 = (int) Math.floor(lo);
                int k1 = (int) Math.ceil(hi); // exclusive
                float[] w = new float[k1 - k0];
                for (int k = k0; k < k1; k++) {
                    double overlap = Math.min(hi, k + 1) - Math.max(lo, k);
                    w[k - k0] = (float) (overlap * scale);
                }
                first[j] = k0;
                weights[j] = w;
            } else {
                double c = (j + 0.5 - offset) / scale - 0.5;
                int k0 = (int) Math.floor(c);
                float f = (float) (c - k0);
                // two taps, k0 and k0 + 1, dropping those outside the input
                float w0 = k0 >= 0 && k0 < inLength ? 1f - f : 0f;
                float w1 = k0 + 1 >= 0 && k0 + 1 < inLength ? f : 0f;
                if (w0 == 0 && w1 == 0) {
                    weights[j] = new float[0];
                } else if (k0 < 0) {
                    first[j] = k0 + 1;
                    weights[j] = new float[] {w1};
                } else {
                    first[j] = k0;
                    weights[j] = k0 + 1 < inLength ? new float[] {w0, w1} : new float[] {w0};
                }
            }
        }
        return new AxisResampler(first, weights);
    }
}

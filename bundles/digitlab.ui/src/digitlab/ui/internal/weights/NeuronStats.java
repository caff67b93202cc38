package digitlab.ui.internal.weights;

/**
 * Summary figures of one neuron's incoming weights, for the hover text and the large view.
 *
 * @param min  smallest weight
 * @param max  largest weight
 * @param mean mean weight
 * @param std  standard deviation
 * @param norm Euclidean length of the weight vector
 * @param bias the neuron's bias (NaN when the layer has none)
 */
public record NeuronStats(double min, double max, double mean, double std, double norm, double bias) {

    /** The figures of {@code weight[from .. from + n)}. */
    public static NeuronStats of(float[] weight, int from, int n, double bias) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sq = 0;
        for (int i = from; i < from + n; i++) {
            double w = weight[i];
            min = Math.min(min, w);
            max = Math.max(max, w);
            sum += w;
            sq += w * w;
        }
        double mean = sum / n;
        return new NeuronStats(min, max, mean, Math.sqrt(Math.max(0, sq / n - mean * mean)), Math.sqrt(sq), bias);
    }

    /** One line, e.g. "min -0.412  max 0.377  mean 0.002  std 0.081  |w| 2.27  bias 0.013". */
    public String describe() {
        String s = String.format("min %.3f  max %.3f  mean %.4f  std %.3f  |w| %.3f", min, max, mean, std, norm);
        return Double.isNaN(bias) ? s : s + String.format("  bias %.3f", bias);
    }
}

package digitlab.embed;

/**
 * A fitted principal component analysis: the data's mean and its leading principal axes. Projecting a
 * point is {@code (x - mean) · axis_c} for each component {@code c}.
 *
 * @param mean       the mean of the fitted data, {@code [d]}
 * @param components unit axes, {@code [k][d]}, by decreasing variance; each axis's largest coordinate is
 *                   positive (eigenvectors have no sign of their own; this makes the pictures repeatable)
 * @param variances  the variance of the data along each axis, {@code [k]}
 */
public record PcaProjection(double[] mean, double[][] components, double[] variances) {

    /** The input dimension {@code d}. */
    public int dimension() {
        return mean.length;
    }

    /** The number of components {@code k}. */
    public int count() {
        return components.length;
    }

    /** The coordinates of {@code x} ({@code [d]}) on the axes, {@code [k]}. */
    public double[] project(float[] x) {
        return project(x, 0);
    }

    /** The coordinates of the {@code d} values of {@code x} starting at {@code offset}. */
    public double[] project(float[] x, int offset) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double[] axis = components[c];
            double s = 0;
            for (int j = 0; j < axis.length; j++) s += (x[offset + j] - mean[j]) * axis[j];
            out[c] = s;
        }
        return out;
    }

    /** Every row of {@code rows} ({@code [n x d]}) projected, {@code [n x k]} as floats. */
    public float[] projectAll(float[] rows, int n) {
        int k = components.length, d = mean.length;
        float[] out = new float[n * k];
        for (int i = 0; i < n; i++) {
            double[] p = project(rows, i * d);
            for (int c = 0; c < k; c++) out[i * k + c] = (float) p[c];
        }
        return out;
    }
}

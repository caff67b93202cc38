package digitlab.embed;

import digitlab.nn.Rng;
import digitlab.nn.kernel.Parallel;

/**
 * Principal component analysis of {@code n} points of dimension {@code d}. Up to {@link #EXPLICIT_LIMIT}
 * dimensions the covariance matrix ({@code [d x d]}) is formed and diagonalised exactly (cyclic Jacobi);
 * beyond, the covariance is never formed: subspace iteration multiplies a block of vectors by
 * {@code X^T X} (two passes over the data) until the leading axes stop moving.
 */
public final class Pca {

    /** The largest dimension whose covariance is formed and diagonalised exactly. */
    public static final int EXPLICIT_LIMIT = 256;

    private Pca() {
    }

    /**
     * Fits {@code k} components to the rows of {@code x} ({@code [n x d]}, row-major).
     *
     * @throws IllegalArgumentException when {@code k} is not between 1 and {@code d}, or there are no rows
     */
    public static PcaProjection fit(float[] x, int n, int d, int k) {
        return fit(x, n, d, k, EXPLICIT_LIMIT, EmbedProgress.NONE);
    }

    /** As {@link #fit(float[], int, int, int)}, reporting to and cancelled by {@code progress}. */
    public static PcaProjection fit(float[] x, int n, int d, int k, EmbedProgress progress) {
        return fit(x, n, d, k, EXPLICIT_LIMIT, progress);
    }

    static PcaProjection fit(float[] x, int n, int d, int k, int explicitLimit, EmbedProgress progress) {
        if (n < 1) throw new IllegalArgumentException("PCA needs at least one point");
        if (k < 1 || k > d) throw new IllegalArgumentException("PCA: " + k + " components of " + d + " dimensions");
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[][] axes;
        double[] variances;
        if (d <= explicitLimit) {
            double[][] cov = covariance(x, n, d, mean);
            progress.checkCancelled();
            double[][] vectors = new double[d][d];
            double[] values = SymmetricEigen.jacobi(cov, vectors);
            int[] order = SymmetricEigen.descending(values);
            axes = new double[k][d];
            variances = new double[k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) axes[c][j] = vectors[j][order[c]];
                variances[c] = Math.max(0, values[order[c]]);
            }
        } else {
            variances = new double[k];
            axes = subspaceIteration(x, n, d, k, mean, variances, progress);
        }
        for (double[] axis : axes) orientPositive(axis);
        return new PcaProjection(mean, axes, variances);
    }

    /** {@code [d x d]} covariance (divided by n), rows computed in parallel. */
    private static double[][] covariance(float[] x, int n, int d, double[] mean) {
        double[][] cov = new double[d][d];
        double[] centred = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) centred[i * d + j] = x[i * d + j] - mean[j];
        Parallel.forRange(Runtime.getRuntime().availableProcessors(), 16, d, (from, to) -> {
            for (int a = from; a < to; a++) {
                for (int b = a; b < d; b++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += centred[i * d + a] * centred[i * d + b];
                    cov[a][b] = s / n;
                }
            }
        });
        for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) cov[a][b] = cov[b][a];
        return cov;
    }

    /**
     * The leading {@code k} axes by block power iteration with a Rayleigh-Ritz step: a block of
     * {@code k + 8} orthonormal vectors {@code Q} is replaced by {@code orth(C Q)} where
     * {@code C Q = X_c^T (X_c Q) / n}; the extra vectors make the leading ones converge faster.
     */
    private static double[][] subspaceIteration(float[] x, int n, int d, int k, double[] mean, double[] variances,
                                                EmbedProgress progress) {
        int b = Math.min(d, k + 8);
        double[][] q = new double[b][d];
        Rng rng = new Rng(0x5ca1ab1eL);
        for (double[] v : q) for (int j = 0; j < d; j++) v[j] = rng.nextGaussian();
        orthonormalise(q);
        double[] values = new double[b];
        double[][] previous = null;
        for (int iteration = 0; iteration < 200; iteration++) {
            progress.checkCancelled();
            double[][] cq = timesCovariance(x, n, d, mean, q);
            // Rayleigh-Ritz: the small matrix T = Q^T C Q, diagonalised, rotates the block onto its eigenvectors.
            double[][] t = new double[b][b];
            for (int a = 0; a < b; a++) for (int c = 0; c < b; c++) t[a][c] = dot(q[a], cq[c]);
            for (int a = 0; a < b; a++) for (int c = 0; c < a; c++) t[a][c] = t[c][a] = (t[a][c] + t[c][a]) / 2;
            double[][] w = new double[b][b];
            values = SymmetricEigen.jacobi(t, w);
            int[] order = SymmetricEigen.descending(values);
            double[][] next = new double[b][d];
            for (int c = 0; c < b; c++) {
                for (int a = 0; a < b; a++) {
                    double f = w[a][order[c]];
                    for (int j = 0; j < d; j++) next[c][j] += f * cq[a][j];
                }
            }
            double[] sorted = new double[b];
            for (int c = 0; c < b; c++) sorted[c] = values[order[c]];
            values = sorted;
            orthonormalise(next);
            q = next;
            if (previous != null && converged(previous, q, k)) break;
            previous = q;
            progress.report("PCA", Math.min(1, (iteration + 1) / 50.0));
        }
        double[][] axes = new double[k][];
        for (int c = 0; c < k; c++) {
            axes[c] = q[c];
            variances[c] = Math.max(0, values[c]);
        }
        return axes;
    }

    private static boolean converged(double[][] before, double[][] after, int k) {
        for (int c = 0; c < k; c++) if (1 - Math.abs(dot(before[c], after[c])) > 1e-10) return false;
        return true;
    }

    /** {@code C v} for each vector of the block, with {@code C = X_c^T X_c / n}. */
    private static double[][] timesCovariance(float[] x, int n, int d, double[] mean, double[][] q) {
        int b = q.length;
        double[] meanDot = new double[b];
        for (int c = 0; c < b; c++) meanDot[c] = dot(mean, q[c]);
        double[][] xq = new double[n][b];
        Parallel.forRange(Runtime.getRuntime().availableProcessors(), 16, n, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int c = 0; c < b; c++) {
                    double s = 0;
                    double[] v = q[c];
                    for (int j = 0; j < d; j++) s += x[i * d + j] * v[j];
                    xq[i][c] = s - meanDot[c];
                }
            }
        });
        double[][] out = new double[b][d];
        Parallel.forRange(Runtime.getRuntime().availableProcessors(), 16, d, (from, to) -> {
            for (int i = 0; i < n; i++) {
                for (int j = from; j < to; j++) {
                    double centred = x[i * d + j] - mean[j];
                    for (int c = 0; c < b; c++) out[c][j] += centred * xq[i][c];
                }
            }
        });
        for (double[] v : out) for (int j = 0; j < d; j++) v[j] /= n;
        return out;
    }

    /**
     * Modified Gram-Schmidt on the rows of {@code q}. A row that falls into the span of the earlier ones (data
     * of lower rank) is replaced by the first unit vector that does not.
     */
    static void orthonormalise(double[][] q) {
        int d = q[0].length;
        for (int a = 0; a < q.length; a++) {
            for (int candidate = -1; candidate < d; candidate++) {
                if (candidate >= 0) {
                    java.util.Arrays.fill(q[a], 0);
                    q[a][candidate] = 1;
                }
                for (int pass = 0; pass < 2; pass++) { // twice is enough for working precision
                    for (int c = 0; c < a; c++) {
                        double p = dot(q[a], q[c]);
                        for (int j = 0; j < d; j++) q[a][j] -= p * q[c][j];
                    }
                }
                double norm = Math.sqrt(dot(q[a], q[a]));
                if (norm > 1e-9) {
                    for (int j = 0; j < d; j++) q[a][j] /= norm;
                    break;
                }
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }

    private static void orientPositive(double[] axis) {
        int largest = 0;
        for (int j = 1; j < axis.length; j++) if (Math.abs(axis[j]) > Math.abs(axis[largest])) largest = j;
        if (axis[largest] < 0) for (int j = 0; j < axis.length; j++) axis[j] = -axis[j];
    }
}

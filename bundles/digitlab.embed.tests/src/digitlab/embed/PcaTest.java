package digitlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.nn.Rng;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * Points {@code m ± c_a u_a} for orthonormal axes {@code u_a}: their mean is {@code m} and their covariance
     * exactly {@code sum_a (2 c_a^2 / n) u_a u_a^T}, so the principal axes are the {@code u_a} by decreasing
     * {@code c_a}, with those variances.
     */
    private static final double[] SCALES = {3, 5, 1, 2};

    private static double[][] rotatedAxes(int d) {
        // An orthonormal basis from a seeded random matrix.
        double[][] q = new double[SCALES.length][d];
        Rng rng = new Rng(3);
        for (double[] v : q) for (int j = 0; j < d; j++) v[j] = rng.nextGaussian();
        Pca.orthonormalise(q);
        return q;
    }

    private static float[] pairs(double[][] axes, double[] mean) {
        int d = mean.length, n = 2 * axes.length;
        float[] x = new float[n * d];
        for (int a = 0; a < axes.length; a++) {
            for (int j = 0; j < d; j++) {
                x[(2 * a) * d + j] = (float) (mean[j] + SCALES[a] * axes[a][j]);
                x[(2 * a + 1) * d + j] = (float) (mean[j] - SCALES[a] * axes[a][j]);
            }
        }
        return x;
    }

    @Test
    void findsAKnownDecomposition() {
        checkKnownDecomposition(Pca.EXPLICIT_LIMIT);
    }

    @Test
    void subspaceIterationFindsTheSameDecompositionWithoutACovarianceMatrix() {
        checkKnownDecomposition(0);
    }

    private void checkKnownDecomposition(int explicitLimit) {
        int d = 7;
        double[][] axes = rotatedAxes(d);
        double[] mean = {1, -2, 0.5, 3, 0, 0, -1};
        float[] x = pairs(axes, mean);
        int n = 2 * axes.length;
        PcaProjection p = Pca.fit(x, n, d, 2, explicitLimit, EmbedProgress.NONE);
        assertArrayEquals(mean, p.mean(), 1e-6);
        // The largest scales are 5 (axis 1) and 3 (axis 0): variance 2 c^2 / n.
        assertEquals(2 * 25.0 / n, p.variances()[0], 1e-5);
        assertEquals(2 * 9.0 / n, p.variances()[1], 1e-5);
        assertEquals(1, Math.abs(Pca.dot(p.components()[0], axes[1])), 1e-6);
        assertEquals(1, Math.abs(Pca.dot(p.components()[1], axes[0])), 1e-6);
        // Projections: the pair along axis 1 lands at ±5 on the first coordinate and 0 on the second.
        double[] proj = p.project(x, 2 * d);
        assertEquals(5, Math.abs(proj[0]), 1e-5);
        assertEquals(0, proj[1], 1e-5);
    }

    @Test
    void componentsHaveAFixedSign() {
        Clusters c = new Clusters(300, 12, 4, 1);
        PcaProjection a = Pca.fit(c.x, c.n, c.d, 2);
        PcaProjection b = Pca.fit(c.x, c.n, c.d, 2, 0, EmbedProgress.NONE);
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(a.components()[k], b.components()[k], 1e-6);
            double[] axis = a.components()[k];
            int largest = 0;
            for (int j = 1; j < axis.length; j++) if (Math.abs(axis[j]) > Math.abs(axis[largest])) largest = j;
            assertEquals(1, Math.signum(axis[largest]));
        }
    }

    @Test
    void refusesMoreComponentsThanDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(new float[6], 2, 3, 4));
        assertEquals("PCA: 4 components of 3 dimensions", e.getMessage());
    }
}

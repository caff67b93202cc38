package digitlab.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.embed.internal.QuadTree;
import digitlab.nn.Rng;
import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;

class TsneGradientTest {

    private static double[] randomMap(int n, long seed, double spread) {
        Rng rng = new Rng(seed);
        double[] y = new double[2 * n];
        for (int k = 0; k < y.length; k++) y[k] = spread * rng.nextGaussian();
        return y;
    }

    /** A random dense P: symmetric, zero diagonal, sum 1. */
    private static double[] randomP(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] p = new double[n * n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = rng.nextDouble() + 0.01;
                p[i * n + j] = p[j * n + i] = v;
                sum += 2 * v;
            }
        }
        for (int k = 0; k < p.length; k++) p[k] /= sum;
        return p;
    }

    @Test
    void exactGradientMatchesFiniteDifferencesOfTheCost() {
        int n = 9;
        double[] p = randomP(n, 11);
        double[] y = randomMap(n, 12, 1.5);
        double[] grad = new double[2 * n];
        TsneGradient.exact(p, y, n, grad);
        double h = 1e-6;
        for (int k = 0; k < 2 * n; k++) {
            double keep = y[k];
            y[k] = keep + h;
            double up = TsneGradient.cost(p, y, n);
            y[k] = keep - h;
            double down = TsneGradient.cost(p, y, n);
            y[k] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[k], 1e-7 + 1e-5 * Math.abs(numeric), "coordinate " + k);
        }
    }

    private static Affinities affinitiesOf(Clusters c, double perplexity) {
        Neighbours nb = Neighbours.of(c.x, c.n, c.d, (int) (3 * perplexity), new ReferenceKernels(1), EmbedProgress.NONE);
        return Affinities.of(nb, c.n, perplexity);
    }

    @Test
    void barnesHutWithThetaZeroIsTheExactGradient() {
        Clusters c = new Clusters(120, 5, 3, 2);
        Affinities p = affinitiesOf(c, 10);
        double[] y = randomMap(c.n, 5, 3);
        double[] exact = new double[2 * c.n];
        TsneGradient.exact(p.dense(), y, c.n, exact);
        double[] bh = new double[2 * c.n];
        TsneGradient.barnesHut(p, 1, y, c.n, 0, new QuadTree(), 2, bh);
        for (int k = 0; k < bh.length; k++) assertEquals(exact[k], bh[k], 1e-12 + 1e-9 * Math.abs(exact[k]), "coordinate " + k);
    }

    @Test
    void barnesHutErrorShrinksWithThetaAndStaysSmallAtTheUsualHalf() {
        Clusters c = new Clusters(400, 5, 4, 3);
        Affinities p = affinitiesOf(c, 15);
        double[] y = randomMap(c.n, 6, 10);
        double[] exact = new double[2 * c.n];
        TsneGradient.exact(p.dense(), y, c.n, exact);
        double coarse = relativeError(p, y, exact, 0.5), fine = relativeError(p, y, exact, 0.1);
        assertTrue(coarse < 0.2, "theta 0.5: relative error " + coarse);
        assertTrue(fine < 0.01, "theta 0.1: relative error " + fine);
        assertTrue(fine > 0 && fine < coarse / 10, "theta 0.1 " + fine + " vs 0.5 " + coarse);
    }

    private static double relativeError(Affinities p, double[] y, double[] exact, double theta) {
        double[] bh = new double[exact.length];
        TsneGradient.barnesHut(p, 1, y, p.n(), theta, new QuadTree(), 2, bh);
        double err = 0, norm = 0;
        for (int k = 0; k < bh.length; k++) {
            err += (bh[k] - exact[k]) * (bh[k] - exact[k]);
            norm += exact[k] * exact[k];
        }
        return Math.sqrt(err / norm);
    }

    @Test
    void coincidentPointsShareALeafAndKeepTheExactSums() {
        int n = 6;
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, -2, 3};
        double[] p = randomP(n, 4);
        double[] exact = new double[2 * n];
        TsneGradient.exact(p, y, n, exact);
        // Sparse copy of the dense P.
        int[] start = new int[n + 1];
        int[] cols = new int[n * (n - 1)];
        double[] vals = new double[n * (n - 1)];
        int w = 0;
        for (int i = 0; i < n; i++) {
            start[i] = w;
            for (int j = 0; j < n; j++) if (j != i) {
                cols[w] = j;
                vals[w++] = p[i * n + j];
            }
        }
        start[n] = w;
        double[] bh = new double[2 * n];
        TsneGradient.barnesHut(new Affinities(n, start, cols, vals), 1, y, n, 0, new QuadTree(), 1, bh);
        for (int k = 0; k < bh.length; k++) assertEquals(exact[k], bh[k], 1e-12, "coordinate " + k);
    }
}

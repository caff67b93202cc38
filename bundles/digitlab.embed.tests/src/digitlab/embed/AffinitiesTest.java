package digitlab.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;

class AffinitiesTest {

    @Test
    void binarySearchReachesThePerplexityAskedFor() {
        Clusters c = new Clusters(200, 6, 3, 1);
        Neighbours nb = Neighbours.of(c.x, c.n, c.d, 60, new ReferenceKernels(1), EmbedProgress.NONE);
        double[] row = new double[60];
        for (int i = 0; i < c.n; i += 17) {
            Affinities.calibrate(nb.distances(), i * 60, 60, Math.log(20), row);
            double entropy = 0, sum = 0;
            for (double v : row) {
                sum += v;
                if (v > 0) entropy -= v * Math.log(v);
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(20, Math.exp(entropy), 20 * 1e-4, "point " + i);
        }
    }

    @Test
    void symmetricAndSumsToOne() {
        Clusters c = new Clusters(150, 4, 3, 2);
        Neighbours nb = Neighbours.of(c.x, c.n, c.d, 30, new ReferenceKernels(1), EmbedProgress.NONE);
        double[] p = Affinities.of(nb, c.n, 10).dense();
        double sum = 0;
        for (int i = 0; i < c.n; i++) {
            assertEquals(0, p[i * c.n + i]);
            for (int j = 0; j < c.n; j++) {
                assertEquals(p[i * c.n + j], p[j * c.n + i], 1e-15);
                sum += p[i * c.n + j];
            }
        }
        assertEquals(1, sum, 1e-9);
    }

    @Test
    void neighboursAreTheExactNearestInOrder() {
        Clusters c = new Clusters(90, 7, 3, 3);
        int k = 8;
        Neighbours nb = Neighbours.of(c.x, c.n, c.d, k, new ReferenceKernels(2), EmbedProgress.NONE);
        for (int i = 0; i < c.n; i++) {
            double[] dist = new double[c.n];
            for (int j = 0; j < c.n; j++) {
                double s = 0;
                for (int t = 0; t < c.d; t++) s += Math.pow(c.x[i * c.d + t] - c.x[j * c.d + t], 2);
                dist[j] = j == i ? Double.POSITIVE_INFINITY : s;
            }
            Integer[] order = new Integer[c.n];
            for (int j = 0; j < c.n; j++) order[j] = j;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
            for (int m = 0; m < k; m++) {
                assertEquals(dist[order[m]], nb.distances()[i * k + m], 1e-4, "point " + i + " neighbour " + m);
                assertTrue(nb.indices()[i * k + m] != i);
            }
        }
    }
}

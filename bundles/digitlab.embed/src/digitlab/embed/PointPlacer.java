package digitlab.embed;

/**
 * Puts a new point (the activations of an image not in the map, such as the user's drawing) into an existing
 * map. Immutable and safe to call from any thread.
 */
@FunctionalInterface
public interface PointPlacer {

    /**
     * The map position {@code {x, y}} of a point with the layer's activations {@code activation}.
     *
     * @throws IllegalArgumentException when {@code activation} has the wrong size
     */
    double[] place(float[] activation);

    /** PCA's placement: the projection itself. */
    static PointPlacer of(PcaProjection pca) {
        return a -> {
            check(a, pca.dimension());
            double[] p = pca.project(a);
            return new double[] {p[0], p[1]};
        };
    }

    private static void check(float[] a, int d) {
        if (a.length != d) throw new IllegalArgumentException("the point has " + a.length + " values, the map " + d);
    }

    /**
     * t-SNE's placement (a map has no formula for new points): the mean of the map positions of the point's
     * {@value NeighbourPlacer#K} nearest neighbours in the layer's space, weighted by inverse squared distance,
     * so a point next to one image lands on it. {@code reduce} (may be null) is the projection the map's
     * neighbours were found in; {@code rows} are the reduced rows ({@code [n x r]}), {@code xy} the map.
     */
    static PointPlacer nearestNeighbours(PcaProjection reduce, float[] rows, int n, int dimension, int r, double[] xy) {
        return new NeighbourPlacer(reduce, rows, n, dimension, r, xy);
    }

    /** See {@link PointPlacer#nearestNeighbours}. */
    final class NeighbourPlacer implements PointPlacer {
        /** Neighbours whose positions are averaged. */
        static final int K = 10;
        private final PcaProjection reduce;
        private final float[] rows;
        private final int n, dimension, r;
        private final double[] xy;

        NeighbourPlacer(PcaProjection reduce, float[] rows, int n, int dimension, int r, double[] xy) {
            this.reduce = reduce;
            this.rows = rows;
            this.n = n;
            this.dimension = dimension;
            this.r = r;
            this.xy = xy;
        }

        @Override
        public double[] place(float[] activation) {
            check(activation, dimension);
            double[] q = new double[r];
            if (reduce != null) {
                q = reduce.project(activation);
            } else {
                for (int j = 0; j < r; j++) q[j] = activation[j];
            }
            int k = Math.min(K, n);
            int[] best = new int[k];
            double[] bestD = new double[k];
            java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < r; j++) {
                    double t = rows[i * r + j] - q[j];
                    s += t * t;
                }
                if (s < bestD[k - 1]) { // insertion into the sorted short list
                    int m = k - 1;
                    while (m > 0 && bestD[m - 1] > s) {
                        bestD[m] = bestD[m - 1];
                        best[m] = best[m - 1];
                        m--;
                    }
                    bestD[m] = s;
                    best[m] = i;
                }
            }
            if (bestD[0] == 0) return new double[] {xy[2 * best[0]], xy[2 * best[0] + 1]};
            double wx = 0, wy = 0, total = 0;
            for (int m = 0; m < k; m++) {
                double w = 1 / bestD[m];
                wx += w * xy[2 * best[m]];
                wy += w * xy[2 * best[m] + 1];
                total += w;
            }
            return new double[] {wx / total, wy / total};
        }
    }
}

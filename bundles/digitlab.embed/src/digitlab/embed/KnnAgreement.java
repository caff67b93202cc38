package digitlab.embed;

import digitlab.nn.kernel.Parallel;

/**
 * A map's quality as a number: the share of points whose {@code k} nearest neighbours in the map mostly
 * (more than half) share the point's label. Near 1 when classes form clean clusters; about the share of the
 * commonest class for a map that mixes them at random.
 */
public final class KnnAgreement {

    /** The neighbours looked at (the measure uses 10). */
    public static final int K = 10;

    private KnnAgreement() {
    }

    /** The agreement of map {@code xy} ({@code [n x 2]}) with {@code labels}. */
    public static double of(double[] xy, int[] labels, int k) {
        int n = labels.length;
        if (n <= k) throw new IllegalArgumentException("kNN agreement: " + n + " points, " + k + " neighbours");
        boolean[] agrees = new boolean[n];
        Parallel.forRange(Runtime.getRuntime().availableProcessors(), 16, n, (from, to) -> {
            double[] bestD = new double[k];
            int[] best = new int[k];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
                    double d = dx * dx + dy * dy;
                    if (d < bestD[k - 1]) {
                        int m = k - 1;
                        while (m > 0 && bestD[m - 1] > d) {
                            bestD[m] = bestD[m - 1];
                            best[m] = best[m - 1];
                            m--;
                        }
                        bestD[m] = d;
                        best[m] = j;
                    }
                }
                int same = 0;
                for (int m = 0; m < k; m++) if (labels[best[m]] == labels[i]) same++;
                agrees[i] = 2 * same > k;
            }
        });
        int count = 0;
        for (boolean a : agrees) if (a) count++;
        return (double) count / n;
    }
}

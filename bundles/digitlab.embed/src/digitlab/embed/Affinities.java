package digitlab.embed;

import java.util.Arrays;

/**
 * t-SNE's input affinities {@code P}, symmetric and sparse (compressed rows): each point's conditional
 * distribution over its {@code 3 * perplexity} nearest neighbours is a Gaussian whose width a binary search
 * sets so that its perplexity {@code 2^H} is the one asked for; {@code P = (P_(j|i) + P_(i|j)) / 2n} then sums to 1.
 *
 * @param n       the number of points
 * @param rowStart {@code [n + 1]}: row {@code i}'s entries are {@code rowStart[i] .. rowStart[i+1]-1}
 * @param columns the column of each entry (ascending within a row)
 * @param values  {@code P_ij} of each entry
 */
public record Affinities(int n, int[] rowStart, int[] columns, double[] values) {

    /** The binary search stops when the entropy is this close to {@code log(perplexity)} (nats), as in bhtsne. */
    static final double TOLERANCE = 1e-5;

    /**
     * The affinities for {@code perplexity} from each point's nearest neighbours (at least
     * {@code 3 * perplexity} of them, as van der Maaten's Barnes-Hut t-SNE uses).
     */
    public static Affinities of(Neighbours neighbours, int n, double perplexity) {
        int k = neighbours.k();
        double[] conditional = new double[n * k];
        double target = Math.log(perplexity);
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            calibrate(neighbours.distances(), i * k, k, target, row);
            System.arraycopy(row, 0, conditional, i * k, k);
        }
        return symmetrise(neighbours, conditional, n);
    }

    /**
     * Binary search on the precision {@code beta = 1 / (2 sigma^2)} of row {@code i}'s Gaussian until its entropy
     * is {@code target}; writes the normalised probabilities into {@code p}. Distances are shifted by the
     * nearest one first (the normalised result is the same, and no exponential underflows to zero).
     */
    static void calibrate(double[] distances, int off, int k, double target, double[] p) {
        double beta = 1, lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        double nearest = distances[off];
        double scale = 0;
        for (int m = 0; m < k; m++) scale = Math.max(scale, distances[off + m] - nearest);
        if (scale > 0) beta = 1 / scale; // start near the right order of magnitude
        for (int iteration = 0; iteration < 200; iteration++) {
            double sum = Double.MIN_VALUE, weighted = 0;
            for (int m = 0; m < k; m++) {
                double dm = distances[off + m] - nearest;
                p[m] = Math.exp(-beta * dm);
                sum += p[m];
                weighted += dm * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int m = 0; m < k; m++) p[m] /= sum;
            double diff = entropy - target;
            if (Math.abs(diff) < TOLERANCE) return;
            if (diff > 0) { // too flat: narrow the Gaussian
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
    }

    private static Affinities symmetrise(Neighbours nb, double[] conditional, int n) {
        int k = nb.k();
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] += k;
            for (int m = 0; m < k; m++) counts[nb.indices()[i * k + m]]++;
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + counts[i];
        int[] cols = new int[start[n]];
        double[] vals = new double[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                int j = nb.indices()[i * k + m];
                double v = conditional[i * k + m];
                cols[fill[i]] = j;
                vals[fill[i]++] = v;
                cols[fill[j]] = i;
                vals[fill[j]++] = v;
            }
        }
        // Sort each row by column and merge the pairs found from both ends.
        int[] outStart = new int[n + 1];
        int[] outCols = new int[start[n]];
        double[] outVals = new double[start[n]];
        int w = 0;
        double total = 2.0 * n; // each conditional row sums to 1 and is counted twice
        for (int i = 0; i < n; i++) {
            outStart[i] = w;
            int from = start[i], to = start[i + 1];
            long[] keyed = new long[to - from];
            for (int e = from; e < to; e++) keyed[e - from] = ((long) cols[e] << 32) | (e - from);
            Arrays.sort(keyed);
            for (long key : keyed) {
                int c = (int) (key >>> 32);
                double v = vals[from + (int) (key & 0xffffffffL)];
                if (w > outStart[i] && outCols[w - 1] == c) {
                    outVals[w - 1] += v / total;
                } else {
                    outCols[w] = c;
                    outVals[w++] = v / total;
                }
            }
        }
        outStart[n] = w;
        return new Affinities(n, outStart, Arrays.copyOf(outCols, w), Arrays.copyOf(outVals, w));
    }

    /** The dense {@code [n x n]} matrix (for tests and the exact gradient on small cases). */
    public double[] dense() {
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) for (int e = rowStart[i]; e < rowStart[i + 1]; e++) p[i * n + columns[e]] = values[e];
        return p;
    }
}

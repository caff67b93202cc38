package digitlab.embed;

import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.Parallel;

/**
 * The exact {@code k} nearest neighbours of every point (Euclidean), for t-SNE's input affinities. Squared
 * distances come from one matrix product per block of rows, {@code |a|^2 + |b|^2 - 2 a.b}: {@code n^2 d}
 * multiply-adds on the lab's matrix kernels, then a bounded selection per row. Ties go to the lower index, so
 * the result is a function of the data alone.
 *
 * @param k         neighbours per point
 * @param indices   {@code [n x k]}: row {@code i} lists its neighbours, nearest first (never {@code i} itself)
 * @param distances {@code [n x k]}: the matching squared distances
 */
public record Neighbours(int k, int[] indices, double[] distances) {

    private static final int BLOCK = 256;

    /**
     * The {@code k} nearest neighbours of each row of {@code x} ({@code [n x d]}).
     *
     * @throws IllegalArgumentException when {@code k} is not between 1 and {@code n - 1}
     */
    public static Neighbours of(float[] x, int n, int d, int k, Kernels kernels, EmbedProgress progress) {
        if (k < 1 || k >= n) throw new IllegalArgumentException("neighbours: " + k + " of " + n + " points");
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += (double) x[i * d + j] * x[i * d + j];
            norms[i] = (float) s;
        }
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        float[] products = new float[Math.min(BLOCK, n) * n];
        for (int start = 0; start < n; start += BLOCK) {
            progress.checkCancelled();
            int rows = Math.min(BLOCK, n - start);
            final int first = start;
            // products[r][j] = x_(first+r) . x_j
            kernels.gemm(false, true, rows, n, d, x, first * d, d, x, 0, d, false, products, 0, n);
            Parallel.forRange(Runtime.getRuntime().availableProcessors(), 8, rows, (from, to) -> {
                for (int r = from; r < to; r++) select(first + r, products, r * n, norms, n, k, indices, distances);
            });
            progress.report("neighbours", (double) (start + rows) / n);
        }
        return new Neighbours(k, indices, distances);
    }

    /** Keeps the k smallest distances of row i in a max-heap, then writes them sorted. */
    private static void select(int i, float[] products, int off, float[] norms, int n, int k, int[] indices,
                               double[] distances) {
        double[] heapD = new double[k];
        int[] heapI = new int[k];
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) continue;
            double dist = Math.max(0, (double) norms[i] + norms[j] - 2.0 * products[off + j]);
            if (size < k) {
                heapD[size] = dist;
                heapI[size] = j;
                siftUp(heapD, heapI, size++);
            } else if (before(dist, j, heapD[0], heapI[0])) {
                heapD[0] = dist;
                heapI[0] = j;
                siftDown(heapD, heapI, size);
            }
        }
        // Pop the heap from the farthest: fill the row from its end.
        for (int m = size - 1; m >= 0; m--) {
            indices[i * k + m] = heapI[0];
            distances[i * k + m] = heapD[0];
            heapD[0] = heapD[m];
            heapI[0] = heapI[m];
            siftDown(heapD, heapI, m);
        }
    }

    /** True when (d1, i1) comes before (d2, i2): smaller distance, then smaller index. */
    private static boolean before(double d1, int i1, double d2, int i2) {
        return d1 < d2 || (d1 == d2 && i1 < i2);
    }

    private static void siftUp(double[] d, int[] idx, int c) {
        while (c > 0) {
            int parent = (c - 1) / 2;
            if (!before(d[parent], idx[parent], d[c], idx[c])) break;
            swap(d, idx, c, parent);
            c = parent;
        }
    }

    private static void siftDown(double[] d, int[] idx, int size) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1, r = l + 1, largest = c;
            if (l < size && before(d[largest], idx[largest], d[l], idx[l])) largest = l;
            if (r < size && before(d[largest], idx[largest], d[r], idx[r])) largest = r;
            if (largest == c) return;
            swap(d, idx, c, largest);
            c = largest;
        }
    }

    private static void swap(double[] d, int[] idx, int a, int b) {
        double t = d[a];
        d[a] = d[b];
        d[b] = t;
        int u = idx[a];
        idx[a] = idx[b];
        idx[b] = u;
    }
}

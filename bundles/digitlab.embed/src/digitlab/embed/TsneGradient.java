package digitlab.embed;

import digitlab.embed.internal.QuadTree;
import digitlab.nn.kernel.Parallel;

/**
 * The gradient of t-SNE's cost {@code C = KL(P || Q) = sum_ij p_ij log(p_ij / q_ij)} for a map {@code y}
 * ({@code [n x 2]}), with {@code q_ij = w_ij / Z}, {@code w_ij = 1 / (1 + |y_i - y_j|^2)}, {@code Z = sum_(k != l) w_kl}:
 * <pre>
 *   dC/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)
 *           = 4 (sum_j p_ij w_ij (y_i - y_j)  -  sum_j w_ij^2 (y_i - y_j) / Z)
 *                 attraction (sparse P)            repulsion (Barnes-Hut)
 * </pre>
 * The exact form costs {@code n^2} and is the reference for the fast one.
 */
public final class TsneGradient {

    /** Chunks of points for the parallel force loop; a constant, so sums never depend on the thread count. */
    static final int CHUNKS = 64;

    private TsneGradient() {
    }

    /** The cost {@code KL(P || Q)} for a dense {@code P} ({@code [n x n]}, symmetric, zero diagonal, sum 1). */
    public static double cost(double[] p, double[] y, int n) {
        double z = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) z += w(y, i, j);
        double c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double pij = p[i * n + j];
                if (i != j && pij > 0) c += pij * Math.log(pij / (w(y, i, j) / z));
            }
        }
        return c;
    }

    /** The exact gradient for a dense {@code P}; writes {@code [n x 2]} into {@code grad}. */
    public static void exact(double[] p, double[] y, int n, double[] grad) {
        double z = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) z += w(y, i, j);
        for (int i = 0; i < n; i++) {
            double gx = 0, gy = 0;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double wij = w(y, i, j);
                double f = (p[i * n + j] - wij / z) * wij;
                gx += f * (y[2 * i] - y[2 * j]);
                gy += f * (y[2 * i + 1] - y[2 * j + 1]);
            }
            grad[2 * i] = 4 * gx;
            grad[2 * i + 1] = 4 * gy;
        }
    }

    /**
     * The Barnes-Hut gradient for sparse affinities multiplied by {@code exaggeration}; writes {@code [n x 2]}
     * into {@code grad}. {@code tree} is rebuilt over {@code y} here.
     */
    public static void barnesHut(Affinities p, double exaggeration, double[] y, int n, double theta, QuadTree tree,
                                 int threads, double[] grad) {
        tree.build(y, n);
        // Per point: its attraction in grad, its repulsion in repulsion, its share of Z in zPerPoint. Z is summed
        // afterwards in index order, so the result does not depend on how chunks were spread over threads.
        double[] repulsion = new double[2 * n];
        double[] zPerPoint = new double[n];
        int[] rowStart = p.rowStart();
        int[] cols = p.columns();
        double[] vals = p.values();
        Parallel.forRange(threads, CHUNKS, n, (from, to) -> {
            double[] force = new double[2];
            for (int i = from; i < to; i++) {
                double ax = 0, ay = 0, yx = y[2 * i], yy = y[2 * i + 1];
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    int j = cols[e];
                    double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                    double f = vals[e] / (1 + dx * dx + dy * dy);
                    ax += f * dx;
                    ay += f * dy;
                }
                grad[2 * i] = exaggeration * ax;
                grad[2 * i + 1] = exaggeration * ay;
                force[0] = force[1] = 0;
                zPerPoint[i] = tree.repulsion(i, theta, force);
                repulsion[2 * i] = force[0];
                repulsion[2 * i + 1] = force[1];
            }
        });
        double z = 0;
        for (int i = 0; i < n; i++) z += zPerPoint[i];
        for (int k = 0; k < 2 * n; k++) grad[k] = 4 * (grad[k] - repulsion[k] / z);
    }

    private static double w(double[] y, int i, int j) {
        double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
        return 1 / (1 + dx * dx + dy * dy);
    }
}

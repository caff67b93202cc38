package digitlab.embed;

/** Eigenvalues and eigenvectors of small symmetric matrices by the cyclic Jacobi method. */
final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /**
     * Diagonalises the symmetric {@code [m x m]} matrix {@code a} (left unchanged): returns the eigenvalues and
     * writes the unit eigenvectors into the columns of {@code vectors} ({@code vectors[j][c]} is coordinate
     * {@code j} of eigenvector {@code c}). Each rotation zeroes one off-diagonal element; sweeps repeat until
     * the off-diagonal part is negligible against the diagonal.
     */
    static double[] jacobi(double[][] a, double[][] vectors) {
        int m = a.length;
        double[][] s = new double[m][];
        for (int i = 0; i < m; i++) s[i] = a[i].clone();
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < m; p++) {
                diag += s[p][p] * s[p][p];
                for (int q = p + 1; q < m; q++) off += s[p][q] * s[p][q];
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300) || off == 0) break;
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (s[p][q] == 0) continue;
                    rotate(s, vectors, p, q);
                }
            }
        }
        double[] values = new double[m];
        for (int i = 0; i < m; i++) values[i] = s[i][i];
        return values;
    }

    /** One Jacobi rotation in the (p, q) plane that zeroes {@code s[p][q]}. */
    private static void rotate(double[][] s, double[][] v, int p, int q) {
        int m = s.length;
        double theta = (s[q][q] - s[p][p]) / (2 * s[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
        for (int k = 0; k < m; k++) {
            double skp = s[k][p], skq = s[k][q];
            s[k][p] = c * skp - sn * skq;
            s[k][q] = sn * skp + c * skq;
        }
        for (int k = 0; k < m; k++) {
            double spk = s[p][k], sqk = s[q][k];
            s[p][k] = c * spk - sn * sqk;
            s[q][k] = sn * spk + c * sqk;
        }
        for (int k = 0; k < m; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - sn * vkq;
            v[k][q] = sn * vkp + c * vkq;
        }
    }

    /** The indices of {@code values} from the largest to the smallest (ties by index). */
    static int[] descending(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }
}

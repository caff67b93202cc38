package digitlab.embed.internal;

import java.util.Arrays;

/**
 * A quadtree over 2-D points for the Barnes-Hut approximation of t-SNE's repulsive forces. Each cell keeps
 * the number of points under it and their centre of mass; a leaf holds one point, or several when they
 * coincide (or the tree reached {@link #MAX_DEPTH}). Arrays, not objects: a tree is rebuilt every iteration,
 * and the arrays are reused.
 */
public final class QuadTree {

    /** Deeper cells are never split: points closer than range / 2^50 share a leaf. */
    static final int MAX_DEPTH = 50;

    private int nodes;
    private double[] centreX = new double[0], centreY = new double[0], halfWidth = new double[0];
    private double[] massX = new double[0], massY = new double[0];
    private int[] count = new int[0], firstChild = new int[0], firstPoint = new int[0], depth = new int[0];
    /** The next point in the same leaf, or -1. */
    private int[] nextPoint = new int[0];
    private double[] y;

    /** Builds the tree over the {@code n} points of {@code y} ({@code [n x 2]}); keeps a reference to {@code y}. */
    public void build(double[] y, int n) {
        this.y = y;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        if (nextPoint.length < n) nextPoint = new int[n];
        nodes = 0;
        double half = Math.max(maxX - minX, maxY - minY) / 2;
        half = half * (1 + 1e-9) + 1e-12; // every point strictly inside
        newNode((minX + maxX) / 2, (minY + maxY) / 2, half, 0);
        for (int i = 0; i < n; i++) insert(i);
        for (int c = 0; c < nodes; c++) {
            massX[c] /= count[c];
            massY[c] /= count[c];
        }
    }

    private int newNode(double cx, double cy, double hw, int d) {
        if (nodes == count.length) grow();
        int c = nodes++;
        centreX[c] = cx;
        centreY[c] = cy;
        halfWidth[c] = hw;
        depth[c] = d;
        massX[c] = massY[c] = 0;
        count[c] = 0;
        firstChild[c] = -1;
        firstPoint[c] = -1;
        return c;
    }

    private void grow() {
        int size = Math.max(64, count.length * 2);
        centreX = Arrays.copyOf(centreX, size);
        centreY = Arrays.copyOf(centreY, size);
        halfWidth = Arrays.copyOf(halfWidth, size);
        massX = Arrays.copyOf(massX, size);
        massY = Arrays.copyOf(massY, size);
        count = Arrays.copyOf(count, size);
        firstChild = Arrays.copyOf(firstChild, size);
        firstPoint = Arrays.copyOf(firstPoint, size);
        depth = Arrays.copyOf(depth, size);
    }

    private void insert(int i) {
        double px = y[2 * i], py = y[2 * i + 1];
        int c = 0;
        while (true) {
            count[c]++;
            massX[c] += px;
            massY[c] += py;
            if (firstChild[c] >= 0) {
                c = firstChild[c] + quadrant(c, px, py);
                continue;
            }
            int resident = firstPoint[c];
            if (resident < 0) { // an empty leaf
                firstPoint[c] = i;
                nextPoint[i] = -1;
                return;
            }
            boolean same = y[2 * resident] == px && y[2 * resident + 1] == py;
            if (same || depth[c] >= MAX_DEPTH) { // share the leaf
                nextPoint[i] = firstPoint[c];
                firstPoint[c] = i;
                return;
            }
            split(c);
            // The residents (one point, or several at the same place) move into one child; the loop then
            // carries i down from c's child level.
            int child = firstChild[c] + quadrant(c, y[2 * resident], y[2 * resident + 1]);
            int residents = count[c] - 1;
            count[child] = residents;
            massX[child] = residents * y[2 * resident];
            massY[child] = residents * y[2 * resident + 1];
            firstPoint[child] = resident;
            firstPoint[c] = -1;
            c = firstChild[c] + quadrant(c, px, py);
        }
    }

    private void split(int c) {
        double h = halfWidth[c] / 2;
        int d = depth[c] + 1;
        double cx = centreX[c], cy = centreY[c];
        int first = newNode(cx - h, cy - h, h, d);
        newNode(cx + h, cy - h, h, d);
        newNode(cx - h, cy + h, h, d);
        newNode(cx + h, cy + h, h, d);
        firstChild[c] = first;
    }

    private int quadrant(int c, double px, double py) {
        return (px >= centreX[c] ? 1 : 0) + (py >= centreY[c] ? 2 : 0);
    }

    /**
     * The repulsive sums for point {@code i}: adds {@code sum_j w_ij^2 (y_i - y_j)} into {@code force[0..1]} and
     * returns {@code sum_j w_ij} with {@code w_ij = 1 / (1 + |y_i - y_j|^2)}, over all {@code j != i}. A cell
     * that does not contain {@code y_i} and whose half-width is below {@code theta} times its distance from
     * {@code y_i} stands for all its points at their centre of mass (the criterion of van der Maaten's
     * bhtsne); {@code theta = 0} gives the exact sums.
     */
    public double repulsion(int i, double theta, double[] force) {
        double px = y[2 * i], py = y[2 * i + 1];
        double theta2 = theta * theta;
        double z = 0, fx = 0, fy = 0;
        int[] stack = new int[4 * MAX_DEPTH + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int c = stack[--top];
            if (count[c] == 0) continue;
            if (firstChild[c] < 0) {
                for (int j = firstPoint[c]; j >= 0; j = nextPoint[j]) {
                    if (j == i) continue;
                    double dx = px - y[2 * j], dy = py - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    z += w;
                    fx += w * w * dx;
                    fy += w * w * dy;
                }
                continue;
            }
            double dx = px - massX[c], dy = py - massY[c];
            double d2 = dx * dx + dy * dy;
            double h = halfWidth[c];
            boolean inside = Math.abs(px - centreX[c]) <= h && Math.abs(py - centreY[c]) <= h;
            if (!inside && h * h < theta2 * d2) {
                double w = 1 / (1 + d2);
                double m = count[c] * w;
                z += m;
                fx += m * w * dx;
                fy += m * w * dy;
            } else {
                int first = firstChild[c];
                for (int q = 0; q < 4; q++) stack[top++] = first + q;
            }
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }
}

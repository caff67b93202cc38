package digitlab.ui.internal.weights;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;

import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.heatmap.TileAtlas;
import digitlab.ui.internal.heatmap.ValueRange;

/**
 * A rendered weight picture, made off the UI thread: either a grid of neuron tiles (a layer whose
 * inputs form a square image, e.g. 784 = 28x28: each neuron's incoming weights as a little image)
 * or the whole weight matrix as one heatmap (rows = neurons, columns = inputs).
 *
 * @param matrix  the weights shown
 * @param tiles   true for the neuron grid, false for the matrix
 * @param atlas   the geometry (for the matrix: one tile of {@code cols x rows})
 * @param data    the 8-bit indexed picture through {@link ColorMap#DIVERGING}
 * @param ranges  the colour scale of each tile (one shared entry, or one per neuron)
 * @param shared  true when all neurons share one scale
 * @param zoom    screen pixels per weight
 */
public record WeightPicture(WeightLayers.Matrix matrix, boolean tiles, TileAtlas atlas, ImageData data,
                            ValueRange[] ranges, boolean shared, int zoom) {

    /** The side of a square input image, or 0 when {@code n} is not a square. */
    public static int imageSide(int n) {
        int s = (int) Math.round(Math.sqrt(n));
        return s * s == n && s > 1 ? s : 0;
    }

    /**
     * Renders {@code m} to fit about {@code width x height} pixels.
     *
     * @param shared one colour scale for all neurons (true) or one per neuron (false)
     */
    public static WeightPicture render(WeightLayers.Matrix m, boolean shared, int width, int height) {
        int side = imageSide(m.cols());
        if (side > 0) return renderTiles(m, side, shared, width, height);
        return renderMatrix(m, width, height);
    }

    private static WeightPicture renderTiles(WeightLayers.Matrix m, int side, boolean shared, int width, int height) {
        // small kernels (a convolution's 5x5) need a wider gap, or their grid reads as one matrix
        int gap = side <= 7 ? 8 : 2;
        int n = m.rows();
        // the largest zoom at which the whole grid fits; 1 (and scrolling) when none does
        int zoom = 1;
        for (int z = 12; z >= 1; z--) {
            int cols = Math.max(1, (width - gap) / (side * z + gap));
            int rows = (n + cols - 1) / cols;
            if (rows * (side * z + gap) + gap <= height || z == 1) {
                zoom = z;
                break;
            }
        }
        int cols = Math.max(1, Math.min(n, (width - gap) / (side * zoom + gap)));
        TileAtlas atlas = new TileAtlas(n, cols, side, side, zoom, gap);
        ValueRange[] ranges;
        if (shared) {
            ranges = new ValueRange[] {ValueRange.symmetric(m.weight(), 0, m.weight().length)};
        } else {
            ranges = new ValueRange[n];
            for (int j = 0; j < n; j++) ranges[j] = ValueRange.symmetric(m.weight(), j * m.cols(), (j + 1) * m.cols());
        }
        ImageData data = atlas.paint(m.weight(), ranges, ColorMap.DIVERGING, ColorMap.SIZE / 2);
        return new WeightPicture(m, true, atlas, data, ranges, shared, zoom);
    }

    private static WeightPicture renderMatrix(WeightLayers.Matrix m, int width, int height) {
        // one pixel per weight, without a margin: the view stretches it to its size ({@link MatrixLayout})
        int zoom = 1;
        TileAtlas atlas = new TileAtlas(1, 1, m.cols(), m.rows(), zoom, 0);
        ValueRange[] ranges = {ValueRange.symmetric(m.weight(), 0, m.weight().length)};
        ImageData data = atlas.paint(m.weight(), ranges, ColorMap.DIVERGING, ColorMap.SIZE / 2);
        return new WeightPicture(m, false, atlas, data, ranges, true, zoom);
    }

    /** The colour scale of neuron {@code j}. */
    public ValueRange range(int j) {
        return ranges[Math.min(j, ranges.length - 1)];
    }

    /** The neuron's statistics. */
    public NeuronStats stats(int j) {
        return NeuronStats.of(matrix.weight(), j * matrix.cols(), matrix.cols(), matrix.biasOf(j));
    }

    /** For the matrix picture: the (row, column) under pixel (x, y), or null. */
    public Point cellAt(int x, int y) {
        Point o = atlas.origin(0);
        int c = (x - o.x) / zoom;
        int r = (y - o.y) / zoom;
        if (x < o.x || y < o.y || c >= matrix.cols() || r >= matrix.rows()) return null;
        return new Point(c, r);
    }
}

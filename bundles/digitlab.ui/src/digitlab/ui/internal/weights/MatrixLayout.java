package digitlab.ui.internal.weights;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * A weight matrix drawn to fill its area: one row per neuron, one column per input, cells as wide and as
 * tall as the area allows (a 10x128 output layer fills the view instead of a 640x50 strip), with the
 * neurons named at the left: the class labels for the output layer ("0" to "9"), else their numbers.
 *
 * @param x0     left edge of the cells
 * @param y0     top edge of the cells
 * @param cellW  cell width in pixels
 * @param cellH  cell height in pixels
 * @param rows   neurons
 * @param cols   inputs
 */
record MatrixLayout(int x0, int y0, int cellW, int cellH, int rows, int cols) {

    /** The most pixels a cell is tall: beyond it the rows would look like bars. */
    static final int MAX_CELL_HEIGHT = 40;

    /** The layout of a {@code rows x cols} matrix in {@code width x height} pixels. */
    static MatrixLayout of(GC gc, int rows, int cols, int width, int height) {
        int text = gc.getFontMetrics().getHeight();
        int label = gc.textExtent("neuron 000").x + 8;
        int top = text + 6;
        int cellW = Math.max(1, (width - label - 6) / cols);
        int cellH = Math.max(1, Math.min(MAX_CELL_HEIGHT, (height - top - 6) / rows));
        return new MatrixLayout(label, top, cellW, cellH, rows, cols);
    }

    /** The size the drawing takes. */
    Point size() {
        return new Point(x0 + cols * cellW + 6, y0 + rows * cellH + 6);
    }

    /** The (input, neuron) cell under pixel (x, y), or null. */
    Point cellAt(int x, int y) {
        if (x < x0 || y < y0) return null;
        int c = (x - x0) / cellW;
        int r = (y - y0) / cellH;
        return c < cols && r < rows ? new Point(c, r) : null;
    }

    /**
     * Draws {@code image} (one pixel per weight) stretched over the cells, the neurons' names at the left
     * (every k-th when the rows are lower than the text) and what the columns are above.
     *
     * @param labels the neurons' names, or null to number them
     */
    void paint(GC gc, Image image, List<String> labels) {
        gc.setInterpolation(SWT.NONE);
        gc.drawImage(image, 0, 0, cols, rows, x0, y0, cols * cellW, rows * cellH);
        int text = gc.getFontMetrics().getHeight();
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawString("neuron \u2193   input \u2192 (" + cols + " inputs from the layer before)", 2, 2, true);
        int every = Math.max(1, (int) Math.ceil((text + 1.0) / cellH));
        for (int r = 0; r < rows; r += every) {
            String l = labels != null && r < labels.size() ? labels.get(r) : Integer.toString(r);
            gc.drawString(l, x0 - gc.textExtent(l).x - 6, y0 + r * cellH + Math.max(0, (cellH - text) / 2), true);
        }
    }
}

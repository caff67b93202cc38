package digitlab.ui.internal.confusion;

import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import digitlab.ui.internal.heatmap.ColorMap;

/**
 * The confusion matrix as a heatmap: rows are true classes, columns predicted classes; each cell
 * shows its count, coloured by the count's share of its row (so every class's row reads the same
 * way, however many samples it has). Recall per row at the right margin, precision per column at
 * the bottom. A click selects a cell and reports it.
 *
 * <p>The cell colours go through the 256-entry {@link ColorMap#SEQUENTIAL} table into one
 * {@code n x n} indexed image, stretched without interpolation.
 */
final class MatrixCanvas extends Canvas {

    private ConfusionData data;
    private int[][] matrix;
    private Image cells;
    private int selRow = -1;
    private int selCol = -1;
    private BiConsumer<Integer, Integer> onSelect = (r, c) -> { };
    private final Color selection;

    MatrixCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        selection = new Color(0xD9, 0x5F, 0x02);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseDown, this::click);
        addListener(SWT.Resize, e -> redraw());
        addDisposeListener(e -> {
            disposeCells();
            selection.dispose();
        });
    }

    void setData(ConfusionData d) {
        disposeCells();
        data = d;
        matrix = d == null ? null : d.matrix();
        selRow = -1;
        selCol = -1;
        if (d != null) {
            int n = matrix.length;
            ImageData img = new ImageData(n, n, 8, ColorMap.SEQUENTIAL.palette());
            for (int r = 0; r < n; r++) {
                int sum = 0;
                for (int v : matrix[r]) sum += v;
                for (int c = 0; c < n; c++) {
                    img.setPixel(c, r, ColorMap.index(sum == 0 ? 0 : (double) matrix[r][c] / sum, 0, 1));
                }
            }
            cells = new Image(getDisplay(), img);
        }
        redraw();
    }

    void setSelectionListener(BiConsumer<Integer, Integer> l) {
        onSelect = l;
    }

    /** Selects cell (row, col) and reports it, as a click would. */
    void select(int row, int col) {
        selRow = row;
        selCol = col;
        redraw();
        onSelect.accept(row, col);
    }

    int selectedRow() {
        return selRow;
    }

    int selectedColumn() {
        return selCol;
    }

    /** The matrix's geometry for the current size: x, y of the cells' corner and the cell size. */
    private int[] geometry(GC gc) {
        Rectangle a = getClientArea();
        int n = matrix.length;
        int text = gc.getFontMetrics().getHeight();
        int left = gc.textExtent("true 00 ").x + 4;
        int top = text * 2 + 6;
        int right = gc.textExtent("recall 100.0%").x + 8;
        int bottom = text * 2 + 8;
        int cell = Math.max(12, Math.min((a.width - left - right) / n, (a.height - top - bottom) / n));
        return new int[] {left, top, cell};
    }

    /** The cell (row, col) under pixel (x, y), or null. */
    Point cellAt(int x, int y) {
        if (matrix == null) return null;
        GC gc = new GC(this);
        int[] g;
        try {
            g = geometry(gc);
        } finally {
            gc.dispose();
        }
        int c = Math.floorDiv(x - g[0], g[2]);
        int r = Math.floorDiv(y - g[1], g[2]);
        return r >= 0 && c >= 0 && r < matrix.length && c < matrix.length ? new Point(r, c) : null;
    }

    /** The centre of cell (row, col) in widget pixels (for tests that click it). */
    Point cellCentre(int row, int col) {
        GC gc = new GC(this);
        try {
            int[] g = geometry(gc);
            return new Point(g[0] + col * g[2] + g[2] / 2, g[1] + row * g[2] + g[2] / 2);
        } finally {
            gc.dispose();
        }
    }

    private void click(Event e) {
        Point p = cellAt(e.x, e.y);
        if (p != null) select(p.x, p.y);
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        if (matrix == null) return;
        int n = matrix.length;
        int[] g = geometry(gc);
        int x0 = g[0];
        int y0 = g[1];
        int cell = g[2];
        int text = gc.getFontMetrics().getHeight();
        gc.setInterpolation(SWT.NONE);
        gc.drawImage(cells, 0, 0, n, n, x0, y0, n * cell, n * cell);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        String predicted = "predicted";
        gc.drawString(predicted, x0 + (n * cell - gc.textExtent(predicted).x) / 2, 0, true);
        for (int c = 0; c < n; c++) {
            String l = data.labels().get(c);
            gc.drawString(l, x0 + c * cell + (cell - gc.textExtent(l).x) / 2, text + 2, true);
        }
        gc.drawString("true", 2, y0 - text - 2, true);
        for (int r = 0; r < n; r++) {
            String l = data.labels().get(r);
            gc.drawString(l, x0 - gc.textExtent(l).x - 6, y0 + r * cell + (cell - text) / 2, true);
        }
        for (int r = 0; r < n; r++) {
            int sum = 0;
            for (int v : matrix[r]) sum += v;
            for (int c = 0; c < n; c++) {
                String s = Integer.toString(matrix[r][c]);
                int idx = ColorMap.index(sum == 0 ? 0 : (double) matrix[r][c] / sum, 0, 1);
                gc.setForeground(getDisplay().getSystemColor(ColorMap.SEQUENTIAL.isDark(idx) ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
                Point ext = gc.textExtent(s);
                if (ext.x <= cell + 2) gc.drawString(s, x0 + c * cell + (cell - ext.x) / 2, y0 + r * cell + (cell - ext.y) / 2, true);
            }
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        int right = x0 + n * cell + 6;
        gc.drawString("recall", right, y0 - text - 2, true);
        for (int r = 0; r < n; r++) {
            gc.drawString(pct(data.recall(r)), right, y0 + r * cell + (cell - text) / 2, true);
        }
        int bottom = y0 + n * cell + 4;
        gc.drawString("precision", 2, bottom, true);
        for (int c = 0; c < n; c++) {
            String s = pct(data.precision(c));
            String shortS = s.replace(" %", "");
            String use = gc.textExtent(s).x < cell ? s : shortS;
            gc.drawString(use, x0 + c * cell + (cell - gc.textExtent(use).x) / 2, bottom + (c % 2 == 1 && gc.textExtent(use).x >= cell ? text : 0), true);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(x0 - 1, y0 - 1, n * cell + 1, n * cell + 1);
        if (selRow >= 0) {
            gc.setForeground(selection);
            gc.setLineWidth(3);
            gc.drawRectangle(x0 + selCol * cell, y0 + selRow * cell, cell, cell);
            gc.setLineWidth(1);
        }
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format("%.1f %%", 100 * v);
    }

    private void disposeCells() {
        if (cells != null) {
            cells.dispose();
            cells = null;
        }
    }
}

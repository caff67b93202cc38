package digitlab.ui.internal.confusion;

import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import digitlab.ui.internal.heatmap.ColorMap;

/**
 * The confusion matrix as a heatmap: rows are true classes, columns predicted classes. Diagonal cells
 * (right answers) are blue by their share of the row; mistakes are orange to red by their count against
 * the largest mistake, on a square-root scale, so that 10 or 11 confusions of one pair stand out even
 * beside rows of a thousand. Each cell prints its count when it fits in the cell, and always tells it on
 * hover. Recall per row at the right margin, precision per column below, in the same grid. A click
 * selects a cell and reports it.
 */
final class MatrixCanvas extends Canvas {

    /** Mistakes: white through orange to dark red. */
    static final ColorMap MISTAKES = ColorMap.interpolate(new int[] {0xFFFFFF, 0xFDD0A2, 0xFD8D3C, 0xD94801, 0x7F2704});
    private static final int GAP = 6;

    private ConfusionData data;
    private int[][] matrix;
    private int maxMistake;
    private int selRow = -1;
    private int selCol = -1;
    private BiConsumer<Integer, Integer> onSelect = (r, c) -> { };
    private final Color selection;

    MatrixCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        selection = new Color(0x20, 0x20, 0x20);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseDown, this::click);
        addListener(SWT.MouseHover, this::hover);
        addListener(SWT.MouseMove, e -> setToolTipText(null));
        addListener(SWT.Resize, e -> redraw());
        addDisposeListener(e -> selection.dispose());
    }

    void setData(ConfusionData d) {
        data = d;
        matrix = d == null ? null : d.matrix();
        selRow = -1;
        selCol = -1;
        maxMistake = 0;
        if (matrix != null) {
            for (int r = 0; r < matrix.length; r++) for (int c = 0; c < matrix.length; c++) {
                if (r != c) maxMistake = Math.max(maxMistake, matrix[r][c]);
            }
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

    /** The layout for the current size: corner of the cells, the cell size, the text height. */
    private record Geometry(int x0, int y0, int cell, int text) {
    }

    private Geometry geometry(GC gc) {
        Rectangle a = getClientArea();
        int n = matrix.length;
        int text = gc.getFontMetrics().getHeight();
        int left = Math.max(gc.textExtent("precision").x, gc.textExtent("true 00").x) + GAP + 2;
        int top = text * 2 + GAP;
        int right = gc.textExtent("recall 100.0 %").x + GAP + 4;
        int bottom = text + GAP + 2;
        int cell = Math.max(8, Math.min((a.width - left - right) / n, (a.height - top - bottom) / n));
        int x0 = left + Math.max(0, (a.width - left - right - n * cell) / 2);
        return new Geometry(x0, top, cell, text);
    }

    private Geometry geometry() {
        GC gc = new GC(this);
        try {
            return geometry(gc);
        } finally {
            gc.dispose();
        }
    }

    /** The cell (row, col) under pixel (x, y), or null. */
    Point cellAt(int x, int y) {
        if (matrix == null) return null;
        Geometry g = geometry();
        int c = Math.floorDiv(x - g.x0, g.cell);
        int r = Math.floorDiv(y - g.y0, g.cell);
        return r >= 0 && c >= 0 && r < matrix.length && c < matrix.length ? new Point(r, c) : null;
    }

    /** The centre of cell (row, col) in widget pixels (for tests that click it). */
    Point cellCentre(int row, int col) {
        Geometry g = geometry();
        return new Point(g.x0 + col * g.cell + g.cell / 2, g.y0 + row * g.cell + g.cell / 2);
    }

    /** The size of one cell in pixels at the current size (for tests). */
    int cellSize() {
        return geometry().cell;
    }

    /** The text printed in cell (row, col) at the current size, or null when the count does not fit there. */
    String cellText(int row, int col) {
        GC gc = new GC(this);
        try {
            return fitting(gc, Integer.toString(matrix[row][col]), geometry(gc).cell);
        } finally {
            gc.dispose();
        }
    }

    /** What hovering cell (row, col) says: the count and what it means. */
    String cellTip(int row, int col) {
        int count = matrix[row][col];
        int sum = 0;
        for (int v : matrix[row]) sum += v;
        String t = data.labels().get(row);
        String p = data.labels().get(col);
        String share = sum == 0 ? "" : String.format(" (%.1f %% of the %,d %s)", 100.0 * count / sum, sum, t);
        return (row == col ? String.format("%,d images of %s recognised", count, t)
                : String.format("%,d images of %s taken for %s", count, t, p)) + share + "\nClick to see them";
    }

    private static String fitting(GC gc, String s, int cell) {
        return gc.textExtent(s).x <= cell - 2 ? s : null;
    }

    private void click(Event e) {
        Point p = cellAt(e.x, e.y);
        if (p != null) select(p.x, p.y);
    }

    private void hover(Event e) {
        Point p = cellAt(e.x, e.y);
        setToolTipText(p != null ? cellTip(p.x, p.y) : marginTip(e.x, e.y));
    }

    /** Below a column its precision, right of a row its recall, in words (the margins may be too narrow to print). */
    private String marginTip(int x, int y) {
        if (matrix == null) return null;
        Geometry g = geometry();
        int n = matrix.length;
        int c = Math.floorDiv(x - g.x0, g.cell);
        int r = Math.floorDiv(y - g.y0, g.cell);
        if (y >= g.y0 + n * g.cell && y < g.y0 + n * g.cell + g.text + 6 && c >= 0 && c < n) {
            return String.format("precision of %s: %s of the images taken for %s are %s", data.labels().get(c),
                    pct(data.precision(c), true), data.labels().get(c), data.labels().get(c));
        }
        if (x >= g.x0 + n * g.cell && r >= 0 && r < n) {
            return String.format("recall of %s: %s of the %s images are recognised", data.labels().get(r),
                    pct(data.recall(r), true), data.labels().get(r));
        }
        return null;
    }

    /** The colour of cell (row, col): blue by the row's share on the diagonal, orange-red by count elsewhere. */
    private RGB colour(int row, int col, int rowSum) {
        int v = matrix[row][col];
        if (row == col) return ColorMap.SEQUENTIAL.rgb(rowSum == 0 ? 0 : (double) v / rowSum, 0, 1);
        if (v == 0 || maxMistake == 0) return ColorMap.SEQUENTIAL.rgb(0);
        return MISTAKES.rgb(0.15 + 0.85 * Math.sqrt((double) v / maxMistake), 0, 1);
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        if (matrix == null) return;
        int n = matrix.length;
        Geometry g = geometry(gc);
        Color fg = getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        gc.setForeground(fg);
        String predicted = "predicted";
        gc.drawString(predicted, g.x0 + (n * g.cell - gc.textExtent(predicted).x) / 2, 0, true);
        for (int c = 0; c < n; c++) centred(gc, data.labels().get(c), g.x0 + c * g.cell, g.text + 2, g.cell);
        gc.drawString("true", g.x0 - gc.textExtent("true").x - GAP, g.y0 - g.text - 2, true);
        for (int r = 0; r < n; r++) {
            String l = data.labels().get(r);
            gc.drawString(l, g.x0 - gc.textExtent(l).x - GAP, g.y0 + r * g.cell + (g.cell - g.text) / 2, true);
        }
        for (int r = 0; r < n; r++) {
            int sum = 0;
            for (int v : matrix[r]) sum += v;
            for (int c = 0; c < n; c++) {
                RGB rgb = colour(r, c, sum);
                Color bg = new Color(rgb);
                gc.setBackground(bg);
                gc.fillRectangle(g.x0 + c * g.cell, g.y0 + r * g.cell, g.cell, g.cell);
                bg.dispose();
                String s = fitting(gc, Integer.toString(matrix[r][c]), g.cell);
                if (s == null) continue;
                boolean dark = 0.299 * rgb.red + 0.587 * rgb.green + 0.114 * rgb.blue < 140;
                gc.setForeground(getDisplay().getSystemColor(dark ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
                Point ext = gc.textExtent(s);
                gc.drawString(s, g.x0 + c * g.cell + (g.cell - ext.x) / 2, g.y0 + r * g.cell + (g.cell - ext.y) / 2, true);
            }
        }
        gc.setForeground(fg);
        int right = g.x0 + n * g.cell + GAP;
        gc.drawString("recall", right, g.y0 - g.text - 2, true);
        for (int r = 0; r < n; r++) gc.drawString(pct(data.recall(r), true), right, g.y0 + r * g.cell + (g.cell - g.text) / 2, true);
        int bottom = g.y0 + n * g.cell + 3;
        gc.drawString("precision", g.x0 - gc.textExtent("precision").x - GAP, bottom, true);
        for (int c = 0; c < n; c++) {
            // "99.1 %", else "99.1", else "99": one line, inside its column
            double p = data.precision(c);
            String s = fitting(gc, pct(p, true), g.cell);
            if (s == null) s = fitting(gc, pct(p, false), g.cell);
            // whole percents rounded down: 99.7 % shows as 99 (rounded it would be a 100 that does not fit, and
            // claims too much); the exact figure is on hover
            if (s == null) s = fitting(gc, Double.isNaN(p) ? "\u2013" : Integer.toString((int) Math.floor(100 * p)), g.cell);
            if (s != null) centred(gc, s, g.x0 + c * g.cell, bottom, g.cell);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(g.x0 - 1, g.y0 - 1, n * g.cell + 1, n * g.cell + 1);
        if (selRow >= 0) {
            gc.setForeground(selection);
            gc.setLineWidth(2);
            gc.drawRectangle(g.x0 + selCol * g.cell + 1, g.y0 + selRow * g.cell + 1, g.cell - 2, g.cell - 2);
            gc.setLineWidth(1);
        }
    }

    private static void centred(GC gc, String s, int x, int y, int width) {
        gc.drawString(s, x + (width - gc.textExtent(s).x) / 2, y, true);
    }

    private static String pct(double v, boolean unit) {
        return Double.isNaN(v) ? "\u2013" : String.format(unit ? "%.1f %%" : "%.1f", 100 * v);
    }
}

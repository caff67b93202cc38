package digitlab.ui.internal.canvas;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import digitlab.nn.Shape;
import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.heatmap.TileAtlas;
import digitlab.ui.internal.heatmap.ValueRange;

/**
 * The neurons of one hidden layer as a grid of cells, each coloured by its activation for the
 * drawn digit (white = silent, deep blue = the layer's strongest). Hovering a cell names the
 * neuron, its value and its rank. The cell size is set by the view, to fill its height. A convolutional
 * layer's output (channels x height x width) is shown as its feature maps instead: one small picture per
 * channel on the layer's shared scale, each map about as wide as four cells (a 28x28 map is 56 pixels across
 * at the usual cell of 14, a 10x10 map 50).
 */
final class ActivityPanel extends Canvas {

    /** The smallest and largest cell side in pixels; the view picks the largest at which all layers fit. */
    static final int MIN_CELL = 6, MAX_CELL = 40;

    private final String title;
    private final Shape shape;
    private float[] values = new float[0];
    private TileAtlas atlas;
    private Image image;
    private int columns = 1;
    private int cell = 14;

    ActivityPanel(Composite parent, String title, Shape shape) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.title = title;
        this.shape = shape;
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseHover, this::hover);
        addListener(SWT.MouseMove, e -> setToolTipText(null));
        addListener(SWT.Resize, e -> {
            int c = columnsFor(getClientArea().width);
            if (c != columns) rebuild();
        });
        addDisposeListener(e -> disposeImage());
    }

    /** Shows {@code activations} (null: none). */
    void setValues(float[] activations) {
        values = activations == null ? new float[0] : activations.clone();
        rebuild();
    }

    float[] values() {
        return values.clone();
    }

    /** Sets the cell side (the view fits all layers into its height with it). */
    void setCell(int side) {
        int c = Math.max(MIN_CELL, Math.min(MAX_CELL, side));
        if (c == cell) return;
        cell = c;
        rebuild();
    }

    /**
     * The height this panel needs at {@code width} with cells of {@code side} pixels: {@code neurons} cells, or
     * for a convolutional layer its feature maps.
     */
    int heightFor(int neurons, int width, int side, int header) {
        if (!shape.isVector()) {
            int zoom = mapZoom(side);
            int cols = Math.max(1, Math.min(shape.channels(), (width - 2) / (shape.width() * zoom + MAP_GAP)));
            int rows = (shape.channels() + cols - 1) / cols;
            return header + rows * (shape.height() * zoom + MAP_GAP) + 3;
        }
        int cols = Math.max(1, Math.min(Math.max(1, neurons), (width - 2) / (side + 1)));
        int rows = Math.max(1, (neurons + cols - 1) / cols);
        return header + rows * (side + 1) + 3;
    }

    /** Gap between feature maps in pixels. */
    private static final int MAP_GAP = 4;

    /** Screen pixels per value of a feature map: a map spans about four cells. */
    private int mapZoom(int side) {
        return Math.max(1, Math.round(side * 4f / Math.max(shape.height(), shape.width())));
    }

    private boolean maps() {
        return !shape.isVector() && values.length == shape.size();
    }

    /** The header's height in pixels. */
    int headerHeight() {
        GC gc = new GC(this);
        try {
            return headerHeight(gc);
        } finally {
            gc.dispose();
        }
    }

    /** The number of neurons shown (0 before the first guess). */
    int neurons() {
        return values.length;
    }

    private int columnsFor(int width) {
        if (maps()) return Math.max(1, Math.min(shape.channels(), (width - 2) / (shape.width() * mapZoom(cell) + MAP_GAP)));
        return Math.max(1, Math.min(values.length == 0 ? 1 : values.length, (width - 2) / (cell + 1)));
    }

    private void rebuild() {
        disposeImage();
        columns = columnsFor(Math.max(cell * 8, getClientArea().width));
        atlas = maps() ? new TileAtlas(shape.channels(), columns, shape.width(), shape.height(), mapZoom(cell), MAP_GAP)
                : new TileAtlas(values.length, columns, 1, 1, cell, 1);
        if (values.length > 0) {
            image = new Image(getDisplay(), atlas.paint(values, new ValueRange[] {ValueRange.upTo(values)},
                    ColorMap.SEQUENTIAL, 0));
        }
        getParent().layout(true);
        redraw();
    }

    private int headerHeight(GC gc) {
        return gc.getFontMetrics().getHeight() + 4;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int width = wHint == SWT.DEFAULT ? 300 : wHint;
        return new Point(width, heightFor(values.length, width, cell, headerHeight()));
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        int active = 0;
        for (float v : values) if (v > 1e-3f) active++;
        String header = maps()
                ? title + " \u2014 " + shape.channels() + " feature maps of " + shape.height() + "\u00d7" + shape.width()
                        + ", " + active + " of " + values.length + " values active"
                : title + " \u2014 " + values.length + " neurons, " + active + " active";
        if (gc.textExtent(header).x + 4 > a.width) {
            // the short form for a narrow view (e.g. at 1366x768) rather than a header cut at the edge
            header = maps()
                    ? title + " — " + shape.channels() + " maps " + shape.height() + "×" + shape.width()
                            + ", " + active + "/" + values.length + " active"
                    : title + " — " + active + "/" + values.length + " active";
        }
        gc.drawString(header, 2, 0, true);
        int top = headerHeight(gc);
        if (image != null) gc.drawImage(image, 0, top);
        if (image != null && maps()) {
            // a frame around each feature map: a silent map is as white as the gaps between them
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            int w = shape.width() * mapZoom(cell), h = shape.height() * mapZoom(cell);
            for (int t = 0; t < shape.channels(); t++) {
                Point o = atlas.origin(t);
                gc.drawRectangle(o.x - 1, top + o.y - 1, w + 1, h + 1);
            }
        }
    }

    private void hover(Event e) {
        if (atlas == null || values.length == 0) return;
        GC gc = new GC(this);
        int header;
        try {
            header = headerHeight(gc);
        } finally {
            gc.dispose();
        }
        int t = atlas.tileAt(e.x, e.y - header);
        if (t < 0) return;
        if (maps()) {
            Point o = atlas.origin(t);
            int zoom = mapZoom(cell);
            int x = (e.x - o.x) / zoom, y = (e.y - header - o.y) / zoom;
            if (x < 0 || y < 0 || x >= shape.width() || y >= shape.height()) return;
            setToolTipText(String.format("feature map %d, position (%d, %d): %.4f", t, x, y,
                    values[(t * shape.height() + y) * shape.width() + x]));
            return;
        }
        int rank = 1;
        for (float v : values) if (v > values[t]) rank++;
        setToolTipText(String.format("neuron %d: %.4f (rank %d of %d)", t, values[t], rank, values.length));
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}

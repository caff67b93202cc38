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
 * neuron, its value and its rank. A convolutional layer's output (channels x height x width) is shown as
 * its feature maps instead: one small picture per channel, about {@value #MAP} pixels across, on the layer's
 * shared scale.
 */
final class ActivityPanel extends Canvas {

    static final int CELL = 14;
    /** The size a feature map is enlarged to, about. */
    static final int MAP = 48;

    private final String title;
    private final Shape shape;
    private float[] values = new float[0];
    private TileAtlas atlas;
    private Image image;
    private int columns = 1;

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

    private boolean maps() {
        return !shape.isVector() && values.length == shape.size();
    }

    /** Screen pixels per value: {@link #CELL} for neurons, a feature map about {@link #MAP} across. */
    private int zoom() {
        return maps() ? Math.max(1, Math.round((float) MAP / Math.max(shape.height(), shape.width()))) : CELL;
    }

    private int tiles() {
        return maps() ? shape.channels() : values.length;
    }

    private int tileWidth() {
        return (maps() ? shape.width() : 1) * zoom() + (maps() ? 4 : 1);
    }

    private int columnsFor(int width) {
        return Math.max(1, Math.min(Math.max(1, tiles()), (width - 2) / tileWidth()));
    }

    private void rebuild() {
        disposeImage();
        columns = columnsFor(Math.max(CELL * 8, getClientArea().width));
        atlas = maps() ? new TileAtlas(tiles(), columns, shape.width(), shape.height(), zoom(), 4)
                : new TileAtlas(values.length, columns, 1, 1, CELL, 1);
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
        int cols = columnsFor(width);
        int rows = Math.max(1, (tiles() + cols - 1) / cols);
        int rowHeight = maps() ? shape.height() * zoom() + 4 : CELL + 1;
        GC gc = new GC(this);
        int header;
        try {
            header = headerHeight(gc);
        } finally {
            gc.dispose();
        }
        return new Point(width, header + rows * rowHeight + 3);
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
        gc.drawString(header, 2, 0, true);
        if (image != null) gc.drawImage(image, 0, headerHeight(gc));
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
            int x = (e.x - o.x) / zoom(), y = (e.y - header - o.y) / zoom();
            if (x < 0 || y < 0 || x >= shape.width() || y >= shape.height()) return;
            float v = values[(t * shape.height() + y) * shape.width() + x];
            setToolTipText(String.format("feature map %d, position (%d, %d): %.4f", t, x, y, v));
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

package digitlab.ui.internal.canvas;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.heatmap.TileAtlas;
import digitlab.ui.internal.heatmap.ValueRange;

/**
 * The neurons of one hidden layer as a grid of cells, each coloured by its activation for the
 * drawn digit (white = silent, deep blue = the layer's strongest). Hovering a cell names the
 * neuron, its value and its rank.
 */
final class ActivityPanel extends Canvas {

    static final int CELL = 14;

    private final String title;
    private float[] values = new float[0];
    private TileAtlas atlas;
    private Image image;
    private int columns = 1;

    ActivityPanel(Composite parent, String title) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.title = title;
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

    private int columnsFor(int width) {
        return Math.max(1, Math.min(values.length == 0 ? 1 : values.length, (width - 2) / (CELL + 1)));
    }

    private void rebuild() {
        disposeImage();
        columns = columnsFor(Math.max(CELL * 8, getClientArea().width));
        atlas = new TileAtlas(values.length, columns, 1, 1, CELL, 1);
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
        int cols = Math.max(1, Math.min(Math.max(1, values.length), (width - 2) / (CELL + 1)));
        int rows = Math.max(1, (values.length + cols - 1) / cols);
        GC gc = new GC(this);
        int header;
        try {
            header = headerHeight(gc);
        } finally {
            gc.dispose();
        }
        return new Point(width, header + rows * (CELL + 1) + 3);
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        int active = 0;
        for (float v : values) if (v > 1e-3f) active++;
        String header = title + " \u2014 " + values.length + " neurons, " + active + " active";
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

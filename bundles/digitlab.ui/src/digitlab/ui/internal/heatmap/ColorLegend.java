package digitlab.ui.internal.heatmap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A horizontal colour bar for a {@link ColorMap} with the values at its ends (and zero in the middle
 * of a symmetric range), e.g. {@code -0.42  0  +0.42}. The bar is one 256x1 image stretched to fit.
 */
public final class ColorLegend extends Canvas {

    private final Image bar;
    private ValueRange range = new ValueRange(0, 1);
    private String caption = "";

    /** A legend for {@code map}. */
    public ColorLegend(Composite parent, ColorMap map) {
        super(parent, SWT.DOUBLE_BUFFERED);
        ImageData data = new ImageData(ColorMap.SIZE, 1, 8, map.palette());
        for (int i = 0; i < ColorMap.SIZE; i++) data.setPixel(i, 0, i);
        bar = new Image(getDisplay(), data);
        addDisposeListener(e -> bar.dispose());
        addPaintListener(e -> paint(e.gc));
    }

    /** Shows {@code range} at the ends, with an optional caption (e.g. "weight, shared scale"). */
    public void setRange(ValueRange range, String caption) {
        this.range = range;
        this.caption = caption == null ? "" : caption;
        redraw();
    }

    /** The range shown. */
    public ValueRange range() {
        return range;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            int h = gc.getFontMetrics().getHeight();
            return new Point(wHint == SWT.DEFAULT ? 260 : wHint, hHint == SWT.DEFAULT ? 14 + h + 6 : hHint);
        } finally {
            gc.dispose();
        }
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        int textH = gc.getFontMetrics().getHeight();
        String lo = format(range.lo());
        String hi = format(range.hi());
        int barH = Math.max(6, area.height - textH - 6);
        int x0 = 4;
        int width = Math.max(10, area.width - 8);
        gc.drawImage(bar, 0, 0, ColorMap.SIZE, 1, x0, 2, width, barH);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.drawRectangle(x0, 2, width - 1, barH - 1);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        int y = 2 + barH + 2;
        gc.drawString(lo, x0, y, true);
        gc.drawString(hi, x0 + width - gc.textExtent(hi).x, y, true);
        String middle = range.lo() < 0 && range.hi() > 0 ? "0" : format((range.lo() + range.hi()) / 2);
        if (!caption.isEmpty()) middle = middle + "   " + caption;
        gc.drawString(middle, x0 + (width - gc.textExtent(middle).x) / 2, y, true);
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e4)) return String.format("%.2e", v);
        return String.format(a < 1 ? "%.3f" : a < 100 ? "%.2f" : "%.0f", v);
    }
}

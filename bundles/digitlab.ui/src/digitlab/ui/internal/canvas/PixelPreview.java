package digitlab.ui.internal.canvas;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import digitlab.ui.internal.heatmap.ColorMap;

/**
 * The 28x28 image the network actually sees, white ink on black as in MNIST, enlarged with sharp
 * pixels and a faint grid. Empty (dark) when nothing is drawn.
 */
public final class PixelPreview extends Canvas {

    private final int side;
    private Image image;
    private float[] pixels;

    /** A preview for {@code side x side} images. */
    public PixelPreview(Composite parent, int side) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.side = side;
        addPaintListener(e -> paint(e.gc));
        addDisposeListener(e -> disposeImage());
    }

    /** Shows {@code pixels} ({@code side^2} values in [0, 1]), or nothing for null. */
    public void setPixels(float[] pixels) {
        disposeImage();
        this.pixels = pixels == null ? null : pixels.clone();
        if (pixels != null) {
            ImageData data = new ImageData(side, side, 8, ColorMap.INK.palette());
            for (int i = 0; i < pixels.length; i++) {
                data.data[(i / side) * data.bytesPerLine + i % side] = (byte) ColorMap.index(pixels[i], 0, 1);
            }
            image = new Image(getDisplay(), data);
        }
        redraw();
    }

    /** The pixels shown, or null. */
    public float[] pixels() {
        return pixels == null ? null : pixels.clone();
    }

    /** The number of pixels with any ink (0 when empty). */
    public int inkedPixels() {
        if (pixels == null) return 0;
        int n = 0;
        for (float p : pixels) if (p > 0) n++;
        return n;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int s = side * 5 + 2;
        return new Point(wHint == SWT.DEFAULT ? s : wHint, hHint == SWT.DEFAULT ? s : hHint);
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        int zoom = Math.max(1, (Math.min(a.width, a.height) - 2) / side);
        int s = zoom * side;
        int x = a.x + (a.width - s) / 2;
        int y = a.y + (a.height - s) / 2;
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(x, y, s, s);
        if (image != null) {
            gc.setInterpolation(SWT.NONE);
            gc.drawImage(image, 0, 0, side, side, x, y, s, s);
        }
        if (zoom >= 4) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.setAlpha(60);
            for (int i = 1; i < side; i++) {
                gc.drawLine(x + i * zoom, y, x + i * zoom, y + s);
                gc.drawLine(x, y + i * zoom, x + s, y + i * zoom);
            }
            gc.setAlpha(255);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.drawRectangle(x - 1, y - 1, s + 1, s + 1);
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}

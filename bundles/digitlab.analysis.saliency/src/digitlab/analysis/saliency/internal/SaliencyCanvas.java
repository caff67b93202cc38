package digitlab.analysis.saliency.internal;

import digitlab.analysis.saliency.SaliencyMap;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Paints two squares side by side: the digit (grey) with the importance laid over it in red, and the signed
 * map in a diverging blue-white-red scale (blue: the pixel works against the guess, red: for it). Pixels are
 * drawn as sharp blocks, scaled to the space available.
 */
final class SaliencyCanvas extends Canvas {

    private Image overlay;
    private Image signed;
    private int side;

    SaliencyCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        addDisposeListener(e -> disposeImages());
    }

    /** Shows {@code map} for the image {@code pixels} (in [0, 1]). Call on the UI thread. */
    void show(float[] pixels, SaliencyMap map) {
        disposeImages();
        side = map.width();
        overlay = new Image(getDisplay(), overlayData(pixels, map));
        signed = new Image(getDisplay(), signedData(map));
        redraw();
    }

    private void paint(GC gc) {
        if (overlay == null) return;
        Point size = getSize();
        int cell = Math.max(1, Math.min((size.x - 30) / 2, size.y - 10) / side);
        int extent = cell * side;
        gc.setInterpolation(SWT.NONE);
        gc.drawImage(overlay, 0, 0, side, side, 5, 5, extent, extent);
        gc.drawImage(signed, 0, 0, side, side, 20 + extent, 5, extent, extent);
    }

    private static ImageData overlayData(float[] pixels, SaliencyMap map) {
        ImageData data = new ImageData(map.width(), map.height(), 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                int i = y * map.width() + x;
                float ink = clamp(pixels[i]);
                float heat = map.importance()[i];
                int grey = Math.round(40 + 120 * ink);
                int r = Math.round(grey + (255 - grey) * heat);
                int g = Math.round(grey * (1 - heat));
                int b = Math.round(grey * (1 - heat));
                data.setPixel(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return data;
    }

    private static ImageData signedData(SaliencyMap map) {
        ImageData data = new ImageData(map.width(), map.height(), 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        float max = 0f;
        for (float v : map.signed()) max = Math.max(max, Math.abs(v));
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                float v = max > 0 ? map.signed()[y * map.width() + x] / max : 0f;
                int fade = Math.round(255 * (1 - Math.abs(v)));
                int rgb = v >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
                data.setPixel(x, y, rgb);
            }
        }
        return data;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private void disposeImages() {
        if (overlay != null) overlay.dispose();
        if (signed != null) signed.dispose();
        overlay = null;
        signed = null;
    }
}

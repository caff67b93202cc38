package digitlab.ui.internal.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The square drawing surface: dark ink on white paper, smooth thick anti-aliased strokes drawn
 * with the mouse or touchpad. Holds the current {@link Drawing} and reports every change to its
 * listeners (on the UI thread).
 *
 * <p>Coordinates: the drawing lives in 0..1 on both axes of the largest centred square that fits
 * the widget ({@link #square()}), so it keeps its shape when the view is resized.
 */
public final class DrawingArea extends Canvas {

    /** Pen width as a fraction of the side: thick enough to look like MNIST's strokes after scaling. */
    public static final float PEN_WIDTH = 0.075f;

    private final List<Consumer<Drawing>> listeners = new ArrayList<>();
    private float penWidth = PEN_WIDTH;
    private final Color paper;
    private final Color ink;
    private final Color frame;
    private Drawing drawing = Drawing.EMPTY;
    private boolean penDown;
    private Image backgroundImage;

    /** A drawing area in {@code parent}. */
    public DrawingArea(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        paper = new Color(255, 255, 255);
        ink = new Color(0x1A, 0x1A, 0x1A);
        frame = new Color(0xB0, 0xB0, 0xB0);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseDown, this::penDown);
        addListener(SWT.MouseMove, this::penMove);
        addListener(SWT.MouseUp, this::penUp);
        addListener(SWT.Resize, e -> redraw());
        addDisposeListener(e -> {
            disposeBackground();
            paper.dispose();
            ink.dispose();
            frame.dispose();
        });
        setCursor(getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
    }

    /** The pen's width for new strokes, as a fraction of the drawing square's side (Preferences: Canvas). */
    public void setPenWidth(float width) {
        penWidth = width;
    }

    /** The drawing shown. */
    public Drawing drawing() {
        return drawing;
    }

    /** Replaces the drawing (clear, undo, a loaded picture) and tells the listeners. */
    public void setDrawing(Drawing newDrawing) {
        if (newDrawing.background() != drawing.background() || newDrawing.exactInput() != drawing.exactInput()) {
            disposeBackground();
        }
        drawing = newDrawing;
        penDown = false;
        redraw();
        fire();
    }

    /** Removes everything. */
    public void clear() {
        setDrawing(Drawing.EMPTY);
    }

    /** Removes the newest stroke (or the loaded picture when no stroke is left). */
    public void undo() {
        setDrawing(drawing.undone());
    }

    /** Listens for changes of the drawing (each pen movement, clear, undo). */
    public void addDrawingListener(Consumer<Drawing> listener) {
        listeners.add(listener);
    }

    /** The square the drawing occupies, in widget pixels. */
    public Rectangle square() {
        Rectangle a = getClientArea();
        int side = Math.max(1, Math.min(a.width, a.height) - 2);
        return new Rectangle(a.x + (a.width - side) / 2, a.y + (a.height - side) / 2, side, side);
    }

    private void fire() {
        for (Consumer<Drawing> l : listeners) l.accept(drawing);
    }

    private float[] toDrawing(int x, int y) {
        Rectangle s = square();
        float u = Math.max(0, Math.min(1, (x - s.x) / (float) s.width));
        float v = Math.max(0, Math.min(1, (y - s.y) / (float) s.height));
        return new float[] {u, v};
    }

    private void penDown(Event e) {
        if (e.button != 1) return;
        setFocus();
        float[] p = toDrawing(e.x, e.y);
        penDown = true;
        drawing = drawing.with(new Stroke(p, penWidth));
        redrawAround(p[0], p[1], p[0], p[1]);
        fire();
    }

    private void penMove(Event e) {
        if (!penDown) return;
        if ((e.stateMask & SWT.BUTTON1) == 0) { // released outside the widget
            penDown = false;
            return;
        }
        List<Stroke> strokes = drawing.strokes();
        Stroke last = strokes.get(strokes.size() - 1);
        float[] p = toDrawing(e.x, e.y);
        float px = last.x(last.points() - 1);
        float py = last.y(last.points() - 1);
        Rectangle s = square();
        if (Math.hypot((p[0] - px) * s.width, (p[1] - py) * s.height) < 1.5) return; // ignore sub-pixel jitter
        drawing = drawing.withLastReplaced(last.with(p[0], p[1]));
        redrawAround(px, py, p[0], p[1]);
        fire();
    }

    private void penUp(Event e) {
        if (e.button == 1) penDown = false;
    }

    /** Repaints only the box around the newest segment, so drawing stays smooth on large canvases. */
    private void redrawAround(float ax, float ay, float bx, float by) {
        Rectangle s = square();
        int r = (int) Math.ceil(penWidth * s.width / 2) + 3;
        int x0 = s.x + (int) (Math.min(ax, bx) * s.width) - r;
        int y0 = s.y + (int) (Math.min(ay, by) * s.height) - r;
        int x1 = s.x + (int) (Math.max(ax, bx) * s.width) + r;
        int y1 = s.y + (int) (Math.max(ay, by) * s.height) + r;
        redraw(x0, y0, x1 - x0, y1 - y0, false);
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getParent().getBackground());
        gc.fillRectangle(a);
        Rectangle s = square();
        gc.setBackground(paper);
        gc.fillRectangle(s);
        gc.setForeground(frame);
        gc.drawRectangle(s.x - 1, s.y - 1, s.width + 1, s.height + 1);
        gc.setClipping(s);
        gc.setAntialias(SWT.ON);
        gc.setInterpolation(SWT.HIGH);
        if (drawing.background() != null || drawing.hasExactInput()) {
            Image bg = backgroundImage();
            Rectangle b = bg.getBounds();
            // an exact input is shown as the network gets it: sharp pixels, not smoothed
            if (drawing.hasExactInput()) gc.setInterpolation(SWT.NONE);
            gc.drawImage(bg, 0, 0, b.width, b.height, s.x, s.y, s.width, s.height);
            gc.setInterpolation(SWT.HIGH);
        }
        gc.setForeground(ink);
        gc.setBackground(ink);
        gc.setLineCap(SWT.CAP_ROUND);
        gc.setLineJoin(SWT.JOIN_ROUND);
        int width = Math.max(2, Math.round(penWidth * s.width));
        gc.setLineWidth(width);
        for (Stroke stroke : drawing.strokes()) {
            if (stroke.points() == 1) {
                int cx = s.x + Math.round(stroke.x(0) * s.width);
                int cy = s.y + Math.round(stroke.y(0) * s.height);
                gc.fillOval(cx - width / 2, cy - width / 2, width, width);
                continue;
            }
            int[] pts = new int[stroke.points() * 2];
            for (int i = 0; i < stroke.points(); i++) {
                pts[2 * i] = s.x + Math.round(stroke.x(i) * s.width);
                pts[2 * i + 1] = s.y + Math.round(stroke.y(i) * s.height);
            }
            gc.drawPolyline(pts);
        }
        gc.setClipping((Rectangle) null);
    }

    /** The loaded picture (background or exact input) as dark ink on white, made once per picture. */
    private Image backgroundImage() {
        if (backgroundImage == null) {
            int n = drawing.hasExactInput() ? ExactInput.SIDE : drawing.backgroundSide();
            RGB[] grays = new RGB[256];
            for (int i = 0; i < 256; i++) {
                int v = 255 - Math.round(i * (255 - 0x1A) / 255f);
                grays[i] = new RGB(v, v, v);
            }
            ImageData data = new ImageData(n, n, 8, new PaletteData(grays));
            float[] bg = drawing.hasExactInput() ? drawing.exactInput() : drawing.background();
            for (int i = 0; i < bg.length; i++) data.setPixel(i % n, i / n, Math.round(Math.max(0, Math.min(1, bg[i])) * 255));
            backgroundImage = new Image(getDisplay(), data);
        }
        return backgroundImage;
    }

    private void disposeBackground() {
        if (backgroundImage != null) {
            backgroundImage.dispose();
            backgroundImage = null;
        }
    }
}

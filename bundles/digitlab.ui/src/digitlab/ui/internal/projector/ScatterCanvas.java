package digitlab.ui.internal.projector;

import digitlab.data.ImageSet;
import digitlab.embed.Embedding;
import java.util.List;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The map as a scatter plot: one dot per test image coloured by its class, a dark ring around the ones the
 * network gets wrong, a legend, the user's drawing as a black diamond. Hovering shows the image with its label
 * and guess; a click selects, a double-click opens. The dots are painted once per map and size into an image;
 * hover, selection and drawing are painted over it. UI thread only.
 */
public final class ScatterCanvas extends Canvas {

    /** Tableau 10: distinct colours, readable on white. */
    private static final RGB[] PALETTE = {new RGB(78, 121, 167), new RGB(242, 142, 43), new RGB(225, 87, 89),
            new RGB(118, 183, 178), new RGB(89, 161, 79), new RGB(237, 201, 72), new RGB(176, 122, 161),
            new RGB(255, 157, 167), new RGB(156, 117, 95), new RGB(186, 176, 172)};
    private static final int LEGEND_WIDTH = 120, MARGIN = 12, BOTTOM_LINE = 16, DOT = 5, PICK_RADIUS = 10, ZOOM = 3;

    private final Color[] colours = new Color[PALETTE.length];
    private Embedding map;
    private List<String> classNames = List.of();
    private ImageSet images;
    private double[] drawing;
    private int hovered = -1, selected = -1;
    private Image dots;
    private Image hoverImage;
    private int hoverImageIndex = -1;
    private double minX, minY, scale, originX, originY;
    private IntConsumer selectListener = i -> { };
    private IntConsumer openListener = i -> { };

    ScatterCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        for (int c = 0; c < PALETTE.length; c++) colours[c] = new Color(PALETTE[c]);
        addListener(SWT.Paint, this::paint);
        addListener(SWT.Resize, e -> invalidateDots());
        addListener(SWT.MouseMove, e -> setHovered(pick(e.x, e.y)));
        addListener(SWT.MouseExit, e -> setHovered(-1));
        addListener(SWT.MouseDown, e -> {
            if (e.button != 1) return;
            int i = pick(e.x, e.y);
            if (i >= 0) select(i);
        });
        addListener(SWT.MouseDoubleClick, e -> {
            int i = pick(e.x, e.y);
            if (i >= 0) openListener.accept(i);
        });
        addListener(SWT.Dispose, e -> {
            invalidateDots();
            disposeHoverImage();
        });
    }

    /** Shows {@code newMap} of {@code set}'s images (null: nothing); clears hover and selection. */
    void setMap(Embedding newMap, List<String> names, ImageSet set) {
        map = newMap;
        classNames = names;
        images = set;
        hovered = selected = -1;
        disposeHoverImage();
        invalidateDots();
    }

    /** Moves the user's drawing to map position {@code xy} (null hides it). */
    void setDrawing(double[] xy) {
        drawing = xy;
        redraw();
    }

    void setSelectListener(IntConsumer l) {
        selectListener = l;
    }

    void setOpenListener(IntConsumer l) {
        openListener = l;
    }

    /** Selects point {@code i} (-1: none) and tells the listener. */
    void select(int i) {
        selected = i;
        redraw();
        selectListener.accept(i);
    }

    /** The map shown, or null. */
    public Embedding map() {
        return map;
    }

    /** The point under the mouse, or -1. */
    public int hovered() {
        return hovered;
    }

    /** The selected point, or -1. */
    public int selected() {
        return selected;
    }

    /** The user's drawing's map position {@code {x, y}}, or null. */
    public double[] drawing() {
        return drawing;
    }

    /** Where point {@code i} is drawn, in this canvas's coordinates. */
    public Point screenPoint(int i) {
        layoutScale();
        return new Point(sx(map.x(i)), sy(map.y(i)));
    }

    /** Where the user's drawing is drawn, or null. */
    public Point drawingPoint() {
        if (drawing == null || map == null) return null;
        layoutScale();
        return new Point(sx(drawing[0]), sy(drawing[1]));
    }

    private void setHovered(int i) {
        if (i == hovered) return;
        hovered = i;
        redraw();
    }

    /** The point nearest to (x, y) within {@link #PICK_RADIUS} pixels, or -1. */
    private int pick(int x, int y) {
        if (map == null) return -1;
        layoutScale();
        int best = -1;
        long bestD = (long) PICK_RADIUS * PICK_RADIUS;
        for (int i = 0; i < map.size(); i++) {
            long dx = sx(map.x(i)) - x, dy = sy(map.y(i)) - y;
            long d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Fits the map's bounding box into the plot area with one scale for both axes (distances stay true). */
    private void layoutScale() {
        Rectangle a = getClientArea();
        minX = minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < map.size(); i++) {
            minX = Math.min(minX, map.x(i));
            maxX = Math.max(maxX, map.x(i));
            minY = Math.min(minY, map.y(i));
            maxY = Math.max(maxY, map.y(i));
        }
        // the bottom line holds the marks' legend
        double w = Math.max(1, a.width - LEGEND_WIDTH - 2 * MARGIN), h = Math.max(1, a.height - 2 * MARGIN - BOTTOM_LINE);
        double spanX = Math.max(maxX - minX, 1e-12), spanY = Math.max(maxY - minY, 1e-12);
        scale = Math.min(w / spanX, h / spanY);
        originX = MARGIN + (w - spanX * scale) / 2;
        originY = MARGIN + (h - spanY * scale) / 2 + spanY * scale; // y grows upwards on the map
    }

    private int sx(double x) {
        return (int) Math.round(originX + (x - minX) * scale);
    }

    private int sy(double y) {
        return (int) Math.round(originY - (y - minY) * scale);
    }

    private void invalidateDots() {
        if (dots != null) dots.dispose();
        dots = null;
        if (!isDisposed()) redraw();
    }

    private void disposeHoverImage() {
        if (hoverImage != null) hoverImage.dispose();
        hoverImage = null;
        hoverImageIndex = -1;
    }

    private void paint(Event e) {
        Rectangle a = getClientArea();
        if (a.width <= 0 || a.height <= 0) return;
        GC gc = e.gc;
        if (map == null) {
            gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(a);
            return;
        }
        layoutScale();
        if (dots == null || dots.getBounds().width != a.width || dots.getBounds().height != a.height) {
            if (dots != null) dots.dispose();
            dots = new Image(getDisplay(), a.width, a.height);
            GC g = new GC(dots);
            try {
                paintDots(g, a);
            } finally {
                g.dispose();
            }
        }
        gc.drawImage(dots, 0, 0);
        gc.setAntialias(SWT.ON);
        if (selected >= 0) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.setLineWidth(2);
            gc.drawOval(sx(map.x(selected)) - 7, sy(map.y(selected)) - 7, 14, 14);
            gc.setLineWidth(1);
        }
        if (drawing != null) paintDrawing(gc);
        if (hovered >= 0) paintHover(gc, a);
    }

    private void paintDots(GC g, Rectangle a) {
        g.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        g.fillRectangle(a);
        g.setAntialias(SWT.ON);
        int[] labels = map.points().labels(), guesses = map.points().guesses();
        // right ones first, so the few wrong ones (ringed) are never hidden under them
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < map.size(); i++) {
                boolean wrong = labels[i] != guesses[i];
                if (wrong != (pass == 1)) continue;
                int x = sx(map.x(i)), y = sy(map.y(i));
                g.setBackground(colours[labels[i] % colours.length]);
                g.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
                if (wrong) {
                    g.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
                    g.drawOval(x - DOT / 2 - 1, y - DOT / 2 - 1, DOT + 1, DOT + 1);
                }
            }
        }
        paintLegend(g, a);
    }

    /**
     * The classes on the right (two or more columns when one does not fit the height), the two marks in one line along the
     * bottom (the plot leaves that line free), so every entry shows even in a short view.
     */
    private void paintLegend(GC g, Rectangle a) {
        int left = a.width - LEGEND_WIDTH + 8, line = g.getFontMetrics().getHeight() + 2;
        int rows = classNames.size();
        boolean header = MARGIN + (rows + 1) * line <= a.height - line;
        int fit = Math.max(1, (a.height - MARGIN / 2 - line - 2) / line); // rows above the marks' line
        int columns = header || rows < 2 ? 1 : Math.max(2, (rows + fit - 1) / fit);
        int perColumn = (rows + columns - 1) / columns;
        int columnWidth = (LEGEND_WIDTH - 8) / columns;
        g.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        int top = MARGIN / 2;
        if (header) {
            g.drawText("class", left, top, true);
            top += line;
        }
        for (int c = 0; c < rows; c++) {
            int x = left + (c / perColumn) * columnWidth, y = top + (c % perColumn) * line;
            g.setBackground(colours[c % colours.length]);
            g.fillOval(x, y + line / 2 - 5, 9, 9);
            g.setClipping(x, y, columnWidth - 2, line);
            g.drawText(classNames.get(c), x + 14, y, true);
            g.setClipping((Rectangle) null);
        }
        int y = a.height - line - 2, x = 8;
        g.setBackground(colours[0]);
        g.fillOval(x, y + line / 2 - 5, 9, 9);
        g.drawOval(x - 1, y + line / 2 - 6, 10, 10);
        g.drawText("wrong guess", x + 14, y, true);
        x += 14 + g.textExtent("wrong guess").x + 16;
        diamond(g, x + 4, y + line / 2, 5);
        g.drawText("your drawing", x + 14, y, true);
    }

    private void paintDrawing(GC gc) {
        int x = sx(drawing[0]), y = sy(drawing[1]);
        diamond(gc, x, y, 8);
    }

    /** A black diamond with a white edge, centred on (x, y). */
    private void diamond(GC gc, int x, int y, int r) {
        int[] outer = {x, y - r - 2, x + r + 2, y, x, y + r + 2, x - r - 2, y};
        int[] inner = {x, y - r, x + r, y, x, y + r, x - r, y};
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillPolygon(outer);
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillPolygon(inner);
    }

    /** A box near the hovered dot: the image at 3x, its test-set number, label and guess. */
    private void paintHover(GC gc, Rectangle a) {
        int i = hovered;
        int index = map.points().indices()[i];
        String label = classNames.get(map.points().labels()[i]), guess = classNames.get(map.points().guesses()[i]);
        String text = "test #" + index + "\nlabel " + label + "\nguess " + guess;
        Point textSize = gc.textExtent(text, SWT.DRAW_DELIMITER);
        int side = images != null ? images.width() * ZOOM : 0;
        int w = side + textSize.x + 18, h = Math.max(side, textSize.y) + 10;
        int x = sx(map.x(i)) + 12, y = sy(map.y(i)) + 12;
        if (x + w > a.width) x = sx(map.x(i)) - 12 - w;
        if (y + h > a.height) y = sy(map.y(i)) - 12 - h;
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
        gc.fillRectangle(x, y, w, h);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawRectangle(x, y, w - 1, h - 1);
        if (images != null) {
            gc.drawImage(hoverImage(index), x + 5, y + 5);
        }
        gc.setForeground(getDisplay().getSystemColor(label.equals(guess) ? SWT.COLOR_INFO_FOREGROUND : SWT.COLOR_RED));
        gc.drawText(text, x + side + 12, y + 5, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
    }

    /** The image of test image {@code index}, dark ink on white at {@link #ZOOM}x (the last one is kept). */
    private Image hoverImage(int index) {
        if (hoverImage != null && hoverImageIndex == index) return hoverImage;
        disposeHoverImage();
        int w = images.width(), h = images.height();
        float[] ink = new float[w * h];
        images.copyNormalized(index, ink, 0);
        RGB[] greys = new RGB[256];
        for (int v = 0; v < 256; v++) greys[v] = new RGB(v, v, v);
        ImageData data = new ImageData(w, h, 8, new PaletteData(greys));
        for (int p = 0; p < ink.length; p++) data.setPixel(p % w, p / w, 255 - Math.round(Math.min(1, ink[p]) * 255));
        hoverImage = new Image(getDisplay(), data.scaledTo(w * ZOOM, h * ZOOM));
        hoverImageIndex = index;
        return hoverImage;
    }
}

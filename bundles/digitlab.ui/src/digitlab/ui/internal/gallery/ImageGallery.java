package digitlab.ui.internal.gallery;

import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Shows a {@link GalleryPage}: the thumbnails with their captions; a double-click on an image
 * reports its index on the page (the views load it into the canvas). Put it in a
 * {@link org.eclipse.swt.custom.ScrolledComposite} for long pages; it sizes itself to the page.
 */
public final class ImageGallery extends Canvas {

    private GalleryPage page;
    private Image image;
    private int selected = -1;
    private IntConsumer onOpen = t -> { };

    /** A gallery in {@code parent}. */
    public ImageGallery(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseDown, this::select);
        addListener(SWT.MouseDoubleClick, e -> {
            if (page == null) return;
            int t = page.cellAt(e.x, e.y);
            if (t >= 0) onOpen.accept(t);
        });
        addDisposeListener(e -> disposeImage());
    }

    /** The caption height that fits {@code lines} lines of this widget's font. */
    public int captionHeight(int lines) {
        GC gc = new GC(this);
        try {
            return lines * gc.getFontMetrics().getHeight() + 4;
        } finally {
            gc.dispose();
        }
    }

    /** Shows {@code p} (null: nothing). UI thread. */
    public void setPage(GalleryPage p) {
        disposeImage();
        page = p;
        selected = -1;
        if (p != null) image = new Image(getDisplay(), p.data());
        Point size = p == null ? new Point(1, 1) : new Point(p.data().width, p.data().height);
        setSize(size);
        redraw();
    }

    /** The page shown, or null. */
    public GalleryPage page() {
        return page;
    }

    /** The page index of the image selected by a click, or -1. */
    public int selected() {
        return selected;
    }

    /** Selects image {@code t} of the page (-1: none), as a click does (keyboard users, tests). */
    public void select(int t) {
        selected = page == null || t < 0 || t >= page.size() ? -1 : t;
        redraw();
    }

    /** Called with the page index of a double-clicked image. */
    public void setOpenListener(IntConsumer listener) {
        onOpen = listener;
    }

    /** Opens image {@code t} of the page as if it were double-clicked (keyboard users, tests). */
    public void open(int t) {
        onOpen.accept(t);
    }

    private void select(Event e) {
        if (page == null) return;
        selected = page.cellAt(e.x, e.y);
        redraw();
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        if (page == null || image == null) return;
        gc.drawImage(image, 0, 0);
        int w = page.images().width() * GalleryPage.ZOOM;
        int h = page.images().height() * GalleryPage.ZOOM;
        Rectangle clip = gc.getClipping();
        for (int t = 0; t < page.size(); t++) {
            Point o = page.origin(t);
            if (o.y > clip.y + clip.height || o.y + h + page.captionHeight() < clip.y) continue;
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            String caption = page.captions()[t];
            int y = o.y + h + 1;
            for (String line : caption.split("\n")) {
                gc.drawString(line, o.x, y, true);
                y += gc.getFontMetrics().getHeight();
            }
            if (t == selected) {
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
                gc.setLineWidth(2);
                gc.drawRectangle(o.x - 2, o.y - 2, w + 3, h + 3);
                gc.setLineWidth(1);
            }
        }
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}

package digitlab.ui.internal.gallery;

import java.util.Arrays;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;

import digitlab.data.ImageSet;
import digitlab.ui.internal.heatmap.ColorMap;

/**
 * One page of a gallery of dataset images, rendered off the UI thread: all thumbnails in one
 * 8-bit image (white ink on black, as the network sees them, through {@link ColorMap#INK}) and a
 * caption per image, drawn below its thumbnail by the widget.
 *
 * <p>Geometry: cell {@code t} is at column {@code t % columns}, row {@code t / columns}; a cell is
 * the thumbnail ({@code width x height} pixels at {@link #ZOOM}) above {@code captionHeight}
 * pixels of caption, cells {@link #GAP} pixels apart.
 *
 * @param images        the images' set
 * @param positions     the positions in {@code images} shown, in order
 * @param captions      a caption per image (may hold a line break)
 * @param columns       cells per row
 * @param captionHeight pixels below each thumbnail
 * @param data          the thumbnails
 * @param total         how many images the whole selection has (this page may show fewer)
 */
public record GalleryPage(ImageSet images, int[] positions, String[] captions, int columns, int captionHeight,
                          ImageData data, int total) {

    /** Screen pixels per image pixel. */
    public static final int ZOOM = 2;
    /** Pixels between cells. */
    public static final int GAP = 8;
    /** The palette entry of the background (a light paper gray of the ink map). */
    private static final int PAPER = 236;

    /** Renders the images at {@code positions} into {@code columns} columns. */
    public static GalleryPage render(ImageSet images, int[] positions, String[] captions, int columns,
                                     int captionHeight, int total) {
        int cols = Math.max(1, columns);
        int w = images.width() * ZOOM;
        int h = images.height() * ZOOM;
        int rows = Math.max(1, (positions.length + cols - 1) / cols);
        int width = GAP + cols * (w + GAP);
        int height = GAP + rows * (h + captionHeight + GAP);
        ImageData data = new ImageData(width, height, 8, ColorMap.INK.palette());
        Arrays.fill(data.data, (byte) PAPER);
        for (int t = 0; t < positions.length; t++) {
            int x0 = GAP + (t % cols) * (w + GAP);
            int y0 = GAP + (t / cols) * (h + captionHeight + GAP);
            for (int y = 0; y < images.height(); y++) {
                for (int x = 0; x < images.width(); x++) {
                    byte v = (byte) images.pixel(positions[t], x, y);
                    for (int dy = 0; dy < ZOOM; dy++) {
                        int row = (y0 + y * ZOOM + dy) * data.bytesPerLine + x0 + x * ZOOM;
                        for (int dx = 0; dx < ZOOM; dx++) data.data[row + dx] = v;
                    }
                }
            }
        }
        return new GalleryPage(images, positions.clone(), captions.clone(), cols, captionHeight, data, total);
    }

    /** The number of images on this page. */
    public int size() {
        return positions.length;
    }

    /** The top-left corner of cell {@code t}'s thumbnail. */
    public Point origin(int t) {
        int w = images.width() * ZOOM;
        int h = images.height() * ZOOM;
        return new Point(GAP + (t % columns) * (w + GAP), GAP + (t / columns) * (h + captionHeight + GAP));
    }

    /** The cell under pixel (x, y) (thumbnail or caption), or -1. */
    public int cellAt(int x, int y) {
        int w = images.width() * ZOOM + GAP;
        int h = images.height() * ZOOM + captionHeight + GAP;
        if (x < GAP || y < GAP) return -1;
        int c = (x - GAP) / w;
        int r = (y - GAP) / h;
        if (c >= columns || (x - GAP) % w >= w - GAP) return -1;
        int t = r * columns + c;
        return t < positions.length ? t : -1;
    }

    /** The ink of image {@code t} as floats in [0, 1] (for loading it into the canvas). */
    public float[] ink(int t) {
        float[] f = new float[images.pixelsPerImage()];
        images.copyNormalized(positions[t], f, 0);
        return f;
    }

    /** The number of columns that fit {@code width} pixels for images {@code imageWidth} wide. */
    public static int columnsFor(int width, int imageWidth) {
        return Math.max(1, (width - GAP) / (imageWidth * ZOOM + GAP));
    }
}

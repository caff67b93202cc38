package digitlab.ui.internal.heatmap;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;

/**
 * Many small heatmaps (tiles) laid out in one grid and painted into a single 8-bit indexed
 * {@link ImageData} through a {@link ColorMap}: one image handle for a whole grid of neurons or
 * samples, built off the UI thread.
 *
 * <p>Geometry: tile {@code t} sits at column {@code t % columns}, row {@code t / columns}; each tile
 * is {@code tileWidth x tileHeight} values drawn at {@code zoom} screen pixels per value, with
 * {@code gap} pixels of background between tiles.
 */
public final class TileAtlas {

    private final int count;
    private final int columns;
    private final int tileWidth;
    private final int tileHeight;
    private final int zoom;
    private final int gap;

    /**
     * @param count      number of tiles
     * @param columns    tiles per row, at least 1
     * @param tileWidth  values per tile row
     * @param tileHeight values per tile column
     * @param zoom       screen pixels per value, at least 1
     * @param gap        pixels between tiles
     */
    public TileAtlas(int count, int columns, int tileWidth, int tileHeight, int zoom, int gap) {
        if (columns < 1 || zoom < 1 || tileWidth < 1 || tileHeight < 1 || count < 0 || gap < 0) {
            throw new IllegalArgumentException("bad atlas geometry: " + count + " tiles, " + columns + " columns, "
                    + tileWidth + "x" + tileHeight + " at zoom " + zoom);
        }
        this.count = count;
        this.columns = columns;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.zoom = zoom;
        this.gap = gap;
    }

    /** The number of tile rows. */
    public int rows() {
        return Math.max(1, (count + columns - 1) / columns);
    }

    /** The atlas size in pixels. */
    public Point size() {
        int w = columns * (tileWidth * zoom + gap) + gap;
        int h = rows() * (tileHeight * zoom + gap) + gap;
        return new Point(w, h);
    }

    /** The pixel position of tile {@code t}'s top-left corner. */
    public Point origin(int t) {
        return new Point(gap + (t % columns) * (tileWidth * zoom + gap), gap + (t / columns) * (tileHeight * zoom + gap));
    }

    /** The tile under pixel (x, y), or -1 for a gap or outside. */
    public int tileAt(int x, int y) {
        int cw = tileWidth * zoom + gap;
        int ch = tileHeight * zoom + gap;
        if (x < gap || y < gap) return -1;
        int col = (x - gap) / cw;
        int row = (y - gap) / ch;
        if (col >= columns || (x - gap) % cw >= tileWidth * zoom || (y - gap) % ch >= tileHeight * zoom) return -1;
        int t = row * columns + col;
        return t < count ? t : -1;
    }

    /**
     * Paints all tiles. Tile {@code t}'s values are {@code values[t * tileWidth * tileHeight ..]},
     * row-major; {@code ranges[t]} maps them to colours (one shared range or one per tile).
     *
     * @param background palette index of the gaps
     */
    public ImageData paint(float[] values, ValueRange[] ranges, ColorMap map, int background) {
        Point s = size();
        ImageData data = new ImageData(s.x, s.y, 8, map.palette());
        byte[] px = data.data;
        java.util.Arrays.fill(px, (byte) background);
        int per = tileWidth * tileHeight;
        int stride = data.bytesPerLine;
        for (int t = 0; t < count; t++) {
            Point o = origin(t);
            ValueRange r = ranges[Math.min(t, ranges.length - 1)];
            for (int v = 0; v < tileHeight; v++) {
                for (int u = 0; u < tileWidth; u++) {
                    byte idx = (byte) r.index(values[t * per + v * tileWidth + u]);
                    int x0 = o.x + u * zoom;
                    int y0 = o.y + v * zoom;
                    for (int dy = 0; dy < zoom; dy++) {
                        int row = (y0 + dy) * stride + x0;
                        for (int dx = 0; dx < zoom; dx++) px[row + dx] = idx;
                    }
                }
            }
        }
        return data;
    }
}

package digitlab.ui.internal.heatmap;

import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

/**
 * A colour map as a 256-entry lookup table. Values are first scaled to an index 0..255 (by
 * {@link #index}) and the index picks the colour, so painting a heatmap is one table read per pixel
 * and a map is just data. {@link #palette()} turns the table into the palette of an 8-bit indexed
 * {@link org.eclipse.swt.graphics.ImageData}, whose pixel bytes are then the indices themselves.
 *
 * <p>Thread-safe and handle-free ({@link RGB} is plain data): heatmaps are built off the UI thread.
 */
public final class ColorMap {

    /** Number of entries of every table. */
    public static final int SIZE = 256;

    /**
     * Diverging map for signed values such as weights: dark blue (most negative) through white (zero)
     * to dark red (most positive), after ColorBrewer's RdBu. Index 127.5 is zero.
     */
    public static final ColorMap DIVERGING = interpolate(new int[] {
            0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
            0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F});

    /** Sequential map for non-negative values such as activations and counts: white to deep blue. */
    public static final ColorMap SEQUENTIAL = interpolate(new int[] {
            0xFFFFFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B});

    /** Sequential map on black, for images of ink (dataset samples, what the network sees). */
    public static final ColorMap INK = interpolate(new int[] {0x000000, 0xFFFFFF});

    private final RGB[] table;

    private ColorMap(RGB[] table) {
        this.table = table;
    }

    /** A map that runs linearly through the given 0xRRGGBB colours, evenly spaced over 0..255. */
    public static ColorMap interpolate(int[] stops) {
        if (stops.length < 2) throw new IllegalArgumentException("a colour map needs at least 2 stops");
        RGB[] t = new RGB[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double pos = i / (SIZE - 1.0) * (stops.length - 1);
            int k = Math.min((int) pos, stops.length - 2);
            double f = pos - k;
            t[i] = new RGB(mix(stops[k] >> 16, stops[k + 1] >> 16, f), mix(stops[k] >> 8, stops[k + 1] >> 8, f),
                    mix(stops[k], stops[k + 1], f));
        }
        return new ColorMap(t);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }

    /** The colour of entry {@code index} (0..255). */
    public RGB rgb(int index) {
        return table[index];
    }

    /** The colour for {@code value} on the scale {@code lo..hi}. */
    public RGB rgb(double value, double lo, double hi) {
        return table[index(value, lo, hi)];
    }

    /**
     * The table index of {@code value} on the scale {@code lo..hi}: 0 at or below {@code lo}, 255 at or
     * above {@code hi}, linear between; NaN and a degenerate scale give the middle entry.
     */
    public static int index(double value, double lo, double hi) {
        if (!(hi > lo) || Double.isNaN(value)) return SIZE / 2;
        double t = (value - lo) / (hi - lo);
        if (t <= 0) return 0;
        if (t >= 1) return SIZE - 1;
        return (int) (t * (SIZE - 1) + 0.5);
    }

    /** The table as the palette of an 8-bit indexed image (a new object; palettes are mutable). */
    public PaletteData palette() {
        RGB[] copy = new RGB[SIZE];
        for (int i = 0; i < SIZE; i++) copy[i] = new RGB(table[i].red, table[i].green, table[i].blue);
        return new PaletteData(copy);
    }

    /**
     * Black or white, whichever reads better on entry {@code index} (for numbers printed on cells),
     * by the colour's perceived luminance.
     */
    public boolean isDark(int index) {
        RGB c = table[index];
        return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue < 140;
    }
}

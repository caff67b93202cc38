package digitlab.data.preprocess;

/**
 * Step 1 of the preprocessing: turns a grayscale raster of either polarity into an ink map, 0 = background,
 * 1 = the strongest ink, with no threshold applied.
 * <p>
 * Polarity: the background is what the border shows. The median of the border pixels is the background
 * level (the border of a drawing is mostly paper even where a stroke touches it); when that median is
 * undecided (between 0.35 and 0.65) the median of all pixels, the majority, decides. A light background means
 * dark ink on light paper, and the raster is inverted.
 * <p>
 * Levels: the background level plus the border's noise (its 90th percentile above the median, at most 0.2;
 * exactly 0 for a clean canvas) is subtracted, and the rest is divided by the peak, so the strongest ink is 1
 * and clean background is exactly 0. A drawing whose peak rises less than {@link #MIN_CONTRAST} above that
 * is empty.
 */
final class InkMap {

    /** The least contrast (on a 0..1 scale) that counts as ink; below it the drawing is empty. */
    static final float MIN_CONTRAST = 0.1f;
    private static final float MAX_NOISE = 0.2f;
    private static final int BINS = 1024;

    final float[] ink;
    final int width;
    final int height;
    final boolean inverted;
    /** False when nothing stands out from the background. */
    final boolean hasInk;

    private InkMap(float[] ink, int width, int height, boolean inverted, boolean hasInk) {
        this.ink = ink;
        this.width = width;
        this.height = height;
        this.inverted = inverted;
        this.hasInk = hasInk;
    }

    /** @param gray row-major values in [0,1] (clamped), {@code width * height} of them; not modified */
    static InkMap of(float[] gray, int width, int height) {
        float[] v = new float[width * height];
        for (int i = 0; i < v.length; i++) {
            float g = gray[i];
            if (Float.isNaN(g)) {
                throw new IllegalArgumentException("pixel (" + (i % width) + "," + (i / width) + ") is NaN");
            }
            v[i] = g < 0 ? 0 : g > 1 ? 1 : g;
        }
        int[] border = borderHistogram(v, width, height);
        float background = percentile(border, 0.5);
        if (background > 0.35f && background < 0.65f) {
            background = percentile(histogram(v), 0.5);
        }
        boolean invert = background > 0.5f;
        if (invert) {
            for (int i = 0; i < v.length; i++) {
                v[i] = 1f - v[i];
            }
            border = borderHistogram(v, width, height);
        }
        float level = percentile(border, 0.5);
        float noise = Math.min(MAX_NOISE, Math.max(0f, percentile(border, 0.9) - level));
        float floor = level + noise;
        float peak = 0;
        for (float x : v) {
            peak = Math.max(peak, x);
        }
        if (peak - floor < MIN_CONTRAST) {
            return new InkMap(v, width, height, invert, false);
        }
        float gain = 1f / (peak - floor);
        for (int i = 0; i < v.length; i++) {
            float x = v[i] - floor;
            v[i] = x <= 0 ? 0f : Math.min(1f, x * gain);
        }
        return new InkMap(v, width, height, invert, true);
    }

    /** The smallest box holding every pixel with any ink (no threshold). Only for maps with ink. */
    InkBox box() {
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (ink[row + x] > 0) {
                    if (x < x0) {
                        x0 = x;
                    }
                    if (x > x1) {
                        x1 = x;
                    }
                    if (y < y0) {
                        y0 = y;
                    }
                    y1 = y;
                }
            }
        }
        return new InkBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    private static int[] borderHistogram(float[] v, int width, int height) {
        int[] h = new int[BINS];
        for (int x = 0; x < width; x++) {
            h[bin(v[x])]++;
            if (height > 1) {
                h[bin(v[(height - 1) * width + x])]++;
            }
        }
        for (int y = 1; y < height - 1; y++) {
            h[bin(v[y * width])]++;
            if (width > 1) {
                h[bin(v[y * width + width - 1])]++;
            }
        }
        return h;
    }

    private static int[] histogram(float[] v) {
        int[] h = new int[BINS];
        for (float x : v) {
            h[bin(x)]++;
        }
        return h;
    }

    private static int bin(float x) {
        return Math.min(BINS - 1, (int) (x * BINS));
    }

    /**
     * The value at or below which a fraction {@code q} of the histogram lies: the upper edge of its bin, so that
     * a uniform background is wholly at or below it; 0 for the lowest bin, so an exactly black background
     * stays exact.
     */
    private static float percentile(int[] h, double q) {
        long total = 0;
        for (int c : h) {
            total += c;
        }
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < h.length; b++) {
            seen += h[b];
            if (seen >= target && seen > 0) {
                return b == 0 ? 0f : (b + 1f) / BINS;
            }
        }
        return 1f;
    }
}

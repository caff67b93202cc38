package digitlab.ui.internal.canvas;

import digitlab.data.preprocess.Capsules;

/**
 * Turns a {@link Drawing} into a grayscale raster for the preprocessing, in plain Java (no SWT, no
 * AWT), so that it runs on the guessing thread and in tests.
 *
 * <p>Each stroke is a chain of capsules (segments with round ends) of the stroke's width. A pixel's
 * ink is its coverage, approximated from the distance {@code d} of its centre to the nearest segment:
 * {@code clamp(r + 0.5 - d, 0, 1)} for a pen of radius {@code r} pixels: an anti-aliased edge one
 * pixel wide, like the on-screen stroke. Overlapping strokes take the maximum, not the sum. The
 * background picture is enlarged bilinearly first.
 *
 * <p>Output: {@code side x side} floats, row-major, 0 = paper (black), 1 = full ink (white), i.e.
 * MNIST's polarity. Cost: proportional to the area the strokes sweep (about a millisecond for a
 * full drawing at the default 280 x 280).
 */
public final class DrawingRasterizer {

    /** The default raster side: 10 x MNIST's 28, fine enough for the 20x20 box the digit is scaled into. */
    public static final int DEFAULT_SIDE = 280;

    private final int side;

    /** A rasterizer producing {@code side x side} rasters. */
    public DrawingRasterizer(int side) {
        if (side < 8) throw new IllegalArgumentException("raster side must be at least 8, got " + side);
        this.side = side;
    }

    /** The side of the rasters. */
    public int side() {
        return side;
    }

    /** Rasterizes {@code drawing}. */
    public float[] rasterize(Drawing drawing) {
        float[] ink = new float[side * side];
        if (drawing.background() != null) paintBackground(drawing.background(), drawing.backgroundSide(), ink);
        for (Stroke s : drawing.strokes()) paintStroke(s, ink);
        return ink;
    }

    private void paintBackground(float[] picture, int n, float[] ink) {
        double scale = (double) n / side;
        for (int y = 0; y < side; y++) {
            double sy = (y + 0.5) * scale - 0.5;
            int y0 = (int) Math.floor(sy);
            float fy = (float) (sy - y0);
            for (int x = 0; x < side; x++) {
                double sx = (x + 0.5) * scale - 0.5;
                int x0 = (int) Math.floor(sx);
                float fx = (float) (sx - x0);
                float v = (1 - fy) * ((1 - fx) * at(picture, n, x0, y0) + fx * at(picture, n, x0 + 1, y0))
                        + fy * ((1 - fx) * at(picture, n, x0, y0 + 1) + fx * at(picture, n, x0 + 1, y0 + 1));
                ink[y * side + x] = v;
            }
        }
    }

    private static float at(float[] p, int n, int x, int y) {
        x = Math.max(0, Math.min(n - 1, x));
        y = Math.max(0, Math.min(n - 1, y));
        return p[y * n + x];
    }

    private void paintStroke(Stroke s, float[] ink) {
        float r = Math.max(0.5f, s.width() * side / 2);
        if (s.points() == 1) {
            Capsules.paint(ink, side, s.x(0) * side, s.y(0) * side, s.x(0) * side, s.y(0) * side, r);
            return;
        }
        for (int i = 1; i < s.points(); i++) {
            Capsules.paint(ink, side, s.x(i - 1) * side, s.y(i - 1) * side, s.x(i) * side, s.y(i) * side, r);
        }
    }
}

package digitlab.data.preprocess;

/** Draws anti-aliased thick polylines into float canvases (white ink on black) for the tests. */
final class Strokes {

    private Strokes() {
    }

    /** A "7"-like shape in unit coordinates (x right, y down), about 0.6 wide and 1 tall. */
    static final double[][] SEVEN = {{0.0, 0.0}, {0.6, 0.0}, {0.25, 1.0}};
    /** A "4"-like shape drawn as two polylines joined into one path. */
    static final double[][] FOUR = {{0.45, 0.0}, {0.0, 0.65}, {0.6, 0.65}, {0.45, 0.65}, {0.45, 0.0}, {0.45, 1.0}};

    /**
     * Draws {@code shape} scaled by {@code size} at (left, top) with the given pen radius into a new canvas.
     * A pixel's ink is how much of a 1-pixel-wide ramp at the pen's edge it lies inside: clamp(r + 0.5 - d).
     */
    static float[] draw(int width, int height, double[][] shape, double left, double top, double size,
            double radius) {
        float[] canvas = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double px = x + 0.5, py = y + 0.5;
                double d = Double.MAX_VALUE;
                for (int s = 0; s + 1 < shape.length; s++) {
                    d = Math.min(d, segmentDistance(px, py, left + shape[s][0] * size, top + shape[s][1] * size,
                            left + shape[s + 1][0] * size, top + shape[s + 1][1] * size));
                }
                canvas[y * width + x] = (float) Math.max(0, Math.min(1, radius + 0.5 - d));
            }
        }
        return canvas;
    }

    static float[] invert(float[] canvas) {
        float[] r = new float[canvas.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = 1f - canvas[i];
        }
        return r;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px, cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}

package digitlab.data.augment;

/**
 * Strokes many people add to digits that MNIST's writers mostly left bare, drawn onto a 28x28 image (white ink
 * on black) with MNIST's stroke width: the flag and the foot of a 1, the crossbar of a 7. Plain functions of the
 * image and the shape's proportions; the caller draws the proportions at random.
 */
final class HandwritingStyles {

    private static final int SIDE = 28;
    /** The pen's radius: MNIST's strokes are about 2.6 pixels wide. */
    private static final double RADIUS = 1.25;

    private HandwritingStyles() {
    }

    /**
     * A 1's flag, from the top of the stroke down to the left at {@code flagAngle} below horizontal (NaN: no flag),
     * {@code flagLength} of the digit's height long (flatter or longer, it would be a 7's bar); and a foot, a
     * horizontal bar under the stroke {@code footWidth} of the height wide (0: no foot).
     */
    static void flagAndFoot(float[] img, double flagAngle, double flagLength, double footWidth) {
        int[] rows = inkRows(img);
        if (rows == null) return;
        int top = rows[0], bottom = rows[1];
        double h = bottom - top + 1;
        double tx = rowCentre(img, top), bx = rowCentre(img, bottom);
        if (!Double.isNaN(flagAngle)) {
            double len = flagLength * h;
            line(img, tx + 0.5, top + 1.0, tx + 0.5 - len * Math.cos(flagAngle), top + 1.0 + len * Math.sin(flagAngle));
        }
        if (footWidth > 0) {
            double half = footWidth * h / 2;
            line(img, bx + 0.5 - half, bottom, bx + 0.5 + half, bottom);
        }
    }

    /** A 7's crossbar through the stroke at {@code at} of its height, {@code width} of the height wide. */
    static void crossbar(float[] img, double width, double at) {
        int[] rows = inkRows(img);
        if (rows == null) return;
        double h = rows[1] - rows[0] + 1;
        int y = (int) Math.round(rows[0] + at * h);
        double x = rowCentre(img, y);
        line(img, x + 0.5 - width * h / 2, y + 0.5, x + 0.5 + width * h / 2, y + 0.5);
    }

    /** The first and last rows with ink, or null. */
    private static int[] inkRows(float[] img) {
        int top = -1, bottom = -1;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (img[y * SIDE + x] > 0.3f) {
                    if (top < 0) top = y;
                    bottom = y;
                    break;
                }
            }
        }
        return top < 0 ? null : new int[] {top, bottom};
    }

    /** The ink-weighted mean x of a row (pixel index coordinates); the middle when the row is empty. */
    private static double rowCentre(float[] img, int y) {
        double m = 0, mx = 0;
        for (int x = 0; x < SIDE; x++) {
            m += img[y * SIDE + x];
            mx += img[y * SIDE + x] * x;
        }
        return m > 0 ? mx / m : SIDE / 2.0;
    }

    /** Draws a line (coverage falls off over one pixel at the edge), keeping the brighter value. */
    private static void line(float[] img, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double px = x + 0.5, py = y + 0.5;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
                double ex = px - (ax + t * dx), ey = py - (ay + t * dy);
                float v = (float) Math.min(1, RADIUS + 0.5 - Math.sqrt(ex * ex + ey * ey));
                if (v > img[y * SIDE + x]) img[y * SIDE + x] = v;
            }
        }
    }
}

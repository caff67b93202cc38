package digitlab.data.preprocess;

/**
 * Paints round-ended pen segments ("capsules") into a square grey raster: a pixel's ink is its coverage,
 * approximated from the distance {@code d} of its centre to the segment: {@code clamp(r + 0.5 - d, 0, 1)} for a
 * pen of radius {@code r} pixels (an anti-aliased edge one pixel wide). Overlapping strokes take the maximum,
 * not the sum. Shared by the canvas's raster and the 20x20 box strokes are digitised into.
 */
public final class Capsules {

    private Capsules() {
    }

    /**
     * Paints the capsule of radius {@code r} around segment (ax, ay)-(bx, by) into {@code ink}, a
     * {@code side x side} raster, row-major; coordinates in raster pixels (pixel centres at +0.5).
     */
    public static void paint(float[] ink, int side, float ax, float ay, float bx, float by, float r) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r - 1));
        int x1 = Math.min(side - 1, (int) Math.ceil(Math.max(ax, bx) + r + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 1));
        int y1 = Math.min(side - 1, (int) Math.ceil(Math.max(ay, by) + r + 1));
        float dx = bx - ax;
        float dy = by - ay;
        float len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            float py = y + 0.5f;
            for (int x = x0; x <= x1; x++) {
                float px = x + 0.5f;
                // distance from the pixel centre to the segment: project, clamp to the ends
                float t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
                float ex = px - (ax + t * dx);
                float ey = py - (ay + t * dy);
                float cover = r + 0.5f - (float) Math.sqrt(ex * ex + ey * ey);
                if (cover <= 0) continue;
                int i = y * side + x;
                float v = Math.min(1f, cover);
                if (v > ink[i]) ink[i] = v;
            }
        }
    }
}

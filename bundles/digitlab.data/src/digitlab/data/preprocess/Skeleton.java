package digitlab.data.preprocess;

/**
 * Thins a binary image to its one-pixel-wide centre lines with Zhang and Suen's parallel thinning algorithm
 * ("A fast parallel algorithm for thinning digital patterns", CACM 27(3), 1984).
 * <p>
 * Each pass deletes, in two sub-iterations, every ink pixel P1 with 8 neighbours P2..P9 (clockwise from north)
 * for which: 2 &lt;= B(P1) &lt;= 6 (B: ink neighbours), A(P1) = 1 (A: 0-to-1 transitions around the ring), and
 * P2*P4*P6 = 0 and P4*P6*P8 = 0 in the first sub-iteration (south-east boundary), P2*P4*P8 = 0 and
 * P2*P6*P8 = 0 in the second (north-west boundary); until nothing changes. Connectivity is preserved; a line
 * two pixels wide becomes one pixel wide.
 */
final class Skeleton {

    private Skeleton() {
    }

    /**
     * Thins {@code ink} in place.
     *
     * @param ink    {@code width * height} flags, row-major; pixels on the image border are treated as having
     *               background outside
     * @return the number of pixels left
     */
    static int thin(boolean[] ink, int width, int height) {
        boolean[] delete = new boolean[ink.length];
        boolean changed = true;
        while (changed) {
            changed = subIteration(ink, delete, width, height, true);
            changed |= subIteration(ink, delete, width, height, false);
        }
        int left = 0;
        for (boolean b : ink) {
            if (b) left++;
        }
        return left;
    }

    private static boolean subIteration(boolean[] ink, boolean[] delete, int w, int h, boolean first) {
        boolean any = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                delete[y * w + x] = false;
                if (!ink[y * w + x]) continue;
                // the ring P2..P9, clockwise from north
                boolean p2 = at(ink, w, h, x, y - 1), p3 = at(ink, w, h, x + 1, y - 1);
                boolean p4 = at(ink, w, h, x + 1, y), p5 = at(ink, w, h, x + 1, y + 1);
                boolean p6 = at(ink, w, h, x, y + 1), p7 = at(ink, w, h, x - 1, y + 1);
                boolean p8 = at(ink, w, h, x - 1, y), p9 = at(ink, w, h, x - 1, y - 1);
                int b = n(p2) + n(p3) + n(p4) + n(p5) + n(p6) + n(p7) + n(p8) + n(p9);
                if (b < 2 || b > 6) continue;
                int a = up(p2, p3) + up(p3, p4) + up(p4, p5) + up(p5, p6) + up(p6, p7) + up(p7, p8) + up(p8, p9)
                        + up(p9, p2);
                if (a != 1) continue;
                boolean keep = first ? (p2 && p4 && p6) || (p4 && p6 && p8) : (p2 && p4 && p8) || (p2 && p6 && p8);
                if (keep) continue;
                delete[y * w + x] = true;
                any = true;
            }
        }
        if (any) {
            for (int i = 0; i < ink.length; i++) {
                if (delete[i]) ink[i] = false;
            }
        }
        return any;
    }

    private static boolean at(boolean[] ink, int w, int h, int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && ink[y * w + x];
    }

    private static int n(boolean b) {
        return b ? 1 : 0;
    }

    private static int up(boolean from, boolean to) {
        return !from && to ? 1 : 0;
    }
}

package digitlab.data.preprocess;

/** Grey-level dilation and erosion of an image by a disc, for changing the width of strokes. */
final class Morphology {

    private Morphology() {
    }

    /**
     * The image dilated (each pixel the maximum over the disc around it: strokes 2r pixels wider) or eroded
     * (the minimum: 2r narrower). Outside the image counts as background (0).
     *
     * @param r the disc's radius in pixels, at least 1
     * @return a new image
     */
    static float[] disc(float[] img, int width, int height, int r, boolean dilate) {
        float[] out = new float[img.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float best = dilate ? 0f : 1f;
                for (int j = -r; j <= r; j++) {
                    int yy = y + j;
                    for (int i = -r; i <= r; i++) {
                        if (i * i + j * j > r * r + r) continue; // a disc, not a square
                        int xx = x + i;
                        float v = xx < 0 || yy < 0 || xx >= width || yy >= height ? 0f : img[yy * width + xx];
                        best = dilate ? Math.max(best, v) : Math.min(best, v);
                    }
                }
                out[y * width + x] = best;
            }
        }
        return out;
    }
}

package @@ID@@;

import digitlab.data.ImageSet;
import digitlab.data.preprocess.DigitPreprocessor;
import digitlab.data.preprocess.PreprocessedDigit;
import java.util.Optional;
import java.util.Random;

/**
 * Seven-segment digits as 28x28 images in MNIST's form. Each digit lights some of the segments
 * <pre>
 *    aaa        segment ends in a 1 x 2 box: a (0,0)-(1,0), b (1,0)-(1,1), c (1,1)-(1,2), d (0,2)-(1,2),
 *   f   b       e (0,1)-(0,2), f (0,0)-(0,1), g (0,1)-(1,1)
 *    ggg
 *   e   c
 *    ddd
 * </pre>
 * drawn on a {@value #CANVAS}x{@value #CANVAS} canvas with a random width (0.5-1 of the height), slant (-0.3 to
 * 0.3), stroke (1.5-3.5 pixels) and end points moved by up to 6 % of the height, anti-aliased by the distance to
 * the nearest segment; then {@link DigitPreprocessor} scales and centres the ink as the lab does for drawings.
 * Labels go round 0-9 (in steps of 7), so every class is equally frequent. Deterministic: the same count and seed give the same images.
 */
public final class @@CLASS@@Digits {

    /** The drawing canvas's side in pixels. */
    static final int CANVAS = 40;
    /** Segments a-g as x0, y0, x1, y1 in the 1 x 2 box. */
    private static final float[][] SEGMENTS = {
        {0, 0, 1, 0}, {1, 0, 1, 1}, {1, 1, 1, 2}, {0, 2, 1, 2}, {0, 1, 0, 2}, {0, 0, 0, 1}, {0, 1, 1, 1}};
    /** The lit segments of 0-9. */
    private static final String[] LIT = {"abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"};

    private @@CLASS@@Digits() {
    }

    /** {@code count} digits drawn from {@code seed}, with labels 0-9 equally often. */
    public static ImageSet images(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        DigitPreprocessor preprocessor = new DigitPreprocessor();
        for (int i = 0; i < count; i++) {
            int label = Math.floorMod(i * 7 + (int) (seed % 10), 10); // 7 is coprime to 10: every label in turn
            labels[i] = (byte) label;
            Optional<PreprocessedDigit> digit = preprocessor.process(draw(label, random), CANVAS, CANVAS);
            // a digit always has ink; the preprocessor's form is MNIST's
            System.arraycopy(digit.orElseThrow().toBytes(), 0, pixels, i * 784, 784);
        }
        return ImageSet.of(28, 28, 10, pixels, labels);
    }

    /** One digit on the canvas: 0 background, up to 1 ink. */
    static float[] draw(int digit, Random random) {
        float height = CANVAS * (0.5f + 0.2f * random.nextFloat());
        float width = height / 2 * (0.5f + 0.5f * random.nextFloat());
        float slant = (random.nextFloat() - 0.5f) * 0.6f;
        float stroke = 1.5f + 2f * random.nextFloat();
        float left = (CANVAS - width) / 2, top = (CANVAS - height) / 2;
        float wobble = 0.06f * height;
        String lit = LIT[digit];
        float[][] lines = new float[lit.length()][];
        for (int s = 0; s < lit.length(); s++) {
            float[] seg = SEGMENTS[lit.charAt(s) - 'a'];
            lines[s] = new float[4];
            for (int end = 0; end < 2; end++) {
                float bx = seg[2 * end], by = seg[2 * end + 1];
                float y = top + by / 2 * height + wobble * (random.nextFloat() - 0.5f);
                float x = left + bx * width + slant * (CANVAS / 2f - y) + wobble * (random.nextFloat() - 0.5f);
                lines[s][2 * end] = x;
                lines[s][2 * end + 1] = y;
            }
        }
        float[] gray = new float[CANVAS * CANVAS];
        for (int py = 0; py < CANVAS; py++) {
            for (int px = 0; px < CANVAS; px++) {
                float d = Float.MAX_VALUE;
                for (float[] l : lines) d = Math.min(d, distance(px + 0.5f, py + 0.5f, l));
                gray[py * CANVAS + px] = Math.clamp(stroke / 2 - d + 0.5f, 0f, 1f);
            }
        }
        return gray;
    }

    /** The distance from (x, y) to the segment l = (x0, y0, x1, y1). */
    private static float distance(float x, float y, float[] l) {
        float dx = l[2] - l[0], dy = l[3] - l[1];
        float t = Math.clamp(((x - l[0]) * dx + (y - l[1]) * dy) / (dx * dx + dy * dy), 0f, 1f);
        float ex = l[0] + t * dx - x, ey = l[1] + t * dy - y;
        return (float) Math.sqrt(ex * ex + ey * ey);
    }
}

package digitlab.train.tests;

import digitlab.data.preprocess.DigitPreprocessor;
import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.train.mydrawings.PenStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up person's handwriting for the tests of My drawings and fine-tuning: one stroke template per
 * digit with the quirks MNIST's writers rarely have (a slashed 0, a 1 with a long flag and a base, a 7 with a
 * crossbar, a flat-topped 3, a 2 with a loop, a 9 with a straight stem ...), drawn each time with a
 * different slant, size, position, pen width and a wobble of every point, as a canvas would record it,
 * then rasterised at the canvas's 280x280 and brought into MNIST's form by the lab's preprocessing.
 */
final class Handwriting {

    /** Stroke templates per digit: polylines as x0, y0, x1, y1, ... in the unit square (y down). */
    private static final float[][][] TEMPLATES = {
        {ellipse(0.5f, 0.5f, 0.2f, 0.34f, 18), {0.32f, 0.86f, 0.68f, 0.14f}},
        {{0.3f, 0.36f, 0.56f, 0.12f, 0.56f, 0.88f}, {0.36f, 0.88f, 0.76f, 0.88f}},
        {{0.28f, 0.18f, 0.72f, 0.18f, 0.28f, 0.85f, 0.74f, 0.85f}, {0.36f, 0.52f, 0.64f, 0.5f}},
        {{0.3f, 0.15f, 0.7f, 0.15f, 0.46f, 0.42f, 0.6f, 0.45f, 0.7f, 0.58f, 0.68f, 0.73f, 0.55f, 0.85f, 0.4f, 0.87f,
            0.28f, 0.8f}},
        {{0.3f, 0.14f, 0.3f, 0.45f, 0.36f, 0.55f, 0.5f, 0.58f, 0.7f, 0.52f}, {0.7f, 0.12f, 0.7f, 0.9f}},
        {{0.7f, 0.15f, 0.36f, 0.15f, 0.33f, 0.46f, 0.5f, 0.4f, 0.65f, 0.48f, 0.7f, 0.63f, 0.62f, 0.8f, 0.45f, 0.87f,
            0.3f, 0.8f}},
        {{0.66f, 0.14f, 0.46f, 0.28f, 0.34f, 0.52f, 0.34f, 0.74f, 0.48f, 0.87f, 0.64f, 0.8f, 0.67f, 0.62f, 0.52f, 0.52f,
            0.36f, 0.62f}},
        {{0.26f, 0.15f, 0.74f, 0.15f, 0.44f, 0.88f}, {0.36f, 0.5f, 0.68f, 0.5f}},
        {{0.5f, 0.5f, 0.35f, 0.38f, 0.37f, 0.2f, 0.5f, 0.13f, 0.63f, 0.2f, 0.65f, 0.37f, 0.5f, 0.5f, 0.32f, 0.63f,
            0.34f, 0.82f, 0.5f, 0.89f, 0.66f, 0.82f, 0.68f, 0.63f, 0.5f, 0.5f}},
        {{0.66f, 0.3f, 0.56f, 0.15f, 0.4f, 0.16f, 0.32f, 0.3f, 0.4f, 0.44f, 0.56f, 0.45f, 0.66f, 0.34f},
            {0.66f, 0.16f, 0.66f, 0.9f}},
    };

    /** The canvas's raster side and pen width (a fraction of the side). */
    static final int SIDE = 280;
    static final float PEN = 0.075f;

    private final Random random;

    Handwriting(long seed) {
        random = new Random(seed);
    }

    /** One drawing: its strokes and its 28x28 image. */
    record Sample(int label, List<PenStroke> strokes, float[] image) {
    }

    /** A new drawing of {@code digit}. */
    Sample draw(int digit) {
        double angle = Math.toRadians(gauss(6));
        double slant = gauss(0.12);
        double scale = 0.75 + 0.3 * random.nextDouble();
        double dx = gauss(0.04);
        double dy = gauss(0.04);
        float pen = (float) (PEN * (0.8 + 0.4 * random.nextDouble()));
        List<PenStroke> strokes = new ArrayList<>();
        for (float[] t : TEMPLATES[digit]) {
            float[] xy = new float[t.length];
            for (int i = 0; i < t.length; i += 2) {
                double x = t[i] - 0.5 + gauss(0.012);
                double y = t[i + 1] - 0.5 + gauss(0.012);
                x += slant * -y;
                double rx = x * Math.cos(angle) - y * Math.sin(angle);
                double ry = x * Math.sin(angle) + y * Math.cos(angle);
                xy[i] = clamp(0.5 + dx + scale * rx);
                xy[i + 1] = clamp(0.5 + dy + scale * ry);
            }
            strokes.add(new PenStroke(xy, pen));
        }
        float[] raster = rasterize(strokes);
        PreprocessedDigit d = new DigitPreprocessor().process(raster, SIDE, SIDE).orElseThrow();
        return new Sample(digit, strokes, d.pixels());
    }

    private double gauss(double sd) {
        return random.nextGaussian() * sd;
    }

    private static float clamp(double v) {
        return (float) Math.max(0.02, Math.min(0.98, v));
    }

    private static float[] ellipse(float cx, float cy, float rx, float ry, int n) {
        float[] xy = new float[2 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            xy[2 * i] = (float) (cx + rx * Math.cos(a));
            xy[2 * i + 1] = (float) (cy + ry * Math.sin(a));
        }
        return xy;
    }

    /** Ink (0..1) of the strokes at SIDE x SIDE: round-capped segments of the pen's width, anti-aliased by distance. */
    static float[] rasterize(List<PenStroke> strokes) {
        float[] ink = new float[SIDE * SIDE];
        for (PenStroke s : strokes) {
            float[] p = s.xy();
            float r = s.width() * SIDE / 2;
            for (int i = 0; i + 3 < p.length || i == 0; i += 2) {
                float ax = p[i] * SIDE, ay = p[i + 1] * SIDE;
                float bx = i + 3 < p.length ? p[i + 2] * SIDE : ax, by = i + 3 < p.length ? p[i + 3] * SIDE : ay;
                int x0 = Math.max(0, (int) (Math.min(ax, bx) - r - 1)), x1 = Math.min(SIDE - 1, (int) (Math.max(ax, bx) + r + 1));
                int y0 = Math.max(0, (int) (Math.min(ay, by) - r - 1)), y1 = Math.min(SIDE - 1, (int) (Math.max(ay, by) + r + 1));
                float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        float px = x + 0.5f, py = y + 0.5f;
                        float t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
                        float ex = px - (ax + t * dx), ey = py - (ay + t * dy);
                        float v = Math.min(1f, r + 0.5f - (float) Math.sqrt(ex * ex + ey * ey));
                        if (v > ink[y * SIDE + x]) ink[y * SIDE + x] = v;
                    }
                }
                if (p.length == 2) break;
            }
        }
        return ink;
    }
}

package digitlab.data.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Stroke-aware digitising: canvas strokes drawn straight into the 20x20 box with MNIST's pen
 * ({@link StrokeDigitizer}), and images with their stroke width normalised ({@link StrokeWidthNormalizer}).
 */
class StrokeDigitizingTest {

    /** A 3 as two arcs, in a unit box (y down). */
    private static List<float[]> three() {
        List<float[]> s = new ArrayList<>();
        s.add(arc(0.45, 0.27, 0.3, 0.25, 200, 450));
        s.add(arc(0.45, 0.73, 0.33, 0.25, 270, 520));
        return s;
    }

    private static float[] arc(double cx, double cy, double rx, double ry, double a0, double a1) {
        int n = (int) Math.ceil(Math.abs(a1 - a0) / 5) + 1;
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double a = Math.toRadians(a0 + (a1 - a0) * i / (n - 1));
            p[2 * i] = (float) (cx + rx * Math.cos(a));
            p[2 * i + 1] = (float) (cy + ry * Math.sin(a));
        }
        return p;
    }

    /** The strokes scaled by {@code size} and moved to (left, top), in canvas coordinates 0..1. */
    private static List<float[]> placed(List<float[]> strokes, float size, float left, float top) {
        List<float[]> out = new ArrayList<>();
        for (float[] s : strokes) {
            float[] p = new float[s.length];
            for (int i = 0; i < s.length; i += 2) {
                p[i] = left + s[i] * size;
                p[i + 1] = top + s[i + 1] * size;
            }
            out.add(p);
        }
        return out;
    }

    private static float maxDifference(PreprocessedDigit a, PreprocessedDigit b) {
        float d = 0;
        for (int i = 0; i < 784; i++) d = Math.max(d, Math.abs(a.pixels()[i] - b.pixels()[i]));
        return d;
    }

    /** Sum of |a - b| over the pixels divided by the sum of a: 0 same, 2 disjoint. */
    private static double relativeL1(PreprocessedDigit a, PreprocessedDigit b) {
        double diff = 0, mass = 0;
        float[] pa = a.pixels(), pb = b.pixels();
        for (int i = 0; i < 784; i++) {
            diff += Math.abs(pa[i] - pb[i]);
            mass += pa[i];
        }
        return diff / mass;
    }

    @Test
    void theSameStrokesTinyAndHugeGiveTheSameImage() {
        StrokeDigitizer d = new StrokeDigitizer();
        PreprocessedDigit tiny = d.digitize(placed(three(), 0.06f, 0.85f, 0.05f), 280, 0.075f).orElseThrow();
        PreprocessedDigit huge = d.digitize(placed(three(), 0.96f, 0.02f, 0.02f), 280, 0.075f).orElseThrow();
        // Tolerance: the geometry is the same up to float rounding of the coordinates (a tiny drawing's points
        // are 1e-7 apart relative to its size); 1e-3 of full ink on every pixel.
        assertTrue(maxDifference(tiny, huge) < 1e-3, "max pixel difference " + maxDifference(tiny, huge));
    }

    @Test
    void thePenTheUserDrewWithDoesNotMatterForStrokes() {
        StrokeDigitizer d = new StrokeDigitizer();
        PreprocessedDigit thin = d.digitize(placed(three(), 0.5f, 0.2f, 0.2f), 280, 0.01f).orElseThrow();
        PreprocessedDigit thick = d.digitize(placed(three(), 0.5f, 0.2f, 0.2f), 280, 0.2f).orElseThrow();
        assertEquals(0f, maxDifference(thin, thick));
    }

    @Test
    void strokesAreDrawnWithMnistsPenInTheTwentyPixelBox() {
        PreprocessedDigit d = new StrokeDigitizer().digitize(placed(three(), 0.5f, 0.2f, 0.2f), 280, 0.05f).orElseThrow();
        double width = StrokeWidthNormalizer.strokeWidth(d.pixels(), 28, 28);
        assertEquals(PenRenderer.MNIST_STROKE_WIDTH, width, 0.6, "stroke width in the 28x28 image");
        int[] box = box(d);
        assertEquals(20, Math.max(box[2] - box[0] + 1, box[3] - box[1] + 1), 1, "longer side of the ink");
        assertEquals(14, d.centreX(), 0.5);
        assertEquals(14, d.centreY(), 0.5);
    }

    @Test
    void aSingleTapIsADotNotNothing() {
        Optional<PreprocessedDigit> d = new StrokeDigitizer().digitize(List.of(new float[] {0.5f, 0.5f}), 280, 0.05f);
        assertTrue(d.isPresent());
        assertTrue(new StrokeDigitizer().digitize(List.of(), 280, 0.05f).isEmpty());
        assertTrue(new StrokeDigitizer().digitize(List.of(new float[0]), 280, 0.05f).isEmpty());
    }

    @Test
    void badStrokesAreRefusedByName() {
        StrokeDigitizer d = new StrokeDigitizer();
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> d.digitize(List.of(new float[] {0.1f, 0.2f, 0.3f}), 280, 0.05f));
        assertTrue(odd.getMessage().contains("odd number"), odd.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> d.digitize(List.of(new float[] {0.1f, Float.NaN}), 280, 0.05f));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    }

    /** An image of the 3 drawn with a pen of {@code pen} pixels on a {@code side} canvas, dark on light. */
    private static BufferedImage image(int side, float pen) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (float[] s : placed(three(), 0.6f * side, 0.2f * side, 0.2f * side)) {
            Path2D.Float p = new Path2D.Float();
            p.moveTo(s[0], s[1]);
            for (int i = 2; i < s.length; i += 2) p.lineTo(s[i], s[i + 1]);
            g.draw(p);
        }
        g.dispose();
        return img;
    }

    @Test
    void thinAndThickPensGiveSimilarImages() {
        StrokeWidthNormalizer n = new StrokeWidthNormalizer();
        DigitPreprocessor plain = new DigitPreprocessor();
        PreprocessedDigit thin = n.fromImage(image(280, 3)).orElseThrow();
        PreprocessedDigit thick = n.fromImage(image(280, 30)).orElseThrow();
        double normalised = relativeL1(thin, thick);
        double unnormalised = relativeL1(plain.fromImage(image(280, 3)).orElseThrow(),
                plain.fromImage(image(280, 30)).orElseThrow());
        // Tolerance: relative L1 difference (0 same, 2 disjoint). A 3 px and a 30 px pen on 280 px: the plain
        // pictures differ by about 2.6 (the thick one holds several times the ink); normalised, by about 0.5
        // (the shapes differ where the thick pen rounded the corners and closed in the curves).
        assertTrue(unnormalised > 1.5, "plain preprocessing: " + unnormalised);
        assertTrue(normalised < 0.6 && normalised < unnormalised / 4,
                "normalised: " + normalised + " (plain: " + unnormalised + ")");
        // Both within the stroke widths MNIST's own digits have (its 10th to 90th percentile), give or take the
        // 0.4 pixel that one step of erosion or dilation on the work grid is worth in the 28x28 image
        double low = StrokeWidthNormalizer.MNIST_LOW * PenRenderer.MNIST_STROKE_WIDTH - 0.4;
        double high = StrokeWidthNormalizer.MNIST_HIGH * PenRenderer.MNIST_STROKE_WIDTH + 0.4;
        for (PreprocessedDigit d : List.of(thin, thick)) {
            double width = StrokeWidthNormalizer.strokeWidth(d.pixels(), 28, 28);
            assertTrue(width >= low && width <= high, "stroke width after normalising: " + width);
        }
        PreprocessedDigit hair = n.fromImage(image(280, 1)).orElseThrow(), marker = n.fromImage(image(280, 45)).orElseThrow();
        for (PreprocessedDigit d : List.of(hair, marker)) {
            double width = StrokeWidthNormalizer.strokeWidth(d.pixels(), 28, 28);
            assertTrue(width >= low && width <= high, "a 1 px and a 45 px pen: " + width);
        }
    }

    @Test
    void coarseImagesAreDigitisedAsTheyAre() {
        // an 8x8 digit has no stroke width to speak of: the plain preprocessing's picture
        float[] gray = new float[64];
        for (int y = 1; y < 7; y++) gray[y * 8 + 4] = 1f;
        PreprocessedDigit n = new StrokeWidthNormalizer().process(gray, 8, 8).orElseThrow();
        PreprocessedDigit p = new DigitPreprocessor().process(gray, 8, 8).orElseThrow();
        assertEquals(0f, maxDifference(n, p));
    }

    @Test
    void aBlankImageIsNothingDrawn() {
        assertTrue(new StrokeWidthNormalizer().process(new float[100 * 100], 100, 100).isEmpty());
    }

    @Test
    void thinningLeavesOnePixelWideLines() {
        // a bar 5 pixels thick becomes a line 1 pixel thick, as long as the bar less its rounded ends
        boolean[] bar = new boolean[30 * 11];
        for (int y = 3; y < 8; y++) for (int x = 2; x < 28; x++) bar[y * 30 + x] = true;
        int left = Skeleton.thin(bar, 30, 11);
        assertTrue(left >= 20 && left <= 26, "skeleton pixels: " + left);
        for (int x = 0; x < 30; x++) {
            int column = 0;
            for (int y = 0; y < 11; y++) if (bar[y * 30 + x]) column++;
            assertTrue(column <= 1, "column " + x + " has " + column + " pixels");
        }
    }

    private static int[] box(PreprocessedDigit d) {
        int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (d.pixel(x, y) > 0.05f) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }
}

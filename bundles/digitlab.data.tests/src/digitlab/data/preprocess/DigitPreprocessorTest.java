package digitlab.data.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitPreprocessorTest {

    private final DigitPreprocessor pre = new DigitPreprocessor();

    @TempDir
    Path dir;

    private PreprocessedDigit process(float[] canvas, int w, int h) {
        return pre.process(canvas, w, h).orElseThrow(() -> new AssertionError("expected ink"));
    }

    /** Bounding box of the output's ink: {x0, y0, x1, y1}, inclusive. */
    private static int[] outputBox(PreprocessedDigit d) {
        int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (d.pixel(x, y) > 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }

    /** Checks the MNIST form: range [0,1] with peak 1, longer side 20, centre of mass within half a pixel. */
    private static void assertMnistForm(PreprocessedDigit d) {
        float peak = 0;
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = d.pixel(x, y);
                assertTrue(v >= 0 && v <= 1, "pixel " + x + "," + y + " = " + v);
                peak = Math.max(peak, v);
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        assertEquals(1f, peak, 1e-6f);
        int[] b = outputBox(d);
        assertEquals(20, Math.max(b[2] - b[0] + 1, b[3] - b[1] + 1), "the longer side fills the 20x20 box");
        assertTrue(b[2] - b[0] + 1 <= 20 && b[3] - b[1] + 1 <= 20);
        assertEquals(14, mx / mass, 0.5 + 1e-9);
        assertEquals(14, my / mass, 0.5 + 1e-9);
        assertEquals(mx / mass, d.centreX(), 1e-4);
        assertEquals(my / mass, d.centreY(), 1e-4);
    }

    @Test
    void centredAndOffCentreCopiesGiveTheSameImage() {
        float[] centred = Strokes.draw(300, 300, Strokes.SEVEN, 90, 50, 200, 9);
        float[] offCentre = Strokes.draw(300, 300, Strokes.SEVEN, 12, 70, 200, 9);
        PreprocessedDigit a = process(centred, 300, 300);
        PreprocessedDigit b = process(offCentre, 300, 300);
        assertArrayEquals(a.pixels(), b.pixels(), 0f);
        assertEquals(a.inkBox().width(), b.inkBox().width());
        assertEquals(a.inkBox().x() - 78, b.inkBox().x());
        assertMnistForm(a);
    }

    @Test
    void tinyAndHugeDrawingsAreScaledInto20x20() {
        PreprocessedDigit tiny = process(Strokes.draw(40, 30, Strokes.FOUR, 15, 10, 8, 0.7), 40, 30);
        PreprocessedDigit huge = process(Strokes.draw(1400, 1500, Strokes.FOUR, 100, 60, 1300, 40), 1400, 1500);
        assertTrue(tiny.scale() > 1.5, "enlarged: " + tiny.scale());
        assertTrue(huge.scale() < 0.02, "shrunk: " + huge.scale());
        assertMnistForm(tiny);
        assertMnistForm(huge);
        // the same shape: the two results look alike even though one was enlarged and one shrunk 60-fold
        assertEquals(0, meanAbsoluteDifference(tiny, huge), 0.08);
    }

    @Test
    void aspectRatioIsKept() {
        // a horizontal bar 200 x 20 pixels: 20 x 2 after scaling
        float[] canvas = new float[300 * 100];
        for (int y = 40; y < 60; y++) {
            for (int x = 50; x < 250; x++) {
                canvas[y * 300 + x] = 1f;
            }
        }
        PreprocessedDigit d = process(canvas, 300, 100);
        int[] b = outputBox(d);
        assertEquals(20, b[2] - b[0] + 1);
        assertEquals(2, b[3] - b[1] + 1);
        assertEquals(1f, d.pixel(10, 14));
        assertEquals(new InkBox(50, 40, 200, 20), d.inkBox());
        assertEquals(0.1, d.scale(), 1e-12);
    }

    @Test
    void invertedPolarityGivesTheSameResult() {
        float[] light = Strokes.draw(200, 240, Strokes.FOUR, 30, 20, 170, 8);
        PreprocessedDigit a = process(light, 200, 240);
        PreprocessedDigit b = process(Strokes.invert(light), 200, 240);
        assertFalse(a.inverted());
        assertTrue(b.inverted());
        assertArrayEquals(a.pixels(), b.pixels(), 1e-5f);
    }

    @Test
    void greyPaperAndFaintInkAreNormalised() {
        // dark-grey ink (0.35) on light-grey paper (0.8): the contrast is stretched to MNIST's 0..1
        float[] ink = Strokes.draw(120, 120, Strokes.SEVEN, 30, 10, 100, 5);
        float[] paper = new float[ink.length];
        for (int i = 0; i < ink.length; i++) {
            paper[i] = 0.8f - 0.45f * ink[i];
        }
        PreprocessedDigit a = process(ink, 120, 120);
        PreprocessedDigit b = process(paper, 120, 120);
        assertTrue(b.inverted());
        assertArrayEquals(a.pixels(), b.pixels(), 1e-3f);
    }

    @Test
    void emptyCanvasIsNothingDrawn() {
        assertEquals(Optional.empty(), pre.process(new float[280 * 280], 280, 280));
        float[] white = new float[100 * 50];
        java.util.Arrays.fill(white, 1f);
        assertEquals(Optional.empty(), pre.process(white, 100, 50));
        // speckles below the contrast that counts as ink
        float[] faint = new float[64 * 64];
        faint[64 * 30 + 30] = 0.05f;
        faint[64 * 10 + 50] = 0.08f;
        assertEquals(Optional.empty(), pre.process(faint, 64, 64));
        assertEquals(Optional.empty(), pre.process(new byte[9], 3, 3));
        // while a single clear dot is a (strange) drawing, not nothing
        faint[64 * 20 + 20] = 0.5f;
        assertTrue(pre.process(faint, 64, 64).isPresent());
    }

    @Test
    void bytesAndFloatsAgree() {
        float[] f = Strokes.draw(90, 90, Strokes.SEVEN, 20, 5, 80, 4);
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = (byte) Math.round(f[i] * 255);
            f[i] = (b[i] & 0xFF) / 255f;
        }
        assertArrayEquals(process(f, 90, 90).pixels(), pre.process(b, 90, 90).orElseThrow().pixels(), 1e-6f);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("a 10x10 drawing has 100 pixels but 99 values were given",
                assertThrows(IllegalArgumentException.class, () -> pre.process(new float[99], 10, 10)).getMessage());
        assertEquals("drawing size must be positive, got 0x5",
                assertThrows(IllegalArgumentException.class, () -> pre.process(new byte[0], 0, 5)).getMessage());
        float[] nan = new float[16];
        nan[6] = Float.NaN;
        assertEquals("pixel (2,1) is NaN",
                assertThrows(IllegalArgumentException.class, () -> pre.process(nan, 4, 4)).getMessage());
    }

    /** Draws a 7 with Java2D: dark strokes on transparent, on white, and light strokes on black. */
    private static BufferedImage drawSeven(int type, Color paper, Color ink) {
        BufferedImage img = new BufferedImage(160, 160, type);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (paper != null) {
            g.setColor(paper);
            g.fillRect(0, 0, 160, 160);
        }
        g.setColor(ink);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {40, 120, 70}, new int[] {20, 20, 140}, 3);
        g.dispose();
        return img;
    }

    @Test
    void imagesOfEitherPolarityAndTransparencyAgree() {
        PreprocessedDigit onWhite = pre.fromImage(drawSeven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK))
                .orElseThrow();
        PreprocessedDigit onBlack = pre.fromImage(drawSeven(BufferedImage.TYPE_BYTE_GRAY, Color.BLACK, Color.WHITE))
                .orElseThrow();
        PreprocessedDigit onGlass = pre.fromImage(drawSeven(BufferedImage.TYPE_INT_ARGB, null, Color.BLUE.darker()))
                .orElseThrow();
        assertTrue(onWhite.inverted());
        assertFalse(onBlack.inverted());
        assertTrue(onGlass.inverted(), "dark strokes on transparency are laid over white paper");
        assertEquals(0, meanAbsoluteDifference(onWhite, onBlack), 0.01);
        assertEquals(0, meanAbsoluteDifference(onWhite, onGlass), 0.02);
        assertMnistForm(onWhite);
        assertEquals(Optional.empty(),
                pre.fromImage(new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB)), "all transparent");
    }

    @Test
    void pngFilesAreReadAndBadFilesNamed() throws IOException {
        Path png = dir.resolve("seven.png");
        ImageIO.write(drawSeven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), "png", png.toFile());
        assertMnistForm(pre.fromFile(png).orElseThrow());

        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertEquals(text + ": not an image format that can be read here (use PNG, JPEG, GIF or BMP)",
                assertThrows(IOException.class, () -> pre.fromFile(text)).getMessage());
        Path missing = dir.resolve("missing.png");
        assertEquals(missing + ": no such file",
                assertThrows(IOException.class, () -> pre.fromFile(missing)).getMessage());
        assertEquals(dir + ": is a folder, not an image",
                assertThrows(IOException.class, () -> pre.fromFile(dir)).getMessage());
        Path huge = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(9000, 8000, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile());
        assertEquals(huge + ": the image is 9000x8000 pixels; drawings of up to 64 million pixels are accepted",
                assertThrows(IOException.class, () -> pre.fromFile(huge)).getMessage());
        byte[] bytes = Files.readAllBytes(png);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String msg = assertThrows(IOException.class, () -> pre.fromFile(cut)).getMessage();
        assertTrue(msg.startsWith(cut + ": "), msg);
    }

    private static double meanAbsoluteDifference(PreprocessedDigit a, PreprocessedDigit b) {
        double sum = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                sum += Math.abs(a.pixel(x, y) - b.pixel(x, y));
            }
        }
        return sum / 784;
    }
}

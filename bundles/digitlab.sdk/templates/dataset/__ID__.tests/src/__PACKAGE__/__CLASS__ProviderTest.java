package @@ID@@;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dataset loads in MNIST's form, with its sizes, all classes, and the same images at every load. */
class @@CLASS@@ProviderTest {

    @Test
    void itLoadsInMnistsFormWithEveryClass() {
        Dataset d = new @@CLASS@@Provider().load();
        assertEquals(@@CLASS@@Provider.ID, d.id());
        ImageSet train = d.part(Split.TRAIN), validation = d.part(Split.VALIDATION), test = d.part(Split.TEST);
        assertEquals(@@CLASS@@Provider.TRAINING_FILE - @@CLASS@@Provider.VALIDATION, train.size());
        assertEquals(@@CLASS@@Provider.VALIDATION, validation.size());
        assertEquals(@@CLASS@@Provider.TEST, test.size());
        assertEquals(28, test.width());
        assertEquals(28, test.height());
        for (int c : test.classCounts()) assertEquals(@@CLASS@@Provider.TEST / 10, c, "every class equally often");
        for (int i = 0; i < test.size(); i++) {
            int peak = 0, ink = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    peak = Math.max(peak, test.pixel(i, x, y));
                    if (test.pixel(i, x, y) > 128) ink++;
                    if (x < 2 || x > 25) assertEquals(0, test.pixel(i, x, y), "image " + i + ": the border stays empty");
                }
            }
            assertTrue(peak >= 200, "image " + i + " has strokes");
            assertTrue(ink >= 20 && ink <= 400, "image " + i + ": " + ink + " ink pixels");
        }
    }

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherOneOthers() {
        ImageSet a = @@CLASS@@Digits.images(50, 1), b = @@CLASS@@Digits.images(50, 1), c = @@CLASS@@Digits.images(50, 3);
        byte[] pa = new byte[784], pb = new byte[784], pc = new byte[784];
        int differ = 0;
        for (int i = 0; i < 50; i++) {
            a.copyPixels(i, pa, 0);
            b.copyPixels(i, pb, 0);
            c.copyPixels(i, pc, 0);
            assertArrayEquals(pa, pb, "image " + i);
            if (!java.util.Arrays.equals(pa, pc)) differ++;
        }
        assertEquals(50, differ);
    }

    @Test
    void aOneLightsFewerPixelsThanAnEight() {
        // segment b+c against all seven: the drawing follows the segment table
        float[] one = @@CLASS@@Digits.draw(1, new Random(5)), eight = @@CLASS@@Digits.draw(8, new Random(5));
        assertTrue(sum(one) * 2 < sum(eight), "ink of a 1: " + sum(one) + ", of an 8: " + sum(eight));
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) s += x;
        return s;
    }
}

package digitlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The drawn-style augmentation: reproducible, in MNIST's form, and doing what each part says. */
class DrawnStyleAugmenterTest {

    /** A vertical bar (a plain 1) in a 28x28 image, 3 pixels wide, rows 4..23. */
    private static float[] one() {
        float[] img = new float[784];
        for (int y = 4; y < 24; y++) for (int x = 13; x < 16; x++) img[y * 28 + x] = 1f;
        return img;
    }

    /** A ring (a 0). */
    private static float[] zero() {
        float[] img = new float[784];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double d = Math.hypot((x + 0.5 - 14) / 6.0, (y + 0.5 - 14) / 9.0);
                if (d > 0.75 && d < 1.05) img[y * 28 + x] = 1f;
            }
        }
        return img;
    }

    private static DrawnStyleAugmenter.Config only(double thicker, double thinner, double lowRes) {
        return new DrawnStyleAugmenter.Config(0, 12, 0.4, 1.25, 30, 4, thicker, thinner, lowRes, 7, 16);
    }

    private static double mass(float[] img) {
        double m = 0;
        for (float v : img) m += v;
        return m;
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedAnother() {
        DrawnStyleAugmenter a = new DrawnStyleAugmenter(DrawnStyleAugmenter.Config.DRAWN);
        float[] x = new float[784], y = new float[784], z = new float[784];
        a.augment(zero(), 0, x, 0, 7, 0);
        new DrawnStyleAugmenter(DrawnStyleAugmenter.Config.DRAWN).augment(zero(), 0, y, 0, 7, 0);
        assertArrayEquals(x, y);
        boolean differs = false;
        for (long seed = 8; seed < 12 && !differs; seed++) {
            a.augment(zero(), 0, z, 0, seed, 0);
            differs = !Arrays.equals(x, z);
        }
        assertTrue(differs);
    }

    @Test
    void everyDistortedImageIsInMnistsForm() {
        DrawnStyleAugmenter a = new DrawnStyleAugmenter(only(0.3, 0.3, 0.3));
        float[] out = new float[784];
        for (long seed = 0; seed < 200; seed++) {
            a.augment(zero(), 0, out, 0, seed, 0);
            float peak = 0;
            double m = 0, mx = 0, my = 0;
            int x0 = 28, x1 = -1, y0 = 28, y1 = -1;
            for (int i = 0; i < 784; i++) {
                float v = out[i];
                assertTrue(v >= 0 && v <= 1, "seed " + seed + ": " + v);
                peak = Math.max(peak, v);
                m += v;
                mx += v * (i % 28);
                my += v * (i / 28);
                if (v > 0) {
                    x0 = Math.min(x0, i % 28);
                    x1 = Math.max(x1, i % 28);
                    y0 = Math.min(y0, i / 28);
                    y1 = Math.max(y1, i / 28);
                }
            }
            assertEquals(1f, peak, 1e-6, "seed " + seed);
            assertEquals(14, mx / m, 0.5 + 1e-9, "seed " + seed + ": centre of mass x");
            assertEquals(14, my / m, 0.5 + 1e-9, "seed " + seed + ": centre of mass y");
            assertEquals(20, Math.max(x1 - x0 + 1, y1 - y0 + 1), 1, "seed " + seed + ": the longer side fills the box");
        }
    }

    @Test
    void thickerAndThinnerPensChangeTheInk() {
        double plain = 0, thick = 0, thin = 0;
        float[] out = new float[784];
        for (long seed = 0; seed < 50; seed++) {
            new DrawnStyleAugmenter(only(0, 0, 0)).augment(zero(), 0, out, 0, seed, 0);
            plain += mass(out);
            new DrawnStyleAugmenter(only(1, 0, 0)).augment(zero(), 0, out, 0, seed, 0);
            thick += mass(out);
            new DrawnStyleAugmenter(only(0, 1, 0)).augment(zero(), 0, out, 0, seed, 0);
            thin += mass(out);
        }
        assertTrue(thick > 1.2 * plain, "thicker: " + thick + " vs " + plain);
        assertTrue(thin < 0.85 * plain, "thinner: " + thin + " vs " + plain);
    }

    @Test
    void theShareLeftAsItIsPassesThroughAndOnesSometimesGetAFlag() {
        DrawnStyleAugmenter keep = new DrawnStyleAugmenter(new DrawnStyleAugmenter.Config(1, 12, 0.4, 1.25, 30, 4,
                0.3, 0.3, 0.3, 7, 16));
        float[] out = new float[784];
        keep.augment(one(), 0, out, 0, 3, 1);
        assertArrayEquals(one(), out);

        // Without shape changes a 1 stays a bar unless a flag or foot was drawn: the ink then spreads sideways.
        DrawnStyleAugmenter style = new DrawnStyleAugmenter(new DrawnStyleAugmenter.Config(0, 0, 0, 1, 0, 4, 0, 0, 0, 7, 16));
        int widened = 0;
        for (long seed = 0; seed < 100; seed++) {
            style.augment(one(), 0, out, 0, seed, 1);
            int x0 = 28, x1 = -1;
            for (int i = 0; i < 784; i++) {
                if (out[i] > 0.2f) {
                    x0 = Math.min(x0, i % 28);
                    x1 = Math.max(x1, i % 28);
                }
            }
            if (x1 - x0 + 1 > 6) widened++;
        }
        assertTrue(widened > 30 && widened < 70, "1s with a flag or a foot: " + widened + " of 100");
        style.augment(one(), 0, out, 0, 5, 3); // a 3 gets no flag
        assertFalse(out[0] > 0);
    }

    @Test
    void aBadConfigurationIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DrawnStyleAugmenter.Config(0, 12, 0.4, 1.25, 30, 4, 0.7, 0.5, 0.3, 7, 16));
        assertTrue(e.getMessage().contains("thinnerShare"), e.getMessage());
    }
}

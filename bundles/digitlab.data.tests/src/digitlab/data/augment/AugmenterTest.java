package digitlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    /** A 28x28 digit-like image: a thick "L" filling a 20x20 box at (4,4), like MNIST's framing. */
    private static float[] digit() {
        float[] img = new float[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 4; x < 24; x++) {
                boolean stroke = x < 8 || y >= 20 || (x + y) % 9 == 0;
                img[y * 28 + x] = stroke ? 1f : 0f;
            }
        }
        img[4 * 28 + 4] = 0.5f;
        return img;
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void sameSeedSameImageOtherSeedOtherImage() {
        Augmenter a = new Augmenter(AugmentConfig.DEFAULT, 28, 28);
        Augmenter b = new Augmenter(AugmentConfig.DEFAULT, 28, 28);
        float[] src = digit();
        float[] out1 = new float[784 + 10];
        float[] out2 = new float[784 + 10];
        float[] out3 = new float[784];
        a.augment(src, 0, out1, 10, 42);
        a.augment(src, 0, out3, 0, 7); // a call in between must not change what seed 42 gives
        b.augment(src, 0, out2, 10, 42);
        assertArrayEquals(out1, out2, 0f);
        a.augment(src, 0, out2, 10, 42);
        assertArrayEquals(out1, out2, 0f);
        assertFalse(Arrays.equals(Arrays.copyOfRange(out1, 10, 794), out3));
        assertFalse(Arrays.equals(Arrays.copyOfRange(out1, 10, 794), src), "the image was distorted");
        assertTrue(Augmenter.seedFor(1, 0, 5) != Augmenter.seedFor(1, 0, 6));
        assertTrue(Augmenter.seedFor(1, 0, 5) != Augmenter.seedFor(1, 1, 5));
        assertTrue(Augmenter.seedFor(1, 0, 5) != Augmenter.seedFor(2, 0, 5));
        assertEquals(Augmenter.seedFor(3, 4, 5), Augmenter.seedFor(3, 4, 5));
    }

    @Test
    void inkStaysInsideTheFrameEvenUnderStrongSettings() {
        AugmentConfig strong = new AugmentConfig(6, 30, 0.8, 1.3, 40, 4);
        for (AugmentConfig config : new AugmentConfig[] {AugmentConfig.DEFAULT, AugmentConfig.SIMARD_ELASTIC, strong}) {
            Augmenter aug = new Augmenter(config, 28, 28);
            float[] src = digit();
            float[] out = new float[784];
            for (int seed = 0; seed < 500; seed++) {
                aug.augment(src, 0, out, 0, Augmenter.seedFor(99, 0, seed));
                for (int k = 0; k < 28; k++) {
                    assertEquals(0f, out[k] + out[27 * 28 + k] + out[k * 28] + out[k * 28 + 27],
                            "ink on the outer ring, seed " + seed + ", " + config);
                }
                for (float v : out) {
                    assertTrue(v >= 0 && v <= 1);
                }
                // nothing lost: the ink mass changes only by the area change of scaling and the elastic warp
                // (the strong setting may shrink a digit a lot to keep it inside)
                float ratio = sum(out) / sum(src);
                float low = config == strong ? 0.2f : 0.6f;
                assertTrue(ratio > low && ratio < 1.6, "ink ratio " + ratio + " for seed " + seed + ", " + config);
            }
        }
    }

    @Test
    void shiftAloneMovesTheCentreOfMassByAtMostMaxShift() {
        Augmenter aug = new Augmenter(new AugmentConfig(2, 0, 1, 1, 0, 4), 28, 28);
        float[] src = digit();
        double[] c0 = centre(src);
        float[] out = new float[784];
        boolean moved = false;
        for (int seed = 0; seed < 100; seed++) {
            aug.augment(src, 0, out, 0, seed);
            double[] c = centre(out);
            assertTrue(Math.abs(c[0] - c0[0]) <= 2 + 1e-3 && Math.abs(c[1] - c0[1]) <= 2 + 1e-3);
            moved |= Math.abs(c[0] - c0[0]) > 0.5;
            assertEquals(sum(src), sum(out), 1e-2f, "a pure shift inside the frame keeps all the ink");
        }
        assertTrue(moved);
    }

    @Test
    void identityConfigCopies() {
        Augmenter aug = new Augmenter(AugmentConfig.NONE, 28, 28);
        float[] src = digit();
        float[] out = new float[784];
        aug.augment(src, 0, out, 0, 5);
        assertArrayEquals(src, out, 0f);
    }

    @Test
    void emptyImageStaysEmpty() {
        Augmenter aug = new Augmenter(AugmentConfig.DEFAULT, 28, 28);
        float[] out = new float[784];
        Arrays.fill(out, 3f);
        aug.augment(new float[784], 0, out, 0, 1);
        assertEquals(0f, sum(out));
    }

    @Test
    void noAllocationPerImage() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb
                && tb.isThreadAllocatedMemorySupported() && tb.isThreadAllocatedMemoryEnabled(),
                "allocation counting is not available in this JVM");
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) bean;
        Augmenter aug = new Augmenter(AugmentConfig.DEFAULT, 28, 28);
        float[] src = digit();
        float[] out = new float[784];
        for (int i = 0; i < 2000; i++) { // warm up (JIT compilation may allocate on this thread)
            aug.augment(src, 0, out, 0, i);
        }
        long id = Thread.currentThread().threadId();
        long before = tb.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1000; i++) {
            aug.augment(src, 0, out, 0, i);
        }
        long allocated = tb.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 16 * 1024, allocated + " bytes allocated for 1000 images");
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("augmentation maxRotationDegrees must be in [0.0, 45.0], got 90.0",
                assertThrows(IllegalArgumentException.class, () -> new AugmentConfig(2, 90, 1, 1, 0, 4))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AugmentConfig(2, 10, 1, 1, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Augmenter(AugmentConfig.DEFAULT, 2, 28));
    }

    private static double[] centre(float[] img) {
        double m = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                m += img[y * 28 + x];
                mx += img[y * 28 + x] * x;
                my += img[y * 28 + x] * y;
            }
        }
        return new double[] {mx / m, my / m};
    }
}

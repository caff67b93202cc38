package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.train.ImageSetSource;
import digitlab.train.TrainingRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Training images as the network's samples, with the named augmentations made an epoch at a time on all cores. */
class ImageSetSourceTest {

    /** 600 images of 28x28: a bar whose position and length vary with the index. */
    private static ImageSet bars() {
        int n = 600;
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            int x = 8 + i % 12, len = 10 + i % 9;
            for (int y = 4; y < 4 + len; y++) {
                pixels[i * 784 + y * 28 + x] = (byte) 255;
                pixels[i * 784 + y * 28 + x + 1] = (byte) 200;
            }
        }
        return ImageSet.of(28, 28, 10, pixels, labels);
    }

    private static float[] image(ImageSetSource s, int i) {
        float[] f = new float[784];
        s.copyInput(i, f, 0);
        return f;
    }

    @Test
    void drawnAugmentationIsReproducibleAndChangesWithTheEpoch() {
        ImageSet set = bars();
        ImageSetSource a = ImageSetSource.augmented(set, 5, "drawn");
        ImageSetSource b = ImageSetSource.augmented(set, 5, "drawn");
        a.setEpoch(0);
        b.setEpoch(0);
        float[] first = image(a, 123);
        assertArrayEquals(first, image(b, 123), "same seed and epoch, whatever the threads that made them");
        a.setEpoch(1);
        assertFalse(Arrays.equals(first, image(a, 123)), "another epoch, another distortion");
        float peak = 0;
        for (float v : first) peak = Math.max(peak, v);
        assertEquals(1f, peak, 1e-6);
        assertArrayEquals(image(new ImageSetSource(set), 7), image(ImageSetSource.augmented(set, 5, "none"), 7));
    }

    @Test
    void unknownAugmentationsAndWrongSizesAreRefusedByName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ImageSetSource.augmented(bars(), 1, "wobbly"));
        assertTrue(unknown.getMessage().contains("'wobbly'"), unknown.getMessage());
        ImageSet small = ImageSet.of(8, 8, 10, new byte[64], new byte[1]);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ImageSetSource.augmented(small, 1, "drawn"));
        assertTrue(size.getMessage().contains("8x8"), size.getMessage());
    }

    @Test
    void theHandwritingPresetTrainsWithTheDrawnRecipeByDefault() {
        TrainingRequest r = TrainingRequest.forPreset("handwriting");
        assertTrue(r.augment());
        assertEquals("drawn", r.augmentation());
        assertEquals("none", r.toBuilder().augment(false).build().augmentation());
        assertEquals("standard", TrainingRequest.forPreset("mlp").toBuilder().augment(true).build().augmentation());
        assertFalse(TrainingRequest.forPreset("mlp").augment());
    }
}

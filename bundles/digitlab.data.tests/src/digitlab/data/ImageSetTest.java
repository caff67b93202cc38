package digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImageSetTest {

    /** 6 images of 3x2; image i has pixel value 10*i + p at position p; labels i % 3. */
    private static ImageSet six() {
        byte[] px = new byte[6 * 6];
        byte[] labels = new byte[6];
        for (int i = 0; i < 6; i++) {
            labels[i] = (byte) (i % 3);
            for (int p = 0; p < 6; p++) {
                px[i * 6 + p] = (byte) (10 * i + p + (i == 5 ? 200 : 0));
            }
        }
        return ImageSet.of(3, 2, 3, px, labels);
    }

    @Test
    void accessorsReadTheRightBytes() {
        ImageSet s = six();
        assertEquals(6, s.size());
        assertEquals(6, s.pixelsPerImage());
        assertEquals(2, s.label(5));
        assertEquals(10 * 4 + 4, s.pixel(4, 1, 1)); // x=1, y=1 -> p = 1 * 3 + 1 = 4
        assertEquals(255, s.pixel(5, 2, 1)); // 50 + 5 + 200, unsigned
        byte[] dst = new byte[8];
        s.copyPixels(2, dst, 1);
        assertArrayEquals(new byte[] {0, 20, 21, 22, 23, 24, 25, 0}, dst);
        float[] f = new float[7];
        s.copyNormalized(5, f, 1);
        assertEquals(0f, f[0]);
        assertEquals(250 / 255f, f[1]);
        assertEquals(1f, f[6]);
        ByteBuffer view = s.pixelView(3);
        assertEquals(6, view.remaining());
        assertEquals(31, view.get(1));
        assertTrue(view.isReadOnly());
        assertArrayEquals(new int[] {2, 2, 2}, s.classCounts());
    }

    @Test
    void viewsShareBytesAndMapIndices() {
        ImageSet s = six();
        ImageSet tail = s.range(2, 6);
        assertEquals(4, tail.size());
        assertEquals(2, tail.sourceIndex(0));
        assertEquals(s.pixel(3, 1, 0), tail.pixel(1, 1, 0));
        ImageSet picked = tail.subset(new int[] {3, 0, 0});
        assertEquals(List.of(5, 2, 2), List.of(picked.sourceIndex(0), picked.sourceIndex(1), picked.sourceIndex(2)));
        assertEquals(2, picked.label(0));
        ImageSet sub = picked.range(1, 3);
        assertEquals(2, sub.sourceIndex(1));
        assertArrayEquals(new int[] {0, 0, 2}, sub.classCounts());
        assertTrue(assertThrows(IndexOutOfBoundsException.class, () -> tail.subset(new int[] {0, 4}))
                .getMessage().contains("position 4 (entry 1) is outside 0..3"));
        ImageSet twos = s.withLabel(2);
        assertEquals(2, twos.size());
        assertEquals(List.of(2, 5), List.of(twos.sourceIndex(0), twos.sourceIndex(1)));
        assertEquals(0, tail.range(0, 1).withLabel(0).size());
        assertThrows(IllegalArgumentException.class, () -> s.withLabel(3));
        assertThrows(IndexOutOfBoundsException.class, () -> s.range(4, 7));
        assertThrows(IndexOutOfBoundsException.class, () -> tail.label(4));
    }

    @Test
    void constructionChecksSizesAndLabels() {
        assertEquals("pixels holds 5 bytes but 1 images of 2x3 need 6", assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(2, 3, 2, new byte[5], new byte[1])).getMessage());
        assertEquals("label 2 of image 1 is outside 0..1", assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(1, 1, 2, new byte[2], new byte[] {1, 2})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageSet.of(0, 1, 2, new byte[0], new byte[0]));
    }

    @Test
    void datasetPartsPartitionTheTrainingFile() {
        ImageSet s = six();
        ImageDataset d = new ImageDataset("six", "Six", List.of("a", "b", "c"), s, s.range(0, 2),
                SplitPolicy.lastImages(2));
        assertEquals(4, d.part(Split.TRAIN).size());
        assertEquals(2, d.part(Split.VALIDATION).size());
        assertEquals(3, d.part(Split.TRAIN).sourceIndex(3));
        assertEquals(4, d.part(Split.VALIDATION).sourceIndex(0));
        ImageDataset none = d.withSplitPolicy(SplitPolicy.none());
        assertEquals(6, none.part(Split.TRAIN).size());
        assertEquals(0, none.part(Split.VALIDATION).size());
        assertEquals("a validation split of 6 images needs more than 6 training images, but the training set has 6",
                assertThrows(IllegalArgumentException.class, () -> d.withSplitPolicy(SplitPolicy.lastImages(6)))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset("x", "x", List.of("a", "b"), s, s)).getMessage()
                .contains("2 class names but the sets have 3 (train) and 3 (test) classes"));
    }

    @Test
    void splitPolicies() {
        assertEquals(5000, SplitPolicy.standard().validationSize(60_000));
        assertEquals(5000, SplitPolicy.standard().validationSize(240_000));
        assertEquals(10, SplitPolicy.standard().validationSize(120));
        assertEquals(0, SplitPolicy.standard().validationSize(11));
        assertEquals(6000, SplitPolicy.lastFraction(0.1).validationSize(60_000));
        assertEquals(SplitPolicy.lastImages(1234), SplitPolicy.parse("1234"));
        assertEquals(SplitPolicy.lastFraction(0.1), SplitPolicy.parse("10%"));
        assertEquals(SplitPolicy.none(), SplitPolicy.parse("none"));
        assertEquals(SplitPolicy.none(), SplitPolicy.parse("0"));
        assertEquals(SplitPolicy.standard(), SplitPolicy.parse("default"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitPolicy.parse("lots")).getMessage()
                .startsWith("bad validation split 'lots'; use a number of images"));
        assertThrows(IllegalArgumentException.class, () -> SplitPolicy.lastFraction(1.0));
        assertEquals(Split.VALIDATION, Split.parse("Val"));
        assertEquals("unknown split 'dev'; use train, validation or test",
                assertThrows(IllegalArgumentException.class, () -> Split.parse("dev")).getMessage());
    }
}

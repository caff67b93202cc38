package digitlab.data.idx;

import static digitlab.data.idx.IdxBytes.images;
import static digitlab.data.idx.IdxBytes.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.data.ImageSet;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class IdxSetsTest {

    private final IdxReader reader = new IdxReader();

    private IdxArray img(int count) throws IOException {
        return reader.readImages(new ByteArrayInputStream(images(count, 2, 3)), "train-images-idx3-ubyte");
    }

    private IdxArray lab(int... l) throws IOException {
        return reader.readLabels(new ByteArrayInputStream(labels(l)), "train-labels-idx1-ubyte");
    }

    @Test
    void joinsAgreeingFiles() throws IOException {
        ImageSet set = IdxSets.imageSet(img(3), lab(0, 9, 4), 10);
        assertEquals(3, set.size());
        assertEquals(3, set.width());
        assertEquals(2, set.height());
        assertEquals(9, set.label(1));
        assertEquals((1 * 7 + 4) & 0xFF, set.pixel(1, 1, 1));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        assertEquals("train-labels-idx1-ubyte: holds 2 labels but train-images-idx3-ubyte holds 3 images",
                assertThrows(IdxFormatException.class, () -> IdxSets.imageSet(img(3), lab(1, 2), 10)).getMessage());
    }

    @Test
    void labelOutOfRangeNamesLabelAndIndex() throws IOException {
        assertEquals("train-labels-idx1-ubyte: label 12 at index 2 is outside 0..9 (10 classes)",
                assertThrows(IdxFormatException.class, () -> IdxSets.imageSet(img(4), lab(0, 1, 12, 3), 10))
                        .getMessage());
        assertEquals("train-labels-idx1-ubyte: label 255 at index 0 is outside 0..9 (10 classes)",
                assertThrows(IdxFormatException.class, () -> IdxSets.checkLabelRange(lab(255), 10)).getMessage());
    }

    @Test
    void maxLabel() throws IOException {
        assertEquals(200, IdxSets.maxLabel(lab(3, 200, 7)));
    }
}

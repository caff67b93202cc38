package digitlab.data.idx;

import static digitlab.data.idx.IdxBytes.cyclicLabels;
import static digitlab.data.idx.IdxBytes.gzip;
import static digitlab.data.idx.IdxBytes.images;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.DatasetUnavailableException;
import digitlab.data.Split;
import digitlab.data.SplitPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {

    @TempDir
    Path dir;

    /** A small dataset: 120 training and 30 test images of 5x4, 3 classes; some files gzipped, some raw. */
    private void writeSmallDataset() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(120, 4, 5)));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), cyclicLabels(120, 3));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(30, 4, 5));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(cyclicLabels(30, 3)));
    }

    @Test
    void loadsAFolderWithNumberedClasses() throws IOException {
        writeSmallDataset();
        IdxFolderProvider provider = new IdxFolderProvider(dir);
        assertTrue(provider.isAvailable());
        Dataset d = provider.load();
        assertEquals("idx:" + dir.toAbsolutePath().normalize(), d.id());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals(5, d.imageWidth());
        assertEquals(4, d.imageHeight());
        // standard split on 120 images: a twelfth, 10, is held out
        assertEquals(110, d.part(Split.TRAIN).size());
        assertEquals(10, d.part(Split.VALIDATION).size());
        assertEquals(30, d.part(Split.TEST).size());
        assertEquals(110, d.part(Split.VALIDATION).sourceIndex(0));
        assertEquals(2, d.part(Split.TEST).label(5));
        assertEquals((7 * 7 + 2 * 5 + 1) & 0xFF, d.part(Split.TRAIN).pixel(7, 1, 2));
    }

    @Test
    void classesTxtNamesTheClasses() throws IOException {
        writeSmallDataset();
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n bird \n\n", StandardCharsets.UTF_8);
        Dataset d = IdxFolder.load(dir, "idx:x", "x", null, SplitPolicy.none());
        assertEquals(List.of("cat", "dog", "bird"), d.classNames());
        assertEquals(120, d.part(Split.TRAIN).size());
        assertEquals(0, d.part(Split.VALIDATION).size());
    }

    @Test
    void classesTxtWithTooFewNamesMakesLabelsOutOfRange() throws IOException {
        writeSmallDataset();
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n");
        assertEquals("train-labels-idx1-ubyte: label 2 at index 2 is outside 0..1 (2 classes)",
                assertThrows(IdxFormatException.class, () -> new IdxFolderProvider(dir).load()).getMessage());
    }

    @Test
    void blankLineInClassesTxtIsNamed() throws IOException {
        writeSmallDataset();
        Files.writeString(dir.resolve("classes.txt"), "cat\n\ndog\n");
        assertEquals("classes.txt: line 2 is blank; one class name per line",
                assertThrows(IdxFormatException.class, () -> new IdxFolderProvider(dir).load()).getMessage());
    }

    @Test
    void missingFilesAreNamedExactly() throws IOException {
        writeSmallDataset();
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        IdxFolderProvider provider = new IdxFolderProvider(dir);
        assertFalse(provider.isAvailable());
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, provider::load);
        assertEquals(provider.folder() + " lacks t10k-labels-idx1-ubyte[.gz]; an IDX dataset folder needs "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"
                + " (each raw or .gz)", e.getMessage());
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        assertTrue(assertThrows(DatasetUnavailableException.class, provider::load).getMessage()
                .contains(" lacks train-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz];"));
    }

    @Test
    void missingFolderIsNamed() {
        Path nowhere = dir.resolve("nowhere");
        assertEquals("no such folder: " + nowhere,
                assertThrows(DatasetUnavailableException.class, () -> IdxFolder.locate(nowhere)).getMessage());
    }

    @Test
    void mismatchedImageSizesAreRejected() throws IOException {
        writeSmallDataset();
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(30, 5, 5));
        assertEquals("t10k-images-idx3-ubyte: holds 5x5 images but train-images-idx3-ubyte.gz holds 5x4",
                assertThrows(IdxFormatException.class, () -> new IdxFolderProvider(dir).load()).getMessage());
    }

    @Test
    void brokenFileInsideAFolderIsNamed() throws IOException {
        writeSmallDataset();
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), images(120, 4, 5)); // raw bytes under a .gz name
        assertTrue(assertThrows(IdxFormatException.class, () -> new IdxFolderProvider(dir).load()).getMessage()
                .startsWith("train-images-idx3-ubyte.gz: named .gz but is not gzip-compressed"));
    }
}

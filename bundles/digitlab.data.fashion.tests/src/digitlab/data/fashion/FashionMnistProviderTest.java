package digitlab.data.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.DatasetRegistry;
import digitlab.data.DatasetUnavailableException;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.SplitPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistProviderTest {

    private static final Path INSTALLED = Path.of(FashionMnistProvider.DEFAULT_FOLDER);

    @TempDir
    Path dir;

    @AfterEach
    void resetFolder() {
        FashionMnistProvider.setFolder(null);
    }

    private static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isRegularFile(INSTALLED.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (sudo apt-get install dataset-fashion-mnist)");
    }

    @Test
    void absentDataSaysWhatToInstall() {
        Path empty = dir.resolve("fashion");
        FashionMnistProvider.setFolder(empty);
        FashionMnistProvider provider = new FashionMnistProvider();
        assertFalse(provider.isAvailable());
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, provider::load);
        assertEquals("Fashion-MNIST not found in " + empty + "; install it with: sudo apt-get install"
                + " dataset-fashion-mnist, or set the folder in Preferences > Digit Lab > Datasets"
                + " (no such folder: " + empty + ")", e.getMessage());
    }

    @Test
    void folderComesFromTheSettingThenThePropertyThenDebian() {
        String old = System.getProperty(FashionMnistProvider.FOLDER_PROPERTY);
        try {
            System.clearProperty(FashionMnistProvider.FOLDER_PROPERTY);
            assertEquals(INSTALLED, FashionMnistProvider.folder());
            System.setProperty(FashionMnistProvider.FOLDER_PROPERTY, "/opt/fashion");
            assertEquals(Path.of("/opt/fashion"), FashionMnistProvider.folder());
            FashionMnistProvider.setFolder(dir);
            assertEquals(dir, FashionMnistProvider.folder());
        } finally {
            if (old == null) {
                System.clearProperty(FashionMnistProvider.FOLDER_PROPERTY);
            } else {
                System.setProperty(FashionMnistProvider.FOLDER_PROPERTY, old);
            }
        }
    }

    @Test
    void installedDatasetLoadsWithClassNames() throws IOException {
        assumeInstalled();
        FashionMnistProvider provider = new FashionMnistProvider();
        assertTrue(provider.isAvailable());
        Dataset d = provider.load();
        assertEquals("fashion", d.id());
        assertEquals(FashionMnistProvider.CLASS_NAMES, d.classNames());
        assertEquals("Ankle boot", d.classNames().get(9));
        ImageSet trainingFile = d.withSplitPolicy(SplitPolicy.none()).part(Split.TRAIN);
        ImageSet test = d.part(Split.TEST);
        assertEquals(60_000, trainingFile.size());
        assertEquals(10_000, test.size());
        assertEquals(5_000, d.part(Split.VALIDATION).size());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0}, labels(trainingFile));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6}, labels(test));
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, trainingFile.classCounts()[c]);
            assertEquals(1000, test.classCounts()[c]);
        }
    }

    @Test
    void theSameFolderWorksAsAnIdxDataset() throws IOException {
        assumeInstalled();
        Dataset d = new DatasetRegistry().load("idx:" + INSTALLED);
        assertEquals(10, d.classCount());
        assertEquals(10_000, d.part(Split.TEST).size());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6}, labels(d.part(Split.TEST)));
    }

    private static int[] labels(ImageSet set) {
        int[] l = new int[5];
        for (int i = 0; i < 5; i++) {
            l[i] = set.label(i);
        }
        return l;
    }
}

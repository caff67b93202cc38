package digitlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.DatasetRegistry;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.SplitPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real, embedded MNIST: counts, labels, class counts and checksums against the published values. */
class MnistDatasetTest {

    private static Dataset mnist;

    @BeforeAll
    static void load() throws IOException {
        mnist = MnistDataset.load();
    }

    @Test
    void countsAndShape() {
        assertEquals("mnist", mnist.id());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), mnist.classNames());
        assertEquals(28, mnist.imageWidth());
        assertEquals(28, mnist.imageHeight());
        assertEquals(55_000, mnist.part(Split.TRAIN).size());
        assertEquals(5_000, mnist.part(Split.VALIDATION).size());
        assertEquals(10_000, mnist.part(Split.TEST).size());
        assertEquals(60_000, mnist.withSplitPolicy(SplitPolicy.none()).part(Split.TRAIN).size());
    }

    @Test
    void firstLabels() {
        ImageSet train = mnist.part(Split.TRAIN);
        ImageSet test = mnist.part(Split.TEST);
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, new int[] {train.label(0), train.label(1), train.label(2),
                train.label(3), train.label(4)});
        assertArrayEquals(new int[] {7, 2, 1, 0, 4}, new int[] {test.label(0), test.label(1), test.label(2),
                test.label(3), test.label(4)});
    }

    @Test
    void classCounts() {
        // The published per-digit counts of MNIST's training (60,000) and test (10,000) files.
        ImageSet trainingFile = mnist.withSplitPolicy(SplitPolicy.none()).part(Split.TRAIN);
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                trainingFile.classCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.part(Split.TEST).classCounts());
        int[] train = mnist.part(Split.TRAIN).classCounts();
        int[] validation = mnist.part(Split.VALIDATION).classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(trainingFile.classCounts()[c], train[c] + validation[c], "class " + c);
        }
    }

    @Test
    void pixelsLookLikeMnist() {
        // White digits on black, peak 255, intensity centre of mass at pixel (14, 14) on average: the convention
        // the preprocessing of drawings follows.
        ImageSet test = mnist.part(Split.TEST);
        double sumX = 0;
        double sumY = 0;
        int peak = 0;
        int n = 1000;
        for (int i = 0; i < n; i++) {
            double mass = 0;
            double mx = 0;
            double my = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = test.pixel(i, x, y);
                    mass += v;
                    mx += v * x;
                    my += v * y;
                    peak = Math.max(peak, v);
                }
            }
            sumX += mx / mass;
            sumY += my / mass;
        }
        assertEquals(255, peak);
        assertEquals(14.0, sumX / n, 0.1);
        assertEquals(14.0, sumY / n, 0.1);
        assertEquals(0, test.pixel(0, 0, 0));
    }

    @Test
    void checksumsOfTheDecompressedFilesMatchThePublishedOnes() throws IOException, NoSuchAlgorithmException {
        // SHA-256 of the original uncompressed files (shared/notes/data-sources.md)
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", sha256("train-images-idx3-ubyte"));
        assertEquals("65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", sha256("train-labels-idx1-ubyte"));
        assertEquals("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", sha256("t10k-images-idx3-ubyte"));
        assertEquals("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", sha256("t10k-labels-idx1-ubyte"));
    }

    @Test
    void providerIsFoundByTheStandardRegistry() throws IOException {
        MnistProvider provider = new MnistProvider();
        assertTrue(provider.isAvailable());
        assertEquals("mnist", provider.id());
        // Outside OSGi the provider is announced through META-INF/services.
        DatasetRegistry registry = DatasetRegistry.standard();
        assertTrue(registry.resolve("mnist") instanceof MnistProvider);
        assertSame(registry.load("mnist"), registry.load("mnist"));
    }

    private static String sha256(String baseName) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new GZIPInputStream(MnistDataset.open(baseName), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}

package digitlab.data.idx;

import static digitlab.data.idx.IdxBytes.append;
import static digitlab.data.idx.IdxBytes.cyclicLabels;
import static digitlab.data.idx.IdxBytes.gzip;
import static digitlab.data.idx.IdxBytes.idx;
import static digitlab.data.idx.IdxBytes.images;
import static digitlab.data.idx.IdxBytes.labels;
import static digitlab.data.idx.IdxBytes.truncate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    private final IdxReader reader = new IdxReader();

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Reads labels from a file and from a stream, expecting the same failure message from both. */
    private String labelsFailure(String name, byte[] content) throws IOException {
        Path file = write(name, content);
        String fromFile = assertThrows(IdxFormatException.class, () -> reader.readLabels(file)).getMessage();
        String fromStream = assertThrows(IdxFormatException.class,
                () -> reader.readLabels(new ByteArrayInputStream(content), name)).getMessage();
        assertEquals(fromFile, fromStream, "file and stream readers should say the same");
        return fromFile;
    }

    private String imagesFailure(String name, byte[] content) throws IOException {
        Path file = write(name, content);
        String fromFile = assertThrows(IdxFormatException.class, () -> reader.readImages(file)).getMessage();
        String fromStream = assertThrows(IdxFormatException.class,
                () -> reader.readImages(new ByteArrayInputStream(content), name)).getMessage();
        assertEquals(fromFile, fromStream, "file and stream readers should say the same");
        return fromFile;
    }

    @Test
    void readsRawAndGzippedFilesAlike() throws IOException {
        byte[] raw = images(5, 3, 4);
        IdxArray a = reader.readImages(write("imgs", raw));
        IdxArray b = reader.readImages(write("imgs.gz", gzip(raw)));
        // gzip is recognised by its magic bytes, not by the name
        IdxArray c = reader.readImages(write("imgs-no-suffix", gzip(raw)));
        for (IdxArray x : new IdxArray[] {a, b, c}) {
            assertArrayEquals(new int[] {5, 3, 4}, x.dimensions());
            assertEquals(5, x.count());
            assertEquals(12, x.itemSize());
            assertArrayEquals(java.util.Arrays.copyOfRange(raw, 16, raw.length), x.data());
        }
        IdxArray l = reader.readLabels(new ByteArrayInputStream(gzip(labels(3, 1, 4))), "l.gz");
        assertArrayEquals(new byte[] {3, 1, 4}, l.data());
        assertEquals("l.gz", l.source());
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] bad = labels(1, 2, 3);
        bad[0] = 0x12;
        bad[1] = 0x34;
        assertEquals("x-labels: not an IDX file: the magic number starts with 0x12 0x34 instead of 0x00 0x00",
                labelsFailure("x-labels", bad));
    }

    @Test
    void unsupportedDataTypeIsRejected() throws IOException {
        byte[] floats = idx(0x0D, new int[] {2}, new byte[8]);
        assertEquals("f: data type 0x0d (32-bit float) is not supported; only 0x08 (unsigned byte) is",
                labelsFailure("f", floats));
        assertTrue(labelsFailure("g", idx(0x42, new int[] {2}, new byte[2])).contains("0x42 (unknown)"));
    }

    @Test
    void dimensionCountMustFit() throws IOException {
        assertEquals("r0: the header declares 0 dimensions; 1..4 are allowed",
                labelsFailure("r0", idx(0x08, new int[0], new byte[0])));
        assertEquals("r5: the header declares 5 dimensions; 1..4 are allowed",
                labelsFailure("r5", idx(0x08, new int[] {1, 1, 1, 1, 1}, new byte[1])));
        // a labels file offered as images, and the other way round
        assertEquals("lab: has 1 dimension(s) (4) but images files have 3 (count, rows, columns)",
                imagesFailure("lab", labels(1, 2, 3, 4)));
        assertEquals("img: has 3 dimension(s) (2x2x2) but labels files have 1 (count)",
                labelsFailure("img", images(2, 2, 2)));
    }

    @Test
    void zeroOrNegativeDimensionsAreRejected() throws IOException {
        assertEquals("z: dimension 1 is 0; dimensions must be positive",
                imagesFailure("z", idx(0x08, new int[] {3, 0, 28}, new byte[0])));
        assertEquals("n: dimension 0 is 4294967295 (negative as a signed 32-bit number); dimensions must be positive",
                labelsFailure("n", idx(0x08, new int[] {-1}, new byte[0])));
    }

    @Test
    void implausibleImageSizeIsRejected() throws IOException {
        assertEquals("w: image size 1x100000 is not plausible; sides up to 4096 are accepted",
                imagesFailure("w", idx(0x08, new int[] {1, 1, 100_000}, new byte[0])));
    }

    @Test
    void headerAboveTheCapFailsBeforeAnyAllocation() throws IOException {
        // 2^31-1 images of 4096x4096: petabytes; must fail at once, from the header alone
        byte[] huge = idx(0x08, new int[] {Integer.MAX_VALUE, 4096, 4096}, new byte[10]);
        String msg = imagesFailure("huge.gz", gzip(huge));
        assertEquals("huge.gz: the header declares 2147483647x4096x4096 bytes of data, more than the cap of "
                + IdxReader.DEFAULT_MAX_DATA_BYTES + " bytes", msg);
        IdxReader small = new IdxReader(100);
        assertEquals("l: the header declares 101 bytes of data, more than the cap of 100 bytes",
                assertThrows(IdxFormatException.class,
                        () -> small.readLabels(new ByteArrayInputStream(cyclicLabels(101, 10)), "l")).getMessage());
    }

    @Test
    void headerLyingAboutTheCountNamesBothNumbers() throws IOException {
        // the header claims 60000 labels, the (complete, valid) gzip stream holds 59990
        byte[] lying = truncate(cyclicLabels(60_000, 10), 8 + 59_990);
        assertEquals("train-labels-idx1-ubyte.gz: header says 60000 labels but the file holds 59990",
                labelsFailure("train-labels-idx1-ubyte.gz", gzip(lying)));
        assertEquals("train-labels-idx1-ubyte: header says 60000 labels but the file holds 59990",
                labelsFailure("train-labels-idx1-ubyte", lying));
        // images: a partial image is mentioned
        byte[] imgs = truncate(images(10, 28, 28), 16 + 3 * 784 + 100);
        assertEquals("i.gz: header says 10 images of 28x28 but the file holds 3 and part of another",
                imagesFailure("i.gz", gzip(imgs)));
    }

    @Test
    void aLyingHeaderWithinTheCapDoesNotAllocateWhatItClaims() throws IOException {
        // 900 MB declared (under the 1 GiB cap), 10 bytes present: the stream reader must fail on the data it
        // got, having allocated no more than its first chunk (a 900 MB allocation would need a bigger heap).
        byte[] lying = idx(0x08, new int[] {900_000_000}, new byte[10]);
        for (int round = 0; round < 20; round++) {
            String msg = assertThrows(IdxFormatException.class,
                    () -> reader.readLabels(new ByteArrayInputStream(gzip(lying)), "lie.gz")).getMessage();
            assertEquals("lie.gz: header says 900000000 labels but the file holds 10", msg);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 8, 9, 57, 107})
    void rawFilesTruncatedAnywhereFailClearly(int length) throws IOException {
        byte[] full = cyclicLabels(100, 10); // 108 bytes: 8 header + 100 labels
        String msg = labelsFailure("t", truncate(full, length));
        if (length < 8) {
            assertEquals("t: the file ends inside the IDX header after " + length + " "
                    + (length < 4 ? "byte(s); an IDX header needs at least 8" : "bytes; a header with 1 dimensions needs 8"),
                    msg);
        } else {
            assertEquals("t: header says 100 labels but the file holds " + (length - 8), msg);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10, 20, 40, -8, -1})
    void gzipFilesTruncatedAnywhereFailClearly(int cut) throws IOException {
        byte[] gz = gzip(images(20, 28, 28));
        int length = cut > 0 ? cut : gz.length + cut;
        String msg = imagesFailure("t.gz", truncate(gz, length));
        assertTrue(msg.startsWith("t.gz: "), msg);
        assertTrue(msg.contains("gzip") && (msg.contains("ends early") || msg.contains("ends inside its header")
                || msg.contains("cut-off gzip")), msg);
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        assertEquals("e: the file is empty", labelsFailure("e", new byte[0]));
        assertEquals("e.gz: the file is empty", labelsFailure("e.gz", new byte[0]));
        assertEquals("z.gz: the decompressed content is empty", labelsFailure("z.gz", gzip(new byte[0])));
    }

    @Test
    void aFileNamedGzThatIsNotGzipIsRejected() throws IOException {
        assertEquals("train-images-idx3-ubyte.gz: named .gz but is not gzip-compressed (it starts with 0x00 0x00,"
                + " gzip starts with 0x1f 0x8b)", imagesFailure("train-images-idx3-ubyte.gz", images(2, 28, 28)));
        assertEquals("h.gz: named .gz but is not gzip-compressed (it starts with 0x3c 0x68, gzip starts with 0x1f 0x8b)",
                labelsFailure("h.gz", "<html>404</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void corruptGzipDataIsRejected() throws IOException {
        byte[] gz = gzip(images(50, 28, 28));
        for (int i = 20; i < gz.length - 8; i += 7) {
            gz[i] ^= 0x5A;
        }
        String msg = imagesFailure("c.gz", gz);
        assertTrue(msg.startsWith("c.gz: corrupt gzip data (") || msg.contains("the gzip stream ends early"), msg);
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        assertEquals("tr: 3 unexpected byte(s) after the 4 labels the header declares",
                labelsFailure("tr", append(labels(1, 2, 3, 4), 9, 9, 9)));
        assertEquals("tr.gz: 1 unexpected byte(s) after the 2 images the header declares",
                imagesFailure("tr.gz", gzip(append(images(2, 2, 2), 0))));
    }

    @Test
    void missingFileIsAnIoErrorNamingThePath() {
        Path missing = dir.resolve("nope");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> reader.readLabels(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void capMustBeUsable() {
        assertThrows(IllegalArgumentException.class, () -> new IdxReader(0));
        assertThrows(IllegalArgumentException.class, () -> new IdxReader(Integer.MAX_VALUE));
    }
}

package digitlab.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.testing.Bounded;
import digitlab.testing.FuzzFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the {@link IdxReader} with seeded generators, from files (length known) and from streams (length
 * unknown, as for resources), raw and gzipped: every truncation and every single-bit flip of small valid files,
 * random bytes, and headers that lie about the counts and sizes. Each input either reads completely (an
 * {@link IdxArray} whose data fills the declared shape) or fails with an {@link IdxFormatException} whose
 * {@code source()} is the file name and whose message starts with it. Never another exception, an
 * {@link OutOfMemoryError}, a hang (each loop has a generous limit on a worker thread), or more than
 * {@link #MAX_ALLOCATION} bytes for a file of a few hundred bytes, whatever its header claims.
 */
class IdxReaderFuzzTest extends FuzzFixture {

    /** The reader's first chunk for data of unknown length is 1 MiB; everything else is small. */
    static final long MAX_ALLOCATION = 4L << 20;
    static final long TIMEOUT_SECONDS = 120;
    static final String NAME = "fuzz-images-idx3-ubyte";
    static final String GZ_NAME = "fuzz-images-idx3-ubyte.gz";

    /** How a test reads: from a file (length known) or from a stream (length unknown). */
    enum Via { FILE, STREAM }

    /**
     * Reads {@code bytes} (as {@code name}) with {@code noun} "images" (rank 3), "labels" (rank 1) or "items" (any).
     *
     * @return true when it read completely, false when refused with a clear error
     */
    boolean check(byte[] bytes, String name, String noun, Via via, String what) throws IOException {
        Path f = dir.resolve(name);
        if (via == Via.FILE) Files.write(f, bytes);
        IdxReader reader = new IdxReader();
        Bounded.Outcome o = Bounded.measure(() -> switch (via) {
            case FILE -> noun.equals("images") ? reader.readImages(f) : noun.equals("labels") ? reader.readLabels(f) : reader.read(f, noun);
            case STREAM -> noun.equals("images") ? reader.readImages(new ByteArrayInputStream(bytes), name)
                    : noun.equals("labels") ? reader.readLabels(new ByteArrayInputStream(bytes), name)
                    : reader.read(new ByteArrayInputStream(bytes), name, noun);
        });
        String context = what + " via " + via;
        if (o.allocatedBytes() > MAX_ALLOCATION) {
            fail(context + ": reading " + bytes.length + " bytes allocated " + o.allocatedBytes() + " bytes");
        }
        if (o.error() == null) {
            IdxArray a = (IdxArray) o.value();
            long declared = 1;
            for (int d = 0; d < a.rank(); d++) declared *= a.dimension(d);
            assertEquals(declared, a.data().length, context + ": the data does not fill the declared shape");
            assertEquals((long) a.count() * a.itemSize(), a.data().length, context);
            return true;
        }
        if (!(o.error() instanceof IdxFormatException e)) {
            throw new AssertionError(context + ": expected an IdxFormatException, got " + o.error(), o.error());
        }
        assertEquals(name, e.source(), context);
        assertTrue(e.getMessage().startsWith(name + ": "), context + ": " + e.getMessage());
        assertTrue(e.problem() != null && e.problem().length() > 5, context + ": no problem stated: " + e.getMessage());
        Bounded.remember(e.problem());
        return false;
    }

    @Test
    void everyTruncationIsRefused() {
        bounded.batch("truncations", TIMEOUT_SECONDS, () -> {
            byte[] images = IdxBytes.images(5, 4, 3);
            byte[] labels = IdxBytes.cyclicLabels(7, 10);
            byte[] gz = IdxBytes.gzip(images);
            for (Via via : Via.values()) {
                assertTrue(check(images, NAME, "images", via, "the valid images"));
                assertTrue(check(labels, "fuzz-labels-idx1-ubyte", "labels", via, "the valid labels"));
                assertTrue(check(gz, GZ_NAME, "images", via, "the valid gzipped images"));
                for (int length = 0; length < images.length; length++) {
                    String what = "images cut to " + length + " of " + images.length;
                    if (check(Arrays.copyOf(images, length), NAME, "images", via, what)) fail(what + ": read");
                }
                for (int length = 0; length < labels.length; length++) {
                    String what = "labels cut to " + length + " of " + labels.length;
                    if (check(Arrays.copyOf(labels, length), "fuzz-labels-idx1-ubyte", "labels", via, what)) fail(what + ": read");
                }
                for (int length = 0; length < gz.length; length++) {
                    String what = "gzipped images cut to " + length + " of " + gz.length;
                    if (check(Arrays.copyOf(gz, length), GZ_NAME, "images", via, what)) fail(what + ": read");
                }
            }
        });
    }

    @Test
    void everySingleBitFlipReadsCompletelyOrIsRefused() {
        bounded.batch("bit flips", TIMEOUT_SECONDS, () -> {
            byte[] images = IdxBytes.images(5, 4, 3);
            byte[] gz = IdxBytes.gzip(images);
            int read = 0;
            int tried = 0;
            for (Via via : Via.values()) {
                for (byte[] valid : new byte[][] {images, gz}) {
                    String name = valid == gz ? GZ_NAME : NAME;
                    for (int bit = 0; bit < 8 * valid.length; bit++) {
                        byte[] copy = valid.clone();
                        copy[bit / 8] ^= (byte) (1 << (bit % 8));
                        tried++;
                        // A flip in the pixel data is still a valid file; in the header or the gzip framing it is not.
                        boolean ok = check(copy, name, "images", via, name + " with bit " + bit + " flipped");
                        if (ok) read++;
                        if (ok && bit / 8 < 16 && valid == images) fail(name + ": header bit " + bit + " flipped: read");
                    }
                }
            }
            System.out.println("IDX bit flips: " + read + " of " + tried + " read completely (pixel data), the rest were refused");
        });
    }

    @Test
    void randomBytesAreRefused() {
        long seed = 4711L;
        bounded.batch("random bytes (seed " + seed + ")", TIMEOUT_SECONDS, () -> {
            Random r = new Random(seed);
            for (int trial = 0; trial < 600; trial++) {
                byte[] b = new byte[r.nextInt(300)];
                r.nextBytes(b);
                switch (trial % 4) {
                    case 1 -> { if (b.length >= 4) { b[0] = 0; b[1] = 0; b[2] = 8; b[3] = (byte) (1 + r.nextInt(4)); } }
                    case 2 -> { if (b.length >= 4) { b[0] = 0; b[1] = 0; b[2] = 8; b[3] = 3; } }
                    case 3 -> b = IdxBytes.gzip(b);
                    default -> { }
                }
                Via via = r.nextBoolean() ? Via.FILE : Via.STREAM;
                String name = trial % 4 == 3 ? GZ_NAME : NAME;
                String noun = trial % 3 == 0 ? "items" : "images";
                check(b, name, noun, via, "random bytes, trial " + trial + " (seed " + seed + ")");
            }
        });
    }

    @Test
    void lyingHeadersFailFastWithoutAllocatingWhatTheyClaim() {
        bounded.batch("lying headers", TIMEOUT_SECONDS, () -> {
            byte[] pixels = new byte[100];
            int[][] claims = {
                {60_000, 28, 28},           // MNIST's header over 100 bytes
                {Integer.MAX_VALUE, 28, 28},
                {1, 4096, 4096},            // 16 MB image, 100 bytes present
                {64, 4096, 4096},           // 1 GiB exactly: the cap
                {65, 4096, 4096},           // over the cap
                {2, 5000, 5},               // implausible side
                {-1, 28, 28},
                {0, 28, 28},
                {5, 2, 10},                 // exactly 100 bytes: this one is true
            };
            for (int[] dims : claims) {
                byte[] raw = IdxBytes.idx(0x08, dims, pixels);
                boolean truthful = (long) dims[0] * dims[1] * dims[2] == pixels.length;
                for (Via via : Via.values()) {
                    String what = "header claiming " + Arrays.toString(dims);
                    if (check(raw, NAME, "images", via, what) != truthful) fail(what + ": wrong outcome");
                    if (check(IdxBytes.gzip(raw), GZ_NAME, "images", via, what + " (gzip)") != truthful) fail(what + " gz");
                }
            }
            // Wrong rank, type and magic, with the rest of a good file behind them.
            byte[] good = IdxBytes.images(5, 4, 3);
            for (int[] patch : new int[][] {{3, 0}, {3, 5}, {3, 255}, {2, 0x0D}, {2, 0x09}, {2, 0}, {0, 1}, {1, 8}}) {
                byte[] b = good.clone();
                b[patch[0]] = (byte) patch[1];
                for (Via via : Via.values()) {
                    if (check(b, NAME, "images", via, "byte " + patch[0] + " set to " + patch[1])) fail("read: " + Arrays.toString(patch));
                }
            }
            // Labels out of the header's rank and a data block that is one byte too long.
            byte[] longer = IdxBytes.append(IdxBytes.cyclicLabels(7, 10), 3);
            for (Via via : Via.values()) {
                if (check(longer, "fuzz-labels-idx1-ubyte", "labels", via, "a trailing byte")) fail("read a trailing byte");
                if (check(good, "fuzz-labels-idx1-ubyte", "labels", via, "images read as labels")) fail("rank not checked");
            }
        });
    }

    @Test
    void aValidFileReadsExactlyTheBytesWritten() throws IOException {
        byte[] images = IdxBytes.images(5, 4, 3);
        IdxArray a = new IdxReader().readImages(Files.write(dir.resolve(NAME), images));
        assertArrayEquals(Arrays.copyOfRange(images, 16, images.length), a.data());
        assertEquals(ByteBuffer.wrap(images, 4, 4).getInt(), a.count());
    }
}

package digitlab.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingConfig;
import digitlab.testing.Bounded;
import digitlab.testing.FuzzFixture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the model ({@code .dlm}) and checkpoint ({@code .dlc}) loaders with seeded generators: every
 * truncation and every single-bit flip of a small valid file, random bytes, and headers that lie behind a
 * valid checksum. Each input must either load completely or fail with a {@link ModelFormatException} whose
 * message starts with the file name; never another exception, an {@link OutOfMemoryError}, a hang (each load
 * loop runs on a worker thread with a generous time limit) or more than {@link #MAX_ALLOCATION} bytes allocated for a file of a few KB.
 */
class ModelFileFuzzTest extends FuzzFixture {

    /** A load of a file of at most a few KB may allocate this much (the buffers of a few KB, JSON maps, the model). */
    static final long MAX_ALLOCATION = 8L << 20;
    /** For a whole loop of loads; they take well under a second each. */
    static final long TIMEOUT_SECONDS = 120;

    /** Characters the random header edits put in: JSON syntax, digits, letters of literals, a non-ASCII one. */
    static final String ALPHABET = " {}[]\",:0123456789-eE.tfnaxz\\\u00ff";

    /** A small complete model: 6 -> dense(4) -> sigmoid -> dense(3) -> softmax, 43 parameters, about 1 KB. */
    static Model smallModel() {
        Network net = new Network(Architecture.parse("6 -> dense(4) -> sigmoid -> dense(3) -> softmax"));
        ModelSnapshot s = ModelSnapshot.of(net, net.initialParameters(11), 2, 5, 77);
        ModelMetadata meta = new ModelMetadata("mnist", ModelMetadata.digitLabels(3), new InputNormalization(0.1f, 0.3f),
                TrainingConfig.defaults(), Map.of("test_accuracy", 0.5), Instant.parse("2026-11-24T01:00:00Z"),
                Map.of("run", "fuzz"));
        return new Model(s, meta);
    }

    static TrainingCheckpoint smallCheckpoint() {
        Network net = new Network(Architecture.parse("6 -> dense(4) -> relu -> dense(3) -> softmax"));
        float[] p = net.initialParameters(3);
        return new TrainingCheckpoint(net.architecture(), TrainingConfig.defaults(), p,
                new float[][] {new float[p.length], new float[p.length]}, 9, 1, 2, 3, 0.25, 4, 5);
    }

    /** The loader under test, as a function of the file. */
    @FunctionalInterface
    interface Loader {
        Object load(Path file) throws Exception;
    }

    static final Loader MODEL = ModelFormat::load;
    static final Loader CHECKPOINT = CheckpointFormat::load;

    /**
     * Loads {@code bytes} as a file with the given loader and checks the outcome.
     *
     * @return true when the file loaded (a complete object), false when it was refused with a clear error
     */
    boolean check(Loader loader, byte[] bytes, String what) throws IOException {
        Path f = dir.resolve("fuzz.dlm");
        Files.write(f, bytes);
        Bounded.Outcome o = Bounded.measure(() -> loader.load(f));
        if (o.allocatedBytes() > MAX_ALLOCATION) {
            fail(what + ": the load of a " + bytes.length + "-byte file allocated " + o.allocatedBytes() + " bytes");
        }
        if (o.error() == null) {
            if (o.value() instanceof Model m) {
                // Complete: the parameters fill the architecture and a prediction runs.
                assertEquals(m.snapshot().network().parameterCount(), m.snapshot().parameters().length, what);
                assertEquals(3, m.snapshot().predict(new float[6]).length, what);
            } else if (o.value() instanceof TrainingCheckpoint c) {
                assertEquals(new Network(c.architecture()).parameterCount(), c.parameters().length, what);
            } else {
                fail(what + ": unexpected result " + o.value());
            }
            return true;
        }
        if (!(o.error() instanceof ModelFormatException e)) {
            throw new AssertionError(what + ": expected a ModelFormatException, got " + o.error(), o.error());
        }
        assertTrue(e.getMessage().startsWith(f + ": "), what + ": the message does not start with the file: " + e.getMessage());
        assertTrue(e.getMessage().length() > f.toString().length() + 6, what + ": no problem stated: " + e.getMessage());
        assertEquals(f, e.file(), what);
        Bounded.remember(e.getMessage().substring(f.toString().length() + 2));
        return false;
    }

    byte[] modelBytes() throws IOException {
        Path f = dir.resolve("valid.dlm");
        ModelFormat.save(smallModel(), f);
        return Files.readAllBytes(f);
    }

    byte[] checkpointBytes() throws IOException {
        Path f = dir.resolve("valid.dlc");
        CheckpointFormat.save(smallCheckpoint(), f);
        return Files.readAllBytes(f);
    }

    @Test
    void theValidFilesLoad() throws IOException {
        assertTrue(check(MODEL, modelBytes(), "the valid model"));
        assertTrue(check(CHECKPOINT, checkpointBytes(), "the valid checkpoint"));
    }

    @Test
    void everyTruncationIsRefused() {
        bounded.batch("everyTruncationIsRefused", TIMEOUT_SECONDS, this::everyTruncationIsRefusedOnWorker);
    }

    private void everyTruncationIsRefusedOnWorker() throws IOException {
        for (Loader loader : new Loader[] {MODEL, CHECKPOINT}) {
            byte[] bytes = loader == MODEL ? modelBytes() : checkpointBytes();
            for (int length = 0; length < bytes.length; length++) {
                String what = (loader == MODEL ? "model" : "checkpoint") + " cut to " + length + " of " + bytes.length + " bytes";
                if (check(loader, Arrays.copyOf(bytes, length), what)) fail(what + ": loaded");
            }
        }
    }

    @Test
    void singleBitFlipsAreRefused() {
        bounded.batch("singleBitFlipsAreRefused", TIMEOUT_SECONDS, this::singleBitFlipsAreRefusedOnWorker);
    }

    private void singleBitFlipsAreRefusedOnWorker() throws IOException {
        // The CRC32 detects every single-bit error, and the fixed header is checked before it: nothing loads.
        for (Loader loader : new Loader[] {MODEL, CHECKPOINT}) {
            byte[] bytes = loader == MODEL ? modelBytes() : checkpointBytes();
            // Every bit of the fixed header and the checksum; one seeded bit of every other byte (every bit
            // everywhere takes 8 times as long and finds nothing more: the CRC covers them alike).
            long seed = 7L;
            Random r = new Random(seed);
            for (int position = 0; position < bytes.length; position++) {
                boolean all = position < Container.FIXED || position >= bytes.length - 4;
                int first = all ? 0 : r.nextInt(8);
                for (int bit = first; bit < (all ? 8 : first + 1); bit++) {
                    byte[] copy = bytes.clone();
                    copy[position] ^= (byte) (1 << bit);
                    String what = (loader == MODEL ? "model" : "checkpoint") + " with bit " + bit + " of byte " + position
                            + " flipped (seed " + seed + ")";
                    if (check(loader, copy, what)) fail(what + ": loaded");
                }
            }
        }
    }

    @Test
    void randomBytesAreRefused() {
        bounded.batch("randomBytesAreRefused", TIMEOUT_SECONDS, this::randomBytesAreRefusedOnWorker);
    }

    private void randomBytesAreRefusedOnWorker() throws IOException {
        long seed = 20261124L;
        Random r = new Random(seed);
        byte[] valid = modelBytes();
        for (int trial = 0; trial < 400; trial++) {
            byte[] b = new byte[r.nextInt(3 * valid.length)];
            r.nextBytes(b);
            if (trial % 2 == 1 && b.length >= 8) {
                // Half of them start like a model file, so the checks behind the magic are reached.
                System.arraycopy(ModelFormat.MAGIC, 0, b, 0, 8);
            }
            if (trial % 4 == 3 && b.length >= 24) {
                ByteBuffer.wrap(b).putInt(8, 1).putLong(16, b.length);
            }
            String what = "random bytes, trial " + trial + " (seed " + seed + ")";
            if (check(MODEL, b, what)) fail(what + ": loaded");
        }
    }

    @Test
    void lyingLengthsBehindAValidChecksumAreRefusedWithoutAllocating() {
        bounded.batch("lyingLengthsBehindAValidChecksumAreRefusedWithoutAllocating", TIMEOUT_SECONDS, this::lyingLengthsBehindAValidChecksumAreRefusedWithoutAllocatingOnWorker);
    }

    private void lyingLengthsBehindAValidChecksumAreRefusedWithoutAllocatingOnWorker() throws IOException {
        byte[] valid = modelBytes();
        int headerLength = ByteBuffer.wrap(valid, 24, 4).getInt();
        int arrayCount = 28 + headerLength;
        int firstArrayLength = arrayCount + 4;
        int[] lies = {-1, 0, 1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 65, 1 << 20, 1 << 28};
        for (int lie : lies) {
            for (int offset : new int[] {24, arrayCount, firstArrayLength}) {
                byte[] b = valid.clone();
                ByteBuffer.wrap(b).putInt(offset, lie);
                String what = "field at byte " + offset + " set to " + lie;
                check(MODEL, reseal(b), what); // may only load when the lie equals the truth
            }
            for (int delta : new int[] {-1, 1}) {
                byte[] b = valid.clone();
                ByteBuffer.wrap(b).putInt(firstArrayLength, ByteBuffer.wrap(valid).getInt(firstArrayLength) + delta);
                if (check(MODEL, reseal(b), "first array length off by " + delta)) fail("off by " + delta + ": loaded");
            }
        }
        // The total length field lying (with the checksum recomputed): shorter and longer than the file.
        for (long total : new long[] {0, 1, 28, valid.length - 1L, valid.length + 1L, Long.MAX_VALUE, -1}) {
            byte[] b = valid.clone();
            ByteBuffer.wrap(b).putLong(16, total);
            if (check(MODEL, withChecksum(b), "total length " + total)) fail("total " + total + ": loaded");
        }
    }

    @Test
    void headerTextMutationsBehindAValidChecksumLoadCompletelyOrFailClearly() {
        bounded.batch("headerTextMutationsBehindAValidChecksumLoadCompletelyOrFailClearly", TIMEOUT_SECONDS, this::headerTextMutationsBehindAValidChecksumLoadCompletelyOrFailClearlyOnWorker);
    }

    private void headerTextMutationsBehindAValidChecksumLoadCompletelyOrFailClearlyOnWorker() throws IOException {
        byte[] valid = modelBytes();
        int headerLength = ByteBuffer.wrap(valid, 24, 4).getInt();
        String json = new String(valid, 28, headerLength, StandardCharsets.UTF_8);
        // Targeted lies about the architecture, the parameter count and the metadata.
        String[][] edits = {
            {"\"units\":\"4\"", "\"units\":\"1000000000\""},
            {"\"units\":\"4\"", "\"units\":\"-4\""},
            {"\"units\":\"4\"", "\"units\":\"four\""},
            {"\"units\":\"4\"", "\"units\":\"40000\""},
            {"\"formatVersion\":1", "\"formatVersion\":99"},
            {"\"format\":\"digitlab-model\"", "\"format\":\"other\""},
            {"\"parameterCount\":43", "\"parameterCount\":1e300"},
            {"\"created\":\"2026-11-24T01:00:00Z\"", "\"created\":\"yesterday\""},
            {"\"dataset\":\"mnist\"", "\"dataset\":7"},
            {"\"classes\":[", "\"classes\":[[[[[[[[[[[[[[[[[[[[["},
            {"\"input\"", "\"inputs\""},
        };
        int applied = 0;
        for (String[] e : edits) {
            if (!json.contains(e[0])) continue;
            applied++;
            check(MODEL, withHeader(valid, json.replace(e[0], e[1])), "header edit " + e[0] + " -> " + e[1]);
        }
        assertTrue(applied >= 5, "the header no longer looks as this test expects: " + json);
        // Deep nesting and a non-object header.
        check(MODEL, withHeader(valid, "[".repeat(100_000)), "100000 nested arrays");
        if (check(MODEL, withHeader(valid, "\"just a string\""), "a string header")) fail("a string header loaded");
        // Seeded random byte edits inside the JSON text.
        long seed = 99L;
        Random r = new Random(seed);
        int loaded = 0;
        for (int trial = 0; trial < 1500; trial++) {
            byte[] text = json.getBytes(StandardCharsets.UTF_8);
            int edits2 = 1 + r.nextInt(3);
            for (int k = 0; k < edits2; k++) {
                text[r.nextInt(text.length)] = (byte) " {}[]\",:0123456789-eE.tfnaxz\\\u00ff".charAt(r.nextInt(ALPHABET.length()));
            }
            if (check(MODEL, withHeader(valid, text), "header byte edits, trial " + trial + " (seed " + seed + ")")) loaded++;
        }
        System.out.println("header byte edits: " + loaded + " of 1500 still formed a complete valid model, the rest were refused");
    }

    @Test
    void aRefusedFileNeverYieldsAPartOfTheModel() throws IOException {
        // The parameters of every file that loads are exactly the saved ones: no partial reads that succeed.
        byte[] valid = modelBytes();
        Path f = dir.resolve("ok.dlm");
        Files.write(f, valid);
        Model m = ModelFormat.load(f);
        assertArrayEquals(smallModel().snapshot().parameters(), m.snapshot().parameters());
    }

    /** Replaces the JSON header text, fixing the header length, the total length and the checksum. */
    static byte[] withHeader(byte[] valid, String json) {
        return withHeader(valid, json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] withHeader(byte[] valid, byte[] json) {
        int oldLength = ByteBuffer.wrap(valid, 24, 4).getInt();
        byte[] b = new byte[valid.length - oldLength + json.length];
        System.arraycopy(valid, 0, b, 0, 28);
        ByteBuffer.wrap(b).putInt(24, json.length);
        System.arraycopy(json, 0, b, 28, json.length);
        System.arraycopy(valid, 28 + oldLength, b, 28 + json.length, valid.length - 28 - oldLength);
        return reseal(b);
    }

    /** Sets the total length field to the real length and recomputes the checksum. */
    static byte[] reseal(byte[] b) {
        ByteBuffer.wrap(b).putLong(16, b.length);
        return withChecksum(b);
    }

    static byte[] withChecksum(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }
}

package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.io.ModelFormatException;
import digitlab.testing.Bounded;
import digitlab.testing.FuzzFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of {@link OnnxImport} like that of the model loader: every truncation, a flip of every bit of every
 * byte, random bytes. Each input either imports as a complete model that runs, or fails with a
 * {@link ModelFormatException} whose message starts with the file; never another exception, a hang, or more
 * than {@link #MAX_ALLOCATION} bytes allocated (the files are about 1.6 KB). Lying tensors and graphs the
 * lab cannot run are in {@link OnnxImportErrorsTest}.
 */
class OnnxImportFuzzTest extends FuzzFixture {

    static final long MAX_ALLOCATION = 16L << 20;
    static final long TIMEOUT_SECONDS = 300;

    /** A small model using every kind of node the importer maps, with a normalisation; exported by the lab. */
    static byte[] validModel() throws IOException {
        TestModels.class.getName();
        Model m = TestModels.random("1x6x6 -> conv2d(filters=2, kernel=3, padding=same) -> relu -> maxpool(2) -> flatten"
                + " -> dense(units=4) -> tanh -> dropout(rate=0.1) -> dense(units=3) -> softmax", 5, new InputNormalization(0.5, 0.25));
        return OnnxExport.toBytes(m, "fuzz model", OnnxMappings.standard());
    }

    /** Imports {@code bytes} from a file; true when a complete model came out, false for a clear refusal. */
    boolean check(byte[] bytes, String what) throws IOException {
        Path f = dir.resolve("model.onnx");
        Files.write(f, bytes);
        Bounded.Outcome o = Bounded.measure(() -> OnnxImport.load(f));
        if (o.allocatedBytes() > MAX_ALLOCATION) {
            fail(what + ": importing a " + bytes.length + "-byte file allocated " + o.allocatedBytes() + " bytes");
        }
        if (o.error() == null) {
            Model m = (Model) o.value();
            // complete: it runs and gives one value per class (a flipped exponent bit may make a weight 1e38,
            // a legal float whose outputs overflow: the file holds such a model, the lab runs what it holds)
            float[] out = m.predictPixels(new float[m.snapshot().network().inputSize()]);
            assertEquals(m.metadata().classLabels().size(), out.length, what);
            return true;
        }
        if (!(o.error() instanceof ModelFormatException e)) {
            throw new AssertionError(what + ": expected a ModelFormatException, got " + o.error(), o.error());
        }
        assertTrue(e.getMessage().startsWith(f + ": "), what + ": " + e.getMessage());
        assertTrue(e.getMessage().length() > f.toString().length() + 6, what + ": no problem stated: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), what + ": more than one line: " + e.getMessage());
        Bounded.remember(e.getMessage().substring(f.toString().length() + 2));
        return false;
    }

    @Test
    void theGeneratedModelImports() throws IOException {
        assertTrue(check(validModel(), "the valid model"));
    }

    @Test
    void everyTruncationIsRefused() {
        bounded.batch("truncations", TIMEOUT_SECONDS, () -> {
            byte[] valid = validModel();
            check(valid, "warm-up"); // loads the classes outside the measured calls
            for (int length = 0; length < valid.length; length++) {
                String what = "cut to " + length + " of " + valid.length + " bytes";
                if (check(Arrays.copyOf(valid, length), what)) fail(what + ": imported");
            }
        });
    }

    @Test
    void everyBitFlipImportsCompletelyOrIsRefused() {
        bounded.batch("bit flips", TIMEOUT_SECONDS, () -> {
            byte[] valid = validModel();
            check(valid, "warm-up");
            int imported = 0;
            for (int position = 0; position < valid.length; position++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] copy = valid.clone();
                    copy[position] ^= (byte) (1 << bit);
                    // a weight's mantissa bit still makes a model; a tag, a length or a name does not
                    if (check(copy, "bit " + bit + " of byte " + position + " flipped")) imported++;
                }
            }
            System.out.println("onnx import bit flips: " + imported + " of " + 8 * valid.length
                    + " still formed a complete model, the rest were refused");
            assertTrue(imported < 8 * valid.length);
        });
    }

    @Test
    void randomBytesAreRefused() {
        long seed = 20261203L;
        bounded.batch("random bytes (seed " + seed + ")", TIMEOUT_SECONDS, () -> {
            check(validModel(), "warm-up");
            Random r = new Random(seed);
            for (int trial = 0; trial < 2000; trial++) {
                byte[] b = new byte[r.nextInt(600)];
                r.nextBytes(b);
                if (check(b, "random bytes, trial " + trial + " (seed " + seed + ")")) fail("random bytes imported");
            }
            // random bytes after a valid model's first 40 bytes (a plausible header, then garbage)
            byte[] valid = validModel();
            for (int trial = 0; trial < 500; trial++) {
                byte[] b = Arrays.copyOf(valid, 40 + r.nextInt(600));
                for (int i = 40; i < b.length; i++) b[i] = (byte) r.nextInt(256);
                if (check(b, "header + random bytes, trial " + trial)) fail("header + random bytes imported");
            }
        });
    }

    @Test
    void emptyAndMissingFilesAreNamed() throws IOException {
        assertEquals(false, check(new byte[0], "empty"));
        ModelFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ModelFormatException.class,
                () -> OnnxImport.load(dir.resolve("nothing.onnx")));
        assertEquals(dir.resolve("nothing.onnx") + ": no such file", e.getMessage());
    }
}

package digitlab.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.nn.Model;
import digitlab.testing.Bounded;
import digitlab.testing.FuzzFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of {@link PythonNetworkImport} (the original project's {@code {"weights": ..., "biases": ...}} JSON)
 * with seeded generators: every truncation, single-bit flips, random bytes and random JSON-like text, deep
 * nesting, and shapes that lie. Each input either imports as a complete network or fails with a
 * {@link ModelFormatException} whose message starts with the file; never another exception, a
 * {@link StackOverflowError}, an {@link OutOfMemoryError}, a hang, or more than {@link #MAX_ALLOCATION} bytes.
 */
class PythonImportFuzzTest extends FuzzFixture {

    static final long MAX_ALLOCATION = 16L << 20;
    static final long TIMEOUT_SECONDS = 120;

    /** A valid 5-4-3 network with seeded weights, compact JSON without trailing white space. */
    static String validNetwork() {
        Random r = new Random(3);
        int[] sizes = {5, 4, 3};
        StringBuilder w = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        for (int l = 0; l + 1 < sizes.length; l++) {
            w.append(l == 0 ? "" : ", ").append('[');
            b.append(l == 0 ? "" : ", ").append('[');
            for (int o = 0; o < sizes[l + 1]; o++) {
                w.append(o == 0 ? "" : ", ").append('[');
                for (int i = 0; i < sizes[l]; i++) {
                    w.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", r.nextGaussian()));
                }
                w.append(']');
                b.append(o == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.3e]", r.nextGaussian()));
            }
            w.append(']');
            b.append(']');
        }
        return "{\"sizes\": [5, 4, 3], \"weights\": " + w + "], \"biases\": " + b + "]}";
    }

    /** Imports {@code bytes}; true when a complete network came out, false for a clear refusal. */
    boolean check(byte[] bytes, String what) throws IOException {
        Path f = dir.resolve("net.json");
        Files.write(f, bytes);
        Bounded.Outcome o = Bounded.measure(() -> PythonNetworkImport.load(f));
        if (o.allocatedBytes() > MAX_ALLOCATION) {
            fail(what + ": importing a " + bytes.length + "-byte file allocated " + o.allocatedBytes() + " bytes");
        }
        if (o.error() == null) {
            Model m = (Model) o.value();
            assertEquals(m.snapshot().network().parameterCount(), m.snapshot().parameters().length, what);
            int inputs = m.snapshot().architecture().input().size();
            float[] out = m.snapshot().predict(new float[inputs]);
            for (float v : out) assertTrue(v >= 0 && v <= 1, what + ": sigmoid output " + v);
            return true;
        }
        if (!(o.error() instanceof ModelFormatException e)) {
            throw new AssertionError(what + ": expected a ModelFormatException, got " + o.error(), o.error());
        }
        assertTrue(e.getMessage().startsWith(f + ": "), what + ": " + e.getMessage());
        assertTrue(e.getMessage().length() > f.toString().length() + 6, what + ": no problem stated: " + e.getMessage());
        Bounded.remember(e.getMessage().substring(f.toString().length() + 2));
        return false;
    }

    boolean check(String text, String what) throws IOException {
        return check(text.getBytes(StandardCharsets.UTF_8), what);
    }

    @Test
    void theGeneratedNetworkImports() throws IOException {
        assertTrue(check(validNetwork(), "the valid network"));
    }

    @Test
    void everyTruncationIsRefused() {
        bounded.batch("truncations", TIMEOUT_SECONDS, () -> {
            byte[] valid = validNetwork().getBytes(StandardCharsets.UTF_8);
            for (int length = 0; length < valid.length; length++) {
                String what = "cut to " + length + " of " + valid.length + " bytes";
                if (check(Arrays.copyOf(valid, length), what)) fail(what + ": imported");
            }
        });
    }

    @Test
    void aBitFlipInEveryByteImportsCompletelyOrIsRefused() {
        bounded.batch("bit flips", TIMEOUT_SECONDS, () -> {
            byte[] valid = validNetwork().getBytes(StandardCharsets.UTF_8);
            // One seeded bit of every byte (all 8 bits of every byte take 8 times as long and find nothing new).
            long seed = 17L;
            Random r = new Random(seed);
            int imported = 0;
            for (int position = 0; position < valid.length; position++) {
                int bit = r.nextInt(8);
                byte[] copy = valid.clone();
                copy[position] ^= (byte) (1 << bit);
                // A digit 4 -> 5 is still a network; a brace -> a letter is not.
                if (check(copy, "bit " + bit + " of byte " + position + " flipped (seed " + seed + ")")) imported++;
            }
            System.out.println("python import bit flips: " + imported + " of " + valid.length
                    + " still formed a complete network, the rest were refused");
        });
    }

    @Test
    void randomBytesAndRandomJsonAreRefused() {
        long seed = 424242L;
        bounded.batch("random input (seed " + seed + ")", TIMEOUT_SECONDS, () -> {
            Random r = new Random(seed);
            for (int trial = 0; trial < 300; trial++) {
                byte[] b = new byte[r.nextInt(400)];
                r.nextBytes(b);
                if (check(b, "random bytes, trial " + trial + " (seed " + seed + ")")) fail("random bytes imported");
            }
            String[] tokens = {"{", "}", "[", "]", ",", ":", "\"weights\"", "\"biases\"", "\"sizes\"", "1", "-0.5",
                "1e999", "NaN", "null", "true", "\"x\"", " ", "[[1]]", "[[[1, 2]]]", "[[0]]"};
            for (int trial = 0; trial < 1500; trial++) {
                StringBuilder sb = new StringBuilder(r.nextBoolean() ? "{\"weights\": " : "");
                int n = r.nextInt(60);
                for (int k = 0; k < n; k++) sb.append(tokens[r.nextInt(tokens.length)]);
                check(sb.toString(), "random JSON-like text, trial " + trial + " (seed " + seed + "): " + sb);
            }
        });
    }

    @Test
    void deepNestingAndLyingShapesAreRefusedWithTheirReason() {
        bounded.batch("lies", TIMEOUT_SECONDS, () -> {
            String[] lies = {
                "[".repeat(200_000),
                "{\"weights\": " + "[".repeat(100_000) + "]".repeat(100_000) + ", \"biases\": []}",
                "{\"weights\": [[[1, 2], [3]]], \"biases\": [[0, 0]]}",               // ragged rows
                "{\"weights\": [[[1, 2]]], \"biases\": [[0, 0, 0]]}",                 // too many biases
                "{\"weights\": [[[1, 2]]], \"biases\": [[0], [0]]}",                  // more bias layers
                "{\"sizes\": [3, 1], \"weights\": [[[1, 2]]], \"biases\": [[0]]}",    // sizes disagree
                "{\"weights\": [[[1e999, 2]]], \"biases\": [[0]]}",                   // beyond a float
                "{\"weights\": [[[1, 2]]], \"biases\": [[[0, 1]]]}",                  // a column vector of two
                "{\"weights\": [[[1, 2]], [[1, 2]]], \"biases\": [[0], [0]]}",        // layer 2 expects 1 input
                "{\"weights\": [], \"biases\": []}",
                "{\"weights\": [[]], \"biases\": [[]]}",
                "{\"weights\": [[[]]], \"biases\": [[]]}",
                "{\"weights\": {\"0\": 1}, \"biases\": []}",
                "{\"biases\": [[0]]}",
                "{\"weights\": [[[\"1\", 2]]], \"biases\": [[0]]}",
                "{\"weights\": [[[1, 2]]], \"biases\": [[0]]} trailing",
                "{\"weights\": [[[1, 2]]], \"biases\": [[0]], \"weights\": [[[1]]]}",
            };
            for (String lie : lies) {
                String shown = lie.length() > 80 ? lie.substring(0, 80) + "..." : lie;
                if (check(lie, shown)) fail(shown + ": imported");
            }
            // 70,000 rows of one weight: a layer wider than the core allows, refused before the parameters exist.
            StringBuilder wide = new StringBuilder("{\"weights\": [[");
            for (int i = 0; i < 70_000; i++) wide.append(i == 0 ? "[0]" : ",[0]");
            wide.append("]], \"biases\": [[]]}");
            Path f = dir.resolve("net.json");
            Files.writeString(f, wide);
            ModelFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ModelFormatException.class,
                    () -> PythonNetworkImport.load(f));
            assertTrue(e.getMessage().contains("70000"), e.getMessage());
        });
    }
}

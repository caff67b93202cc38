package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.train.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input in every flag of {@code digitlab train|eval|predict|bench}, in process through
 * {@link Cli#run(String[], PrintStream, PrintStream)}: non-numbers, negatives, zero, huge values, empty values,
 * unknown names, missing and broken files. Each must end with exit code 2 (usage) or 1 (failure), exactly one line
 * on standard error that names the flag or the file, no stack trace, nothing trained, within a time limit, and
 * (for the huge sizes) without allocating what they ask for. The table of actual messages is printed (it is the
 * source of the table in docs/RELIABILITY.md).
 */
class CliBadInputTest {

    static ExecutorService worker;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cli under test");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    /** One bad invocation: the arguments, the exit code and a text the single error line must contain. */
    record Case(int code, String expected, String... args) {
    }

    /** Exit code, error text and the bytes the call allocated. */
    record Outcome(int code, String out, String err, long allocated) {
    }

    static Outcome run(String... args) throws Exception {
        Future<Outcome> f = worker.submit(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long before = allocatedBytes();
            int code = new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            long after = allocatedBytes();
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    before < 0 ? -1 : after - before);
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(String.join(" ", args) + ": no answer within 60 s (did it start training?)");
        }
    }

    /** Bytes allocated by the calling thread so far (HotSpot's counter, by reflection), or -1. */
    static long allocatedBytes() {
        try {
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean", false, ClassLoader.getPlatformClassLoader());
            Method m = type.getMethod("getCurrentThreadAllocatedBytes");
            return (long) m.invoke(ManagementFactory.getThreadMXBean());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * {@code train} with {@code args}, plus (where the flag under test is not one of them) a tiny valid
     * {@code --limit 50 --epochs 1 --validation 0}, so a value that is wrongly accepted trains for a second and
     * shows up as exit code 0 instead of an hour of training.
     */
    static String[] train(String... args) {
        List<String> a = new ArrayList<>(List.of("train", "--runs", dir.resolve("runs").toString()));
        a.addAll(List.of(args));
        boolean resume = a.contains("--resume");
        for (String[] guard : new String[][] {{"--limit", "50"}, {"--epochs", "1"}, {"--validation", "0"}}) {
            if (!resume && !a.contains(guard[0])) a.addAll(List.of(guard));
        }
        return a.toArray(String[]::new);
    }

    static List<Case> cases() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.dlm"), "DLMODEL\nnot really");
        Path empty = Files.write(dir.resolve("empty.dlm"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.png"), "hello");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path notIdx = Files.createDirectories(dir.resolve("not-idx"));
        Files.writeString(notIdx.resolve("train-images-idx3-ubyte"), "garbage");
        String hundredAndOne = String.join(",", java.util.Collections.nCopies(101, "8"));
        List<Case> c = new ArrayList<>();
        // train: every flag with a value
        for (String v : new String[] {"abc", "-1", "0", "1.5", "99999999999", "", "1000001"}) c.add(new Case(2, "--epochs", train("--epochs", v)));
        for (String v : new String[] {"abc", "-5", "0", "1000000000", ""}) c.add(new Case(2, "--batch", train("--batch", v)));
        for (String v : new String[] {"abc", "-1", "0", "1e9", "NaN", "Infinity", ""}) c.add(new Case(2, "--lr", train("--lr", v)));
        for (String v : new String[] {"abc", "1.5", "99999999999999999999", ""}) c.add(new Case(2, "--seed", train("--seed", v)));
        for (String v : new String[] {"abc", "-1", "0", "100000", ""}) c.add(new Case(2, "--threads", train("--threads", v)));
        for (String v : new String[] {"", ",", "abc", "-5", "0", "1000000000", "256,,128", "65537", "60000,60000", hundredAndOne}) {
            c.add(new Case(2, "--layers", train("--layers", v)));
        }
        for (String v : new String[] {"", "nosuch", "idx:", "http://example.com/mnist"}) c.add(new Case(2, "--dataset", train("--dataset", v)));
        c.add(new Case(1, "absent", train("--dataset", "idx:" + dir.resolve("absent"))));
        c.add(new Case(1, "not-idx", train("--dataset", "idx:" + notIdx)));
        for (String v : new String[] {"", "resnet"}) c.add(new Case(2, "--arch", train("--arch", v)));
        // An empty --activation means "the preset's activation" (accepted, like leaving the flag out).
        for (String v : new String[] {"swish", "-1"}) c.add(new Case(2, "--activation", train("--activation", v)));
        for (String v : new String[] {"", "hinge"}) c.add(new Case(2, "--loss", train("--loss", v)));
        for (String v : new String[] {"", "magic"}) c.add(new Case(2, "--optimizer", train("--optimizer", v)));
        // --validation -1 means "the dataset's default" (accepted); below that it is refused.
        for (String v : new String[] {"abc", "-2", "200%", "99999999"}) c.add(new Case(2, "--validation", train("--validation", v)));
        for (String v : new String[] {"abc", "-1"}) c.add(new Case(2, "--limit", train("--limit", v)));
        for (String v : new String[] {"", "zigzag", "step:0:0.5", "step:abc", "cosine:-1"}) c.add(new Case(2, "--schedule", train("--schedule", v)));
        for (String v : new String[] {"abc", "-1", "NaN"}) c.add(new Case(2, "--weight-decay", train("--weight-decay", v)));
        for (String v : new String[] {"abc", "0", "-1", "1.01", "99", "NaN", "Infinity", ""}) c.add(new Case(2, "--target", train("--target", v)));
        for (String v : new String[] {"abc", "0", "-1", "101", "NaN", ""}) {
            c.add(new Case(2, "--eval-every", train("--target", "0.9", "--eval-every", v)));
        }
        c.add(new Case(2, "--eval-every needs --target", train("--eval-every", "0.5")));
        c.add(new Case(2, "--name", train("--name", "x".repeat(300))));
        c.add(new Case(2, "--out", train("--out", folder.toString())));
        c.add(new Case(2, "--epochs needs a value", train("--epochs")));
        c.add(new Case(2, "--json takes no value", train("--json=yes")));
        c.add(new Case(2, "--epochs is given twice", train("--epochs", "1", "--epochs", "2")));
        c.add(new Case(2, "unknown option --epoch", train("--epoch", "1")));
        c.add(new Case(1, "no-such-run", train("--resume", "no-such-run")));
        // eval
        c.add(new Case(2, "--split", "eval", "--split", "dev")); // without --model: the current model
        c.add(new Case(1, "missing.dlm", "eval", "--model", dir.resolve("missing.dlm").toString()));
        c.add(new Case(1, "broken.dlm", "eval", "--model", broken.toString()));
        c.add(new Case(1, "empty.dlm", "eval", "--model", empty.toString()));
        c.add(new Case(1, "a-folder: is a folder", "eval", "--model", folder.toString()));
        c.add(new Case(2, "--model", "eval", "--model", ""));
        Path good = dir.resolve("good.dlm");
        digitlab.nn.io.ModelFormat.save(ModelFormatSamples.model(1), good);
        c.add(new Case(2, "--split", "eval", "--model", good.toString(), "--split", "dev"));
        c.add(new Case(2, "--dataset", "eval", "--model", good.toString(), "--dataset", "nosuch"));
        for (String v : new String[] {"abc", "-1", "0"}) c.add(new Case(2, "--threads", "eval", "--model", good.toString(), "--threads", v));
        // predict
        c.add(new Case(2, "no image given", "predict"));
        c.add(new Case(1, "nope.png", "predict", "--image", dir.resolve("nope.png").toString()));
        c.add(new Case(1, "text.png", "predict", "--image", text.toString()));
        c.add(new Case(1, "a-folder", "predict", "--image", folder.toString()));
        c.add(new Case(1, "broken.dlm", "predict", "--model", broken.toString(), "--image", text.toString()));
        // bench
        c.add(new Case(2, "--nosuch", "bench", "--nosuch"));
        c.add(new Case(2, "--threads", "bench", "--threads", "abc"));
        c.add(new Case(2, "--batches", "bench", "--batches", "0"));
        c.add(new Case(2, "--threads", "bench", "--threads"));
        // switches take no value; stray words; the other commands' flags
        c.add(new Case(2, "--augment takes no value", train("--augment=false")));
        c.add(new Case(2, "unexpected argument 'extra'", train("extra")));
        c.add(new Case(2, "did you mean --epochs", train("--epoch", "2")));
        c.add(new Case(2, "unknown option --nosuch", "eval-images", "--nosuch", dir.toString()));
        c.add(new Case(2, "no folder given", "eval-images"));
        c.add(new Case(2, "--format", "export", "--format", "xml", "--out", dir.resolve("x.onnx").toString()));
        c.add(new Case(2, "--out is required", "export", "--model", good.toString()));
        c.add(new Case(2, "--out needs a value", "import", good.toString(), "--out"));
        c.add(new Case(2, "name one model file", "import", "--out", dir.resolve("x.dlm").toString()));
        for (String v : new String[] {"abc", "0", "101"}) c.add(new Case(2, "--epochs", "finetune", "--epochs", v));
        for (String v : new String[] {"abc", "0", "2"}) c.add(new Case(2, "--share", "finetune", "--share", v));
        c.add(new Case(2, "--json takes no value", "finetune", "--json=1"));
        // the command itself
        c.add(new Case(2, "unknown command", "fly"));
        return c;
    }

    @Test
    void everyBadFlagEndsWithOneClearLineAndTheDocumentedExitCode() throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Case c : cases()) {
            String command = String.join(" ", c.args()).replace(dir.toString(), "$TMP");
            Outcome o = run(c.args());
            List<String> lines = o.err().lines().toList();
            String line = lines.isEmpty() ? "" : lines.get(0).replace(dir.toString(), "$TMP");
            table.append("| `").append(command.length() > 90 ? command.substring(0, 90) + "..." : command).append("` | ")
                    .append(o.code()).append(" | ").append(line.length() > 160 ? line.substring(0, 160) + "..." : line).append(" |\n");
            if (o.code() != c.code()) problems.add(command + ": exit " + o.code() + " instead of " + c.code() + ": " + o.err());
            if (lines.size() != 1) problems.add(command + ": " + lines.size() + " lines on stderr: " + o.err());
            if (!o.err().contains(c.expected())) problems.add(command + ": '" + c.expected() + "' not in: " + o.err());
            if (o.err().contains("Exception") || o.err().contains("\tat ")) problems.add(command + ": a stack trace: " + o.err());
            if (o.code() == 0) problems.add(command + ": accepted (it trained)");
        }
        System.out.println("| command | exit | the line on stderr |\n|---|---|---|\n" + table);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
        // Nothing was trained: the runs folder, if any, holds no run.
        Path runs = dir.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (var s = Files.list(runs)) {
                assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
            }
        }
    }

    @Test
    void aLayerOfABillionNeuronsIsRefusedBeforeAllocation() throws Exception {
        for (String layers : new String[] {"1000000000", "256,1000000000", "60000,60000"}) {
            Outcome o = run(train("--layers", layers));
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("--layers"), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            // 10^9 floats would be 4 GB; the refusal allocates next to nothing (the counter is per thread).
            if (o.allocated() >= 0 && o.allocated() > (64L << 20)) {
                fail("--layers " + layers + ": the refusal allocated " + o.allocated() + " bytes");
            }
            System.out.println("--layers " + layers + ": exit " + o.code() + ", allocated " + o.allocated() / 1024 + " KB: " + o.err().strip());
        }
    }
}

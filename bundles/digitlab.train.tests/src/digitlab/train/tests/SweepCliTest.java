package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.cli.Cli;
import digitlab.train.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitlab sweep} in process: bad input (one line naming the flag, exit 2, nothing made) and a small sweep. */
class SweepCliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result sweep(String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", "--runs", dir.resolve("runs").toString()));
        all.addAll(List.of(args));
        return cli(all.toArray(String[]::new));
    }

    @Test
    void badInputIsOneLineNamingTheFlag() throws IOException {
        String[][] cases = {
                {"--lr needs a value", "--lr"},
                {"--lr: no values given", "--lr", ","},
                {"--lr: 2,000 must be above 0 and at most 1,000", "--lr", "0.01,2000"},
                {"--lr: 'fast' is not a number", "--lr", "0.01,fast"},
                {"--batch: 0 must be between 1 and 65,536", "--batch", "0,32"},
                {"--layers: 'abc' is not a whole number", "--layers", "128", "abc"},
                {"--parallel: 0 must be between 1 and 64", "--lr", "0.01", "--parallel", "0"},
                {"--random: 0 random points", "--random", "0"},
                {"--random: 101 random points: give 1 to 100", "--random", "101", "--lr", "0.001..0.1"},
                {"--max-points: the grid has 110 points (11 learning rate x 10 seed); the limit is 100",
                        "--lr", "0.001,0.002,0.003,0.004,0.005,0.006,0.007,0.008,0.009,0.01,0.02", "--seed", "1,2,3,4,5,6,7,8,9,10"},
                {"--lr: a range 0.001..0.1 needs random sampling", "--lr", "0.001..0.1"},
                {"--weight-decay: the range 0..0.1 is sampled log-uniformly", "--random", "4", "--weight-decay", "0..0.1"},
                {"--early-stop: needs runs of at least 2 epochs", "--epochs", "1", "--early-stop"},
                {"--reduction needs --early-stop", "--reduction", "3"},
                {"--early-stop: the reduction factor 1 must be between 2 and 10", "--early-stop", "--reduction", "1"},
                {"--metric: unknown metric 'accuracy'", "--metric", "accuracy"},
                {"--optimizer: unknown optimizer 'rmsprop'", "--optimizer", "adam,rmsprop"},
                {"--arch: unknown", "--arch", "resnet"},
                {"--epochs: 'two' is not a whole number", "--epochs", "two"},
                {"--lr cannot be combined with --resume", "--resume", "x", "--lr", "0.1"},
                {"unknown option --learning-rate", "--learning-rate", "0.1"},
                {"no setting to vary: give at least one, e.g. --lr 0.001,0.01", "--epochs", "2"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Result r = sweep(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("digitlab sweep: " + c[0]), String.join(" ", args) + " -> " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("sweeps")), "no sweep made for bad input");
        assertFalse(Files.exists(dir.resolve("runs")) && dir.resolve("runs").toFile().list().length > 0, "no run made");
        Result missing = sweep("--resume", "20990101-000000-sweep");
        assertEquals(1, missing.code(), missing.err());
        assertTrue(missing.err().contains("no sweep '20990101-000000-sweep'"), missing.err());
    }

    @Test
    void aSmallSweepPrintsTheTableAndTheJsonSummary() throws IOException {
        Path csv = dir.resolve("sweep.csv");
        Result r = sweep("--arch", "mlp", "--lr", "0.01,50", "--layers", "8", "16,8", "--epochs", "2", "--limit", "600",
                "--validation", "200", "--batch", "20", "--threads", "1", "--seed", "5", "--early-stop", "--csv", csv.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("4 points of 2 epochs, 1 at a time; early stopping (ASHA"), r.out());
        assertTrue(r.out().contains("#   state"), r.out());
        Map<String, Object> j = Json.parseObject(r.lastLine());
        assertEquals("completed", j.get("status"));
        assertEquals("validation_accuracy", j.get("metric"));
        assertEquals(4.0, j.get("points"));
        assertTrue(((String) j.get("early_stopping")).contains("after epoch 1"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) (List<?>) j.get("runs");
        assertEquals(4, runs.size());
        for (Map<String, Object> run : runs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) run.get("settings");
            assertEquals(List.of("hiddenLayers", "learningRate"), List.copyOf(settings.keySet()));
            if ((Double) settings.get("learningRate") == 50.0) {
                assertEquals(Boolean.TRUE, run.get("stopped_early"), run.toString());
                assertEquals("stopped early", run.get("state"));
                assertEquals(1.0, run.get("epochs"));
            }
            assertTrue(run.get("run") instanceof String, run.toString());
            assertTrue(run.get("validation_accuracy") instanceof Double, run.toString());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) j.get("best");
        @SuppressWarnings("unchecked")
        Map<String, Object> bestSettings = (Map<String, Object>) best.get("settings");
        assertEquals(0.01, bestSettings.get("learningRate"));
        assertEquals("completed", best.get("state"));
        assertTrue((Double) j.get("stopped_early") >= 2, "both lr 50 runs: " + j.get("stopped_early"));
        assertEquals(5, Files.readAllLines(csv).size());

        Result list = sweep("--list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains((String) j.get("sweep")) && list.out().contains("completed"), list.out());
        Result again = sweep("--resume", (String) j.get("sweep"));
        assertEquals(1, again.code());
        assertTrue(again.err().contains("is completed with nothing left to do"), again.err());
    }
}

package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.io.ModelFormat;
import digitlab.train.Datasets;
import digitlab.train.cli.Cli;
import digitlab.train.internal.Json;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands: exit codes, one-line messages, JSON output, prediction on PNG drawings. */
class CliTest {

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one command. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        Map<String, Object> json() {
            List<String> lines = out.lines().toList();
            return Json.parseObject(lines.get(lines.size() - 1));
        }
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A usage or failure: the exit code and exactly one line on stderr that contains {@code text}, no stack trace. */
    static void assertOneLine(Result r, int code, String text) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(text), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    /** Every command's help: its usage line, every option it parses, the exit codes; an unknown one suggests the right one. */
    @Test
    void everyCommandHelpListsItsOptions() {
        java.util.Map<String, List<String>> options = java.util.Map.of(
                "train", List.of("--dataset", "--arch", "--layers", "--lr", "--epochs", "--augment", "--no-augment", "--resume", "--json"),
                "eval", List.of("--model", "--dataset", "--split", "--threads", "--json"),
                "predict", List.of("--image", "--model", "--json", "IMAGE_OR_FOLDER"),
                "eval-images", List.of("--model", "--json", "FOLDER"),
                "bench", List.of("--json", "--quick", "--threads", "--batches"),
                "finetune", List.of("--model", "--epochs", "--lr", "--mnist", "--share", "--seed", "--threads", "--out", "--json"),
                "export", List.of("--model", "--format", "--out", "--json"),
                "import", List.of("--out", "--json", "FILE"));
        for (var e : options.entrySet()) {
            Result r = cli(e.getKey(), "--help");
            assertEquals(0, r.code(), e.getKey());
            assertTrue(r.out().startsWith("Usage: digitlab " + e.getKey()), r.out());
            assertTrue(r.out().contains("Exit codes: 0 "), r.out());
            for (String o : e.getValue()) assertTrue(r.out().contains(o), e.getKey() + " --help does not name " + o + ":\n" + r.out());
            assertTrue(cli("--help").out().contains("  " + e.getKey() + " "), "the overview names " + e.getKey());
        }
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, cli("--help").code());
        assertTrue(cli("--help").out().contains("predict"));
        for (String c : List.of("train", "eval", "predict", "bench")) {
            Result r = cli(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().startsWith("Usage: digitlab " + c), r.out());
        }
        assertOneLine(cli(), 2, "a command is needed");
        assertOneLine(cli("fly"), 2, "unknown command 'fly'");
        assertOneLine(cli("train", "--bogus"), 2, "digitlab train: unknown option --bogus (see digitlab train --help)");
        assertOneLine(cli("train", "--lr", "fast"), 2, "--lr: 'fast' is not a number");
        assertOneLine(cli("train", "--epochs"), 2, "--epochs needs a value");
        assertOneLine(cli("train", "--epochs", "0"), 2, "--epochs: 0 must be between 1 and 100,000");
        assertOneLine(cli("train", "--batch", "-5"), 2, "--batch: -5 must be between 1 and 65,536");
        assertOneLine(cli("train", "--dataset", "nosuch"), 2, "--dataset: unknown dataset 'nosuch'; known datasets: mnist");
        assertOneLine(cli("train", "--arch", "resnet"), 2, "--arch: unknown architecture preset 'resnet'");
        assertOneLine(cli("train", "--layers", "1000000000"), 2, "--layers: layer 1 has 1000000000 neurons");
        assertOneLine(cli("train", "--layers", "256,,128"), 2, "--layers: '' is not a whole number");
        assertOneLine(cli("train", "--optimizer", "magic"), 2, "--optimizer: unknown optimizer 'magic'");
        assertOneLine(cli("train", "extra"), 2, "unexpected argument 'extra'");
        assertOneLine(cli("train", "--resume", "x", "--lr", "1"), 2, "--lr cannot be combined with --resume");
        assertOneLine(cli("eval", "--model", ""), 2, "--model is required");
        assertOneLine(cli("eval", "--model", "m.dlm", "--split", "dev"), 2, "--split: unknown split 'dev'");
        assertOneLine(cli("predict", "--model", "m.dlm"), 2, "no image given");
        Result r = cli("eval", "--model", "absent.dlm", "--json");
        assertOneLine(r, 1, "absent.dlm");
        assertEquals(1.0, r.json().get("exit_code"));
        assertTrue(((String) r.json().get("error")).contains("absent.dlm"));
    }

    @Test
    void missingAndBrokenFilesFailWithOneLine() throws IOException {
        Path missing = dir.resolve("missing.dlm");
        assertOneLine(cli("eval", "--model", missing.toString()), 1, "missing.dlm");
        Path broken = dir.resolve("broken.dlm");
        Files.writeString(broken, "this is not a model");
        assertOneLine(cli("eval", "--model", broken.toString()), 1, "broken.dlm");
        Path empty = dir.resolve("empty.dlm");
        Files.write(empty, new byte[0]);
        assertOneLine(cli("predict", "--model", empty.toString(), "--image", "x.png"), 1, "empty.dlm");
        assertOneLine(cli("predict", "--image", dir.resolve("nope.png").toString()), 1, "nope.png");
        Path notAnImage = dir.resolve("text.png");
        Files.writeString(notAnImage, "hello");
        assertOneLine(cli("predict", "--image", notAnImage.toString()), 1, "text.png");
        Path blank = dir.resolve("blank.png");
        ImageIO.write(canvas(), "png", blank.toFile());
        assertOneLine(cli("predict", "--image", blank.toString()), 1, "nothing drawn");
        assertOneLine(cli("train", "--resume", "no-such-run", "--runs", dir.toString()), 1, "no-such-run");
        assertOneLine(cli("train", "--dataset", "idx:" + dir.resolve("absent"), "--runs", dir.resolve("runs").toString()),
                1, "absent");
        assertFalse(Files.exists(dir.resolve("runs")) && dir.resolve("runs").toFile().list().length > 0,
                "a dataset that cannot be loaded leaves no run behind");
    }

    @Test
    void trainWithJsonThenEvaluate() throws IOException {
        Path model = dir.resolve("out").resolve("small.dlm");
        Result t = cli("train", "--layers", "32", "--limit", "500", "--epochs", "1", "--batch", "25", "--validation", "300",
                "--threads", "1", "--seed", "3", "--runs", dir.resolve("runs").toString(), "--out", model.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("epoch 1/1  loss "), t.out());
        Map<String, Object> j = t.json();
        double acc = (Double) j.get("test_accuracy");
        assertTrue(acc > 0.3 && acc <= 1, j.toString());
        assertEquals(1.0, j.get("epochs"));
        assertTrue((Double) j.get("seconds") > 0);
        assertTrue((Double) j.get("samples_per_second") > 0);
        assertEquals(model.toAbsolutePath().toString(), j.get("model"));
        assertEquals("completed", j.get("status"));
        assertTrue(Files.isRegularFile(model));
        ModelFormat.load(model);

        Result e = cli("eval", "--model", model.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        Map<String, Object> ej = e.json();
        assertEquals(acc, (Double) ej.get("test_accuracy"), 1e-12, "eval agrees with train's final evaluation");
        List<?> confusion = (List<?>) ej.get("confusion");
        assertEquals(10, confusion.size());
        double total = 0;
        for (Object row : confusion) {
            assertEquals(10, ((List<?>) row).size());
            for (Object v : (List<?>) row) total += (Double) v;
        }
        assertEquals(10_000, total);
        assertTrue(e.out().contains("confusion matrix"), e.out());
        assertOneLine(cli("eval", "--model", model.toString(), "--dataset", "nosuch"), 2, "unknown dataset 'nosuch'");
    }

    @Test
    void evalWithoutModelEvaluatesTheCurrentModel() throws IOException {
        Result e = cli("eval", "--json");
        assertEquals(0, e.code(), e.err());
        Map<String, Object> j = e.json();
        assertEquals("ready model", j.get("model"), "without --model eval takes the current model, the ready one");
        digitlab.train.EvaluationReport expected = digitlab.train.Evaluator.evaluate(
                digitlab.train.ModelService.readyModel(), Datasets.load("mnist", -1), Split.TEST, 1);
        assertEquals(expected.accuracy(), (Double) j.get("test_accuracy"), 1e-12);
        assertEquals(10_000.0, j.get("size"));
    }

    @Test
    void predictsAHandDrawnSeven() throws IOException {
        BufferedImage img = canvas();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(24, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {80, 150, 225, 200, 165, 140}, new int[] {75, 70, 72, 140, 210, 262}, 6);
        g.dispose();
        Path png = dir.resolve("seven.png");
        ImageIO.write(img, "png", png.toFile());
        Result r = cli("predict", "--image", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(7.0, j.get("digit"), r.out());
        List<?> p = (List<?>) j.get("probabilities");
        assertEquals(10, p.size());
        double sum = 0;
        for (Object v : p) sum += (Double) v;
        assertEquals(1.0, sum, 1e-3);
        assertEquals(List.of(r.out().strip()), r.out().strip().lines().toList(), "with --json: one JSON line per image");
    }

    @Test
    void predictsMnistTestImagesRenderedLarge() throws IOException {
        ImageSet test = Datasets.load("mnist", -1).part(Split.TEST);
        for (int i = 0; i < 5; i++) {
            // Dark ink on white, ten times larger, smoothly scaled: as a user's drawing might look.
            BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = 255 - test.pixel(i, x, y);
                    small.setRGB(x, y, new Color(v, v, v).getRGB());
                }
            }
            BufferedImage big = canvas();
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(small, 10, 10, 290, 290, 0, 0, 28, 28, null);
            g.dispose();
            Path png = dir.resolve("test" + i + ".png");
            ImageIO.write(big, "png", png.toFile());
            Result r = cli("predict", "--image", png.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals((double) test.label(i), r.json().get("digit"), "test image " + i + ": " + r.out());
        }
    }

    /** MNIST test image {@code i} as a dark-on-light PNG of {@code side} pixels. */
    private Path mnistPng(ImageSet test, int i, int side, String name) throws IOException {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = 255 - test.pixel(i, x, y);
                small.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        BufferedImage big = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, side, side, 0, 0, 28, 28, null);
        g.dispose();
        Path png = dir.resolve(name);
        Files.createDirectories(png.getParent());
        ImageIO.write(big, "png", png.toFile());
        return png;
    }

    @Test
    void predictsManyImagesAndFoldersInOneStartAndReportsABrokenOneOnItsOwnLine() throws IOException {
        ImageSet test = Datasets.load("mnist", -1).part(Split.TEST);
        Path a = mnistPng(test, 0, 140, "a.png");
        for (int i = 1; i < 4; i++) mnistPng(test, i, 100 + 40 * i, "folder/sub/" + i + ".png");
        Files.writeString(dir.resolve("folder/notes.txt"), "not an image, and not looked at");
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "this is not a PNG");
        Result r = cli("predict", "--json", a.toString(), broken.toString(), dir.resolve("folder").toString());
        assertEquals(1, r.code(), "a file failed: exit 1 at the end");
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        Map<String, Object> first = Json.parseObject(lines.get(0));
        assertEquals(a.toString(), first.get("file"));
        assertEquals((double) test.label(0), first.get("digit"));
        assertEquals(Integer.toString(test.label(0)), first.get("label"));
        assertEquals(10, ((List<?>) first.get("probabilities")).size());
        Map<String, Object> bad = Json.parseObject(lines.get(1));
        assertEquals(broken.toString(), bad.get("file"));
        assertTrue(((String) bad.get("error")).contains("cannot") || ((String) bad.get("error")).contains("not an image"),
                lines.get(1));
        for (int i = 1; i < 4; i++) {
            Map<String, Object> j = Json.parseObject(lines.get(i + 1));
            assertTrue(((String) j.get("file")).endsWith(i + ".png"), lines.get(i + 1));
            assertEquals((double) test.label(i), j.get("digit"), lines.get(i + 1));
        }
        assertOneLine(r, 1, "broken.png");

        Result plain = cli("predict", a.toString(), dir.resolve("folder").toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals(4, plain.out().lines().count(), plain.out());
        assertTrue(plain.out().startsWith(a + ": " + test.label(0) + " ("), plain.out());
        Result old = cli("predict", "--image", a.toString());
        assertTrue(old.out().lines().count() == 11, "one image: the guess and every class's bar: " + old.out());
    }

    @Test
    void evaluatesLabelledImagesAndCanvasStrokes() throws IOException {
        ImageSet test = Datasets.load("mnist", -1).part(Split.TEST);
        for (int i = 0; i < 6; i++) mnistPng(test, i, 56, "set/pictures/" + test.label(i) + "_" + i + ".png");
        // a 1 as one vertical stroke and a 7 as a bar and a diagonal, as the canvas records them
        Files.writeString(dir.resolve("set/canvas.jsonl"), """
                {"label": 1, "width": 0.05, "strokes": [[0.5, 0.1, 0.52, 0.9]]}
                {"label": 7, "width": 0.05, "strokes": [[0.25, 0.15, 0.75, 0.15, 0.45, 0.9]]}
                """);
        Result r = cli("eval-images", "--json", dir.resolve("set").toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(8.0, j.get("images"));
        assertTrue((Double) j.get("accuracy") >= 7 / 8.0, r.out());
        List<?> variants = (List<?>) j.get("variants");
        assertEquals(2, variants.size(), r.out());
        assertTrue(r.out().contains("set/pictures"), r.out());
        assertTrue(r.out().contains("set/canvas.jsonl"), r.out());

        Files.writeString(dir.resolve("set/canvas.jsonl"), "{\"label\": 12, \"strokes\": []}\n");
        assertOneLine(cli("eval-images", dir.resolve("set").toString()), 1, "canvas.jsonl, line 1: label must be a class");
        Files.createDirectories(dir.resolve("empty"));
        assertOneLine(cli("eval-images", dir.resolve("empty").toString()), 1, "no labelled images");
        assertOneLine(cli("eval-images"), 2, "no folder given");
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        return img;
    }
}

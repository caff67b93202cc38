package digitlab.train.cli;

import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.data.preprocess.StrokeDigitizer;
import digitlab.data.preprocess.StrokeWidthNormalizer;
import digitlab.nn.Argmax;
import digitlab.nn.Model;
import digitlab.train.ModelService;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code digitlab eval-images}: a model's accuracy on labelled images of digits outside any dataset, per folder:
 * images named {@code LABEL_anything.png} (the label is the file name's first character), digitised as the canvas
 * digitises pictures; and canvas strokes kept as JSON lines ({@code NAME.jsonl}: one object a line with
 * {@code label}, {@code width} and {@code strokes}, lists of x, y in canvas coordinates 0..1), digitised as the
 * canvas digitises strokes. The repository's realistic test set (bench/realworld) is laid out this way.
 */
@CommandLine.Command(name = "eval-images", sortOptions = false, descriptionHeading = "%n",
        customSynopsis = "digitlab eval-images [--model FILE|RUN@EPOCH] [--json] FOLDER...",
        description = {"accuracy on folders of labelled digit images and recorded canvas strokes", "",
                "Guesses every labelled image under each FOLDER (recursively) and reports the accuracy per folder, per"
                        + " class and overall. Images are named LABEL_anything.png (.jpg, .gif, .bmp; the label is the"
                        + " first character) and digitised like pictures in the canvas (stroke width normalised); files"
                        + " NAME.jsonl hold canvas strokes, one JSON object a line ({\"label\": 3, \"strokes\":"
                        + " [[x, y, x, y, ...], ...]} in canvas coordinates 0..1), digitised like strokes in the canvas."
                        + " bench/realworld in the repository is such a test set.", ""},
        footer = {"", "Exit codes: 0 measured, 1 a folder without labelled images or a broken file, 2 bad options."})
final class EvalImagesCommand extends Command {

    @Parameters(paramLabel = "FOLDER", description = "folders of labelled images and stroke files")
    List<String> folders = new ArrayList<>();
    @Option(names = "--model", paramLabel = "FILE|RUN@EPOCH", description = "RUN@EPOCH: the model a run kept at the end of that epoch; else the model (.dlm, original JSON network or ONNX); default: the current model")
    Path modelFile;
    @Option(names = "--json", description = "end with one JSON line: variants (name, images, accuracy, per_class), images, accuracy")
    boolean json;

    /** The results of one folder or stroke file. */
    private record Variant(String name, int[] right, int[] total) {
        int images() {
            int n = 0;
            for (int t : total) n += t;
            return n;
        }

        int correct() {
            int n = 0;
            for (int r : right) n += r;
            return n;
        }
    }

    @Override
    int run() throws UsageException, IOException {
        if (folders.isEmpty()) throw new UsageException("no folder given: name folders of labelled images");
        Model model = modelFile != null ? Cli.loadModel(modelFile) : ModelService.get().current().model();
        int classes = model.snapshot().network().outputSize();
        if (model.snapshot().network().inputSize() != PreprocessedDigit.SIZE * PreprocessedDigit.SIZE) {
            err.println("digitlab eval-images: the model takes " + model.snapshot().network().inputSize()
                    + " inputs, images give 28x28 = 784");
            return Cli.FAILURE;
        }
        List<Variant> variants = new ArrayList<>();
        for (String name : folders) {
            Path root = Path.of(name);
            if (!Files.isDirectory(root)) throw new IOException(root + ": not a folder");
            Map<Path, List<Path>> byFolder = new TreeMap<>();
            List<Path> strokeFiles = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String file = p.getFileName().toString();
                    if (file.endsWith(".jsonl")) strokeFiles.add(p);
                    else if (PredictCommand.IMAGE_ENDINGS.contains(ending(file)) && labelOf(file, classes) >= 0) {
                        byFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p);
                    }
                }
            }
            if (byFolder.isEmpty() && strokeFiles.isEmpty()) {
                throw new IOException(root + ": no labelled images (LABEL_name.png) or stroke files (.jsonl) in the folder");
            }
            for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
                variants.add(images(label(root, e.getKey()), e.getValue(), model, classes));
            }
            for (Path p : strokeFiles) variants.add(strokes(label(root, p), p, model, classes));
        }
        int all = 0, right = 0;
        for (Variant v : variants) {
            all += v.images();
            right += v.correct();
            StringBuilder perClass = new StringBuilder();
            for (int c = 0; c < classes; c++) {
                if (v.total[c] > 0) perClass.append(String.format(Locale.ROOT, " %d:%.0f", c, 100.0 * v.right[c] / v.total[c]));
            }
            out.println(String.format(Locale.ROOT, "%-30s %6d  %6.2f %%  per class %%:%s", v.name, v.images(),
                    100.0 * v.correct() / v.images(), perClass));
        }
        out.println(String.format(Locale.ROOT, "%-30s %6d  %6.2f %%", "all", all, 100.0 * right / all));
        if (json) {
            List<Object> vs = new ArrayList<>();
            for (Variant v : variants) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("name", v.name);
                j.put("images", v.images());
                j.put("accuracy", (double) v.correct() / v.images());
                Map<String, Object> pc = new LinkedHashMap<>();
                for (int c = 0; c < classes; c++) if (v.total[c] > 0) pc.put(Integer.toString(c), (double) v.right[c] / v.total[c]);
                j.put("per_class", pc);
                vs.add(j);
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("variants", vs);
            j.put("images", all);
            j.put("accuracy", all == 0 ? 0.0 : (double) right / all);
            out.println(Json.write(j));
        }
        return Cli.OK;
    }

    private static Variant images(String name, List<Path> files, Model model, int classes) throws IOException {
        StrokeWidthNormalizer digitizer = new StrokeWidthNormalizer();
        int[] right = new int[classes], total = new int[classes];
        for (Path p : files) {
            int label = labelOf(p.getFileName().toString(), classes);
            total[label]++;
            Optional<PreprocessedDigit> d = digitizer.fromFile(p);
            if (d.isPresent() && Argmax.of(model.predictPixels(d.get().pixels())) == label) right[label]++;
        }
        return new Variant(name, right, total);
    }

    private static Variant strokes(String name, Path file, Model model, int classes) throws IOException {
        StrokeDigitizer digitizer = new StrokeDigitizer();
        int[] right = new int[classes], total = new int[classes];
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            List<float[]> strokes = new ArrayList<>();
            int label;
            try {
                Map<String, Object> m = Json.parseObject(line);
                label = (int) Json.number(m, "label", -1);
                if (label < 0 || label >= classes || label != Json.number(m, "label", -1)) {
                    throw new IllegalArgumentException("label must be a class from 0 to " + (classes - 1));
                }
                for (Object s : Json.list(m, "strokes")) {
                    if (!(s instanceof List<?> xs)) throw new IllegalArgumentException("a stroke is not a list of numbers");
                    float[] xy = new float[xs.size()];
                    for (int i = 0; i < xy.length; i++) {
                        if (!(xs.get(i) instanceof Number n)) throw new IllegalArgumentException("a stroke coordinate is not a number");
                        xy[i] = n.floatValue();
                    }
                    strokes.add(xy);
                }
                total[label]++;
                Optional<PreprocessedDigit> d = digitizer.digitize(strokes, 280, 0.05f);
                if (d.isPresent() && Argmax.of(model.predictPixels(d.get().pixels())) == label) right[label]++;
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ", line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new Variant(name, right, total);
    }

    private static String label(Path root, Path p) {
        String rel = root.relativize(p).toString();
        String base = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        return rel.isEmpty() ? base : base + "/" + rel;
    }

    private static String ending(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The class a file name starts with (its first character, a digit below {@code classes}), or -1. */
    static int labelOf(String file, int classes) {
        if (file.length() < 2 || file.charAt(1) != '_') return -1;
        int c = Character.digit(file.charAt(0), 10);
        return c >= 0 && c < classes ? c : -1;
    }
}

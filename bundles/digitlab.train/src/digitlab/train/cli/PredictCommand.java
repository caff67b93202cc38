package digitlab.train.cli;

import digitlab.data.preprocess.DigitPreprocessor;
import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.data.preprocess.StrokeWidthNormalizer;
import digitlab.nn.Argmax;
import digitlab.nn.Model;
import digitlab.train.ModelService;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code digitlab predict}: the digit in each of many images, with the preprocessing of pictures in the canvas
 * (stroke width normalised to MNIST's). One start of the lab for any number of images: files are guessed in the
 * order given, folders' images (recursively, in name order) in their place.
 */
@CommandLine.Command(name = "predict", sortOptions = false, descriptionHeading = "%n",
        customSynopsis = {"digitlab predict [--model FILE|RUN@EPOCH] [--json] IMAGE_OR_FOLDER...",
                "       digitlab predict --image FILE [--model FILE|RUN@EPOCH] [--json]"},
        description = {"classify images of digits (files or folders)", "",
                "Brings each image into MNIST's form as the canvas does with pictures (dark-on-light or light-on-dark;"
                        + " the strokes made as wide as MNIST's, whatever pen wrote them; the ink box scaled into 20x20"
                        + " and centred by its centre of mass in 28x28) and guesses the digit. Folders are searched for"
                        + " .png, .jpg, .gif and .bmp files, in name order.", ""},
        footer = {"", "One image without --json: the guess and the probability of every class. More images: one line each,"
                + " \"FILE: LABEL (P %%)\". An image that cannot be read or shows nothing gets its own error line (on"
                + " standard error; with --json also as {\"file\", \"error\"}) and the others are still guessed.",
                "Exit codes: 0 all guessed, 1 a file could not be guessed or the model is broken, 2 bad options."})
final class PredictCommand extends Command {

    /** The file name endings looked for in folders. */
    static final Set<String> IMAGE_ENDINGS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    @Parameters(paramLabel = "IMAGE_OR_FOLDER", description = "image files or folders of images")
    List<String> operands = new ArrayList<>();
    @Option(names = "--image", paramLabel = "FILE", description = "an image (as the first operand)")
    String image;
    @Option(names = "--model", paramLabel = "FILE|RUN@EPOCH", description = "RUN@EPOCH: the model a run kept at the end of that epoch; else the model (.dlm, the original project's JSON network or"
            + " ONNX, recognised by content); default: the current model (the ready model shipped with Digit Lab unless"
            + " another is chosen)")
    Path modelFile;
    @Option(names = "--json", description = "one JSON object per image and line: file, digit, label, probabilities (or file, error)")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        List<String> named = new ArrayList<>();
        if (image != null) named.add(image);
        named.addAll(operands);
        if (named.isEmpty()) throw new UsageException("no image given: name image files or folders (or --image FILE)");
        Model model = modelFile != null ? Cli.loadModel(modelFile) : ModelService.get().current().model();
        int inputs = model.snapshot().network().inputSize();
        if (inputs != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            err.println("digitlab predict: the model takes " + inputs + " inputs, images give 28x28 = 784");
            return Cli.FAILURE;
        }
        List<Path> images = new ArrayList<>();
        int failed = 0;
        for (String name : named) {
            Path p = Path.of(name);
            if (Files.isDirectory(p)) {
                List<Path> found = imagesIn(p);
                if (found.isEmpty()) {
                    failed++;
                    error(p, "no images (.png, .jpg, .gif, .bmp) in the folder");
                }
                images.addAll(found);
            } else {
                images.add(p);
            }
        }
        boolean detailed = !json && images.size() == 1 && failed == 0;
        StrokeWidthNormalizer digitizer = new StrokeWidthNormalizer();
        List<String> labels = model.metadata().classLabels();
        for (Path image : images) {
            Optional<PreprocessedDigit> digit;
            try {
                digit = digitizer.fromFile(image);
            } catch (IOException e) {
                failed++;
                error(image, stripFile(Cli.oneLine(e), image));
                continue;
            }
            if (digit.isEmpty()) {
                failed++;
                error(image, "nothing drawn (the image is blank)");
                continue;
            }
            float[] p = model.predictPixels(digit.get().pixels());
            int best = Argmax.of(p);
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("file", image.toString());
                j.put("digit", best);
                j.put("label", labels.get(best));
                j.put("probabilities", p);
                out.println(Json.write(j));
            } else if (detailed) {
                out.println(String.format(Locale.ROOT, "%s (%.1f %%)", labels.get(best), 100 * p[best]));
                for (int i = 0; i < p.length; i++) {
                    out.println(String.format(Locale.ROOT, "  %s %6.2f %% %s", labels.get(i), 100 * p[i],
                            "#".repeat(Math.round(40 * Math.max(0, Math.min(1, p[i]))))));
                }
            } else {
                out.println(String.format(Locale.ROOT, "%s: %s (%.1f %%)", image, labels.get(best), 100 * p[best]));
            }
        }
        return failed == 0 ? Cli.OK : Cli.FAILURE;
    }

    /** The images under {@code folder}, recursively, in path order. */
    static List<Path> imagesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(PredictCommand::isImageName).sorted().toList();
        }
    }

    private static boolean isImageName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && IMAGE_ENDINGS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private void error(Path file, String problem) {
        err.println("digitlab predict: " + file + ": " + problem);
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("file", file.toString());
            j.put("error", problem);
            out.println(Json.write(j));
        }
    }

    /** A message that already starts with the file's name, without it (the line names the file once). */
    private static String stripFile(String message, Path file) {
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}

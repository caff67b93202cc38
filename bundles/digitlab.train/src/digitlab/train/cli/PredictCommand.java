package digitlab.train.cli;

import digitlab.data.preprocess.DigitPreprocessor;
import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.nn.Model;
import digitlab.train.ModelService;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code digitlab predict}: the digit in a PNG drawing, with the canvas's preprocessing. */
final class PredictCommand implements Command {

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "classify a PNG drawing of a digit";
    }

    @Override
    public String help() {
        return """
                Usage: digitlab predict --image DRAWING.png [--model FILE] [--json]

                Brings the drawing into MNIST's form (ink box scaled into 20x20, centred by its centre of mass in
                28x28; dark-on-light or light-on-dark), exactly as the canvas does, and prints the guess and the
                probability of every class.

                  --image FILE      the drawing (PNG, JPEG, GIF or BMP)
                  --model FILE      the model (.dlm); default: the ready model shipped with Digit Lab
                  --json            end with one JSON line: digit, probabilities

                Exit codes: 0 guessed, 1 missing or broken file or nothing drawn, 2 bad options.
                """;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Flags f = Flags.parse(name(), args, Set.of("image", "model"), Set.of("json"));
        Path image = Path.of(f.required("image"));
        Model model = f.has("model") ? Cli.loadModel(Path.of(f.string("model", ""))) : ModelService.readyModel();
        int inputs = model.snapshot().network().inputSize();
        if (inputs != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            err.println("digitlab predict: the model takes " + inputs + " inputs, drawings give 28x28 = 784");
            return Cli.FAILURE;
        }
        Optional<PreprocessedDigit> digit = new DigitPreprocessor().fromFile(image);
        if (digit.isEmpty()) {
            err.println("digitlab predict: " + image + ": nothing drawn (the image is blank)");
            return Cli.FAILURE;
        }
        float[] p = model.predictPixels(digit.get().pixels());
        List<String> labels = model.metadata().classLabels();
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        out.println(String.format(Locale.ROOT, "%s (%.1f %%)", labels.get(best), 100 * p[best]));
        for (int i = 0; i < p.length; i++) {
            out.println(String.format(Locale.ROOT, "  %s %6.2f %% %s", labels.get(i), 100 * p[i],
                    "#".repeat(Math.round(40 * Math.max(0, Math.min(1, p[i]))))));
        }
        if (f.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("digit", best);
            j.put("label", labels.get(best));
            j.put("probabilities", p);
            out.println(Json.write(j));
        }
        return Cli.OK;
    }
}

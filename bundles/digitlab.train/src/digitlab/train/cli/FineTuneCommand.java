package digitlab.train.cli;

import digitlab.data.Dataset;
import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.CurrentModel;
import digitlab.train.Datasets;
import digitlab.train.ModelService;
import digitlab.train.finetune.FineTuneResult;
import digitlab.train.finetune.FineTuneSettings;
import digitlab.train.finetune.FineTuner;
import digitlab.train.internal.InstanceLocation;
import digitlab.train.internal.Json;
import digitlab.train.mydrawings.MyDrawingsDataset;
import digitlab.train.mydrawings.MyDrawingsStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code digitlab finetune}: continues training a model (default: the current one) on MNIST mixed with
 * My drawings ({@link FineTuner}), prints accuracy on MNIST test and on the held-out drawings before and
 * after, and saves the result as a new model file; the model it started from is not changed.
 */
final class FineTuneCommand implements Command {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "finetune";
    }

    @Override
    public String summary() {
        return "fine-tune a model on MNIST mixed with My drawings; accuracy before and after";
    }

    @Override
    public String help() {
        return """
                Usage: digitlab finetune [--model FILE] [--epochs N] [OPTIONS]

                Continues training the model on MNIST mixed with the drawings taught in the canvas (My drawings,
                in the workspace), repeated and slightly varied so that a few dozen of them count, and prints the
                accuracy on the MNIST test images and on the held-out part of My drawings before and after.
                The model started from is not changed; the result is saved as a new model file.

                  --model FILE      the model to start from (.dlm, original JSON network or ONNX; default: the current model)
                  --epochs N        passes over the mix, 1-100 (default %d)
                  --lr RATE         learning rate, above 0 and at most 0.1 (default %s)
                  --mnist N         MNIST training images per epoch, 1-60000 (default %d)
                  --share F         the drawings' share of each epoch, above 0 and at most 0.9 (default %s)
                  --seed N          seed for shuffling and the drawings' variations (default 1)
                  --threads N       threads to use (default: all cores)
                  --out FILE        where to save the fine-tuned model (default: WORKSPACE/models/finetuned-TIME.dlm)
                  --json            end with one JSON line: before/after figures and the model's path

                Exit codes: 0 fine-tuned, 1 no drawings yet, a damaged My drawings file, a broken model, 2 bad options.
                """.formatted(FineTuneSettings.DEFAULT_EPOCHS, FineTuneSettings.DEFAULT_LEARNING_RATE,
                FineTuneSettings.DEFAULT_MNIST_PER_EPOCH, FineTuneSettings.DEFAULT_DRAWING_SHARE);
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Flags f = Flags.parse(name(), args, Set.of("model", "epochs", "lr", "mnist", "share", "seed", "threads", "out"),
                Set.of("json"));
        FineTuneSettings defaults = FineTuneSettings.defaults();
        FineTuneSettings settings = defaults.withEpochs(f.integer("epochs", defaults.epochs()))
                .withLearningRate(f.number("lr", defaults.learningRate()))
                .withMnistPerEpoch(f.integer("mnist", defaults.mnistPerEpoch()))
                .withDrawingShare(f.number("share", defaults.drawingShare()))
                .withSeed(f.longValue("seed", defaults.seed()))
                .withThreads(f.integer("threads", defaults.threads()));
        try {
            settings.validate();
        } catch (IllegalArgumentException e) {
            throw new UsageException(flagOf(e.getMessage()) + e.getMessage());
        }
        Path outFile = f.has("out") ? Path.of(f.required("out")) : null;
        if (outFile != null && Files.isDirectory(outFile)) throw new UsageException("--out: " + outFile + " is a folder; give a file name");
        Model model;
        String modelName;
        if (f.has("model")) {
            Path file = Path.of(f.required("model"));
            model = Cli.loadModel(file);
            modelName = file.toString();
        } else {
            CurrentModel c;
            try {
                c = ModelService.get().current();
            } catch (IllegalStateException e) {
                err.println("digitlab finetune: " + e.getMessage());
                return Cli.FAILURE;
            }
            model = c.model();
            modelName = c.source();
        }
        MyDrawingsStore store = MyDrawingsStore.workspace();
        MyDrawingsDataset drawings = store.dataset();
        Dataset mnist = Datasets.load("mnist", -1);
        FineTuner tuner;
        try {
            tuner = new FineTuner(model, mnist, drawings, settings);
        } catch (IllegalArgumentException e) {
            err.println("digitlab finetune: " + e.getMessage() + " (" + store.file() + ")");
            return Cli.FAILURE;
        }
        out.println(String.format(Locale.ROOT, "fine-tuning %s on MNIST mixed with %d of my drawings (%d held out), %d epochs",
                modelName, drawings.part(digitlab.data.Split.TRAIN).size(), drawings.part(digitlab.data.Split.TEST).size(),
                settings.epochs()));
        FineTuneResult r;
        try {
            r = tuner.run(null, new FineTuner.Progress() {
                @Override
                public void phase(String text) {
                    out.println(text);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("digitlab finetune: interrupted");
            return Cli.FAILURE;
        } catch (IllegalStateException e) {
            err.println("digitlab finetune: " + e.getMessage());
            return Cli.FAILURE;
        }
        Path saved = outFile != null ? outFile
                : InstanceLocation.directory().resolve("models").resolve("finetuned-" + STAMP.format(Instant.now()) + ModelFormat.EXTENSION);
        Files.createDirectories(saved.toAbsolutePath().getParent());
        ModelFormat.save(r.model(), saved);
        out.println(String.format(Locale.ROOT, "MNIST test:          %6.2f %% -> %6.2f %%", 100 * r.mnistBefore(), 100 * r.mnistAfter()));
        out.println("held-out drawings:   " + pct(r.heldOutBefore()) + " -> " + pct(r.heldOutAfter()) + "  (" + r.heldOutDrawings() + ")");
        out.println("trained drawings:    " + pct(r.trainedBefore()) + " -> " + pct(r.trainedAfter()) + "  (" + r.trainedDrawings()
                + ", " + r.repeats() + " copies each per epoch)");
        out.println(String.format(Locale.ROOT, "%.1f s; saved %s (use it with --model, or open it in the workbench)", r.seconds(), saved));
        if (f.has("json")) {
            Map<String, Object> j = r.toJsonMap();
            j.put("model", saved.toAbsolutePath().toString());
            j.put("base", modelName);
            out.println(Json.write(j));
        }
        return Cli.OK;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "     -  " : String.format(Locale.ROOT, "%6.2f %%", 100 * v);
    }

    /** The flag a settings message is about, e.g. "--lr: " for "learning rate ...". */
    private static String flagOf(String message) {
        if (message.startsWith("epochs")) return "--epochs: ";
        if (message.startsWith("learning rate")) return "--lr: ";
        if (message.startsWith("MNIST")) return "--mnist: ";
        if (message.startsWith("drawing share")) return "--share: ";
        if (message.startsWith("threads")) return "--threads: ";
        return "";
    }
}

package digitlab.train.cli;

import digitlab.data.Dataset;
import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.Datasets;
import digitlab.train.finetune.FineTuneResult;
import digitlab.train.finetune.FineTuneSettings;
import digitlab.train.finetune.FineTuner;
import digitlab.train.internal.InstanceLocation;
import digitlab.train.internal.Json;
import digitlab.train.mydrawings.MyDrawingsDataset;
import digitlab.train.mydrawings.MyDrawingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code digitlab finetune}: continues training a model (default: the current one) on MNIST mixed with
 * My drawings ({@link FineTuner}), prints accuracy on MNIST test and on the held-out drawings before and
 * after, and saves the result as a new model file; the model it started from is not changed.
 */
@CommandLine.Command(name = "finetune", sortOptions = false, descriptionHeading = "%n", customSynopsis = "digitlab finetune [--model FILE|RUN@EPOCH] [--epochs N] [OPTIONS]",
        description = {"fine-tune a model on MNIST mixed with My drawings; accuracy before and after", "",
                "Continues training the model on MNIST mixed with the drawings taught in the canvas (My drawings, in the"
                        + " workspace), repeated and slightly varied so that a few dozen of them count, and prints the"
                        + " accuracy on the MNIST test images and on the held-out part of My drawings before and after."
                        + " The model started from is not changed; the result is saved as a new model file.", ""},
        footer = {"", "Exit codes: 0 fine-tuned, 1 no drawings yet, a damaged My drawings file, a broken model, 2 bad options."})
final class FineTuneCommand extends Command {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(names = "--model", paramLabel = "FILE|RUN@EPOCH", description = "RUN@EPOCH: the model a run kept at the end of that epoch; else the model to start from (.dlm, original JSON network or ONNX; default: the current model)")
    String modelFile;
    @Option(names = "--epochs", paramLabel = "N", description = "passes over the mix, 1-100 (default ${DEFAULT-VALUE})")
    int epochs = FineTuneSettings.DEFAULT_EPOCHS;
    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate, above 0 and at most 0.1 (default ${DEFAULT-VALUE})")
    double lr = FineTuneSettings.DEFAULT_LEARNING_RATE;
    @Option(names = "--mnist", paramLabel = "N", description = "MNIST training images per epoch, 1-60000 (default ${DEFAULT-VALUE})")
    int mnist = FineTuneSettings.DEFAULT_MNIST_PER_EPOCH;
    @Option(names = "--share", paramLabel = "F", description = "the drawings' share of each epoch, above 0 and at most 0.9 (default ${DEFAULT-VALUE})")
    double share = FineTuneSettings.DEFAULT_DRAWING_SHARE;
    @Option(names = "--seed", paramLabel = "N", description = "seed for shuffling and the drawings' variations (default ${DEFAULT-VALUE})")
    long seed = FineTuneSettings.defaults().seed();
    @Option(names = "--threads", paramLabel = "N", description = "threads to use (default: all cores)")
    int threads = FineTuneSettings.defaults().threads();
    @Option(names = "--out", paramLabel = "FILE", description = "where to save the fine-tuned model (default: WORKSPACE/models/finetuned-TIME.dlm)")
    String outFile;
    @Option(names = "--json", description = "end with one JSON line: before/after figures and the model's path")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        FineTuneSettings settings = FineTuneSettings.defaults().withEpochs(epochs).withLearningRate(lr).withMnistPerEpoch(mnist)
                .withDrawingShare(share).withSeed(seed).withThreads(threads);
        try {
            settings.validate();
        } catch (IllegalArgumentException e) {
            throw new UsageException(flagOf(e.getMessage()) + e.getMessage());
        }
        if (outFile != null && outFile.isBlank()) throw new UsageException("--out is required to name a file; it is empty");
        Path outFile = this.outFile != null ? Path.of(this.outFile) : null;
        if (outFile != null && Files.isDirectory(outFile)) throw new UsageException("--out: " + outFile + " is a folder; give a file name");
        if (modelFile != null && modelFile.isBlank()) throw new UsageException("--model is required to name a file; it is empty");
        Cli.ChosenModel chosen = Cli.modelOrCurrent(modelFile == null ? null : Path.of(modelFile));
        Model model = chosen.model();
        String modelName = chosen.name();
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
        if (json) {
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

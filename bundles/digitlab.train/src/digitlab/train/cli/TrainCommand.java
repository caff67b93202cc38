package digitlab.train.cli;

import digitlab.train.Datasets;
import digitlab.train.EpochPoint;
import digitlab.train.FieldProblem;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TargetResult;
import digitlab.train.TimeToTarget;
import digitlab.train.TrainingListener;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import digitlab.train.TrainingSetting;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code digitlab train}: trains a network as a run of the workspace and saves its model. */
@CommandLine.Command(name = "train", sortOptions = false, descriptionHeading = "%n", customSynopsis = "digitlab train [OPTIONS]",
        description = {"train a network on a dataset and save the model", "",
                "Trains a network, one line per epoch, then evaluates it on the test images. Every run is kept in the"
                        + " workspace (runs/<id>: configuration, metric history, checkpoints, model, evaluation).", ""},
        footer = {"", "Ctrl+C stops after the current batch and saves a checkpoint (resume with --resume RUN).",
                "Exit codes: 0 trained, 1 failed (diverged, data or disk problem), 2 bad options."})
final class TrainCommand extends Command {

    /** The options that may come with --resume (the others would change the run's configuration). */
    private static final Set<String> WITH_RESUME = Set.of("--resume", "--runs", "--out", "--json", "--help");

    @Option(names = "--dataset", paramLabel = "ID", description = "mnist (default), fashion, idx:/folder/with/idx/files, or a plugin's dataset")
    String dataset;
    @Option(names = "--arch", paramLabel = "NAME", description = "architecture preset: original (784-28-28-10 sigmoid), mlp"
            + " (784-256-128-10 ReLU, default), or a plugin's (e.g. lenet); it sets the defaults below")
    String arch;
    @Option(names = "--layers", paramLabel = "256,128", description = "hidden layer sizes (MLP presets)")
    String layers;
    @Option(names = "--activation", paramLabel = "NAME", description = "hidden activation: sigmoid, tanh, relu, leakyrelu")
    String activation;
    @Option(names = "--loss", paramLabel = "NAME", description = "mse (quadratic) or xent (softmax cross-entropy)")
    String loss;
    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum, adam, adamw")
    String optimizer;
    @Option(names = "--lr", paramLabel = "X", description = "learning rate")
    Double lr;
    @Option(names = "--batch", paramLabel = "N", description = "mini-batch size")
    Integer batch;
    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training images")
    Integer epochs;
    @Option(names = "--seed", paramLabel = "N", description = "random seed (same seed, same model)")
    Long seed;
    @Option(names = "--threads", paramLabel = "N", description = "threads to use (default: all cores)")
    Integer threads;
    @Option(names = "--augment", description = "distort the training images (seeded): the preset's recipe, for most presets"
            + " shifts, rotations, scaling and elastic distortion; for handwriting (on by default) also slant, pen width,"
            + " low resolution")
    boolean augment;
    @Option(names = "--no-augment", description = "train on the images as they are")
    boolean noAugment;
    @Option(names = "--validation", paramLabel = "N", description = "images held out for validation (default 5000 for MNIST; 0 = none)")
    Integer validation;
    @Option(names = "--limit", paramLabel = "N", description = "train on the first N training images only")
    Integer limit;
    @Option(names = "--schedule", paramLabel = "S", description = "learning-rate schedule: constant, cosine, step:EVERY:GAMMA")
    String schedule;
    @Option(names = "--weight-decay", paramLabel = "X", description = "L2 weight decay")
    Double weightDecay;
    @Option(names = "--name", paramLabel = "TEXT", description = "a name for the run")
    String name;
    @Option(names = "--out", paramLabel = "FILE", description = "also save the model to FILE (.dlm)")
    Path outFile;
    @Option(names = "--resume", paramLabel = "RUN", description = "continue a stopped run (its id) from its last checkpoint")
    String resume;
    @Option(names = "--runs", paramLabel = "DIR", description = "folder of the runs (default: the workspace's runs folder)")
    Path runs;
    @Option(names = "--target", paramLabel = "ACC", description = "measure the time to this test accuracy (e.g. 0.99):"
            + " evaluate on the test images while training and report seconds_to_target (evaluations included)")
    Double target;
    @Option(names = "--eval-every", paramLabel = "EPOCHS", description = "with --target: epochs between two test"
            + " evaluations (default " + TimeToTarget.DEFAULT_EVALUATE_EVERY + ")")
    Double evalEvery;
    @Option(names = "--json", description = "end with one JSON line: test_accuracy, epochs, seconds, samples_per_second,"
            + " model, run, status (with --target also seconds_to_target and where it was reached)")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        RunStore store = runs != null ? new RunStore(runs) : RunStore.workspace();
        if (outFile != null) {
            if (Files.isDirectory(outFile)) throw new UsageException("--out: " + outFile + " is a folder; give a file name");
            // Fail now, not after an hour of training, when the model cannot be written there.
            Path parent = outFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!Files.isWritable(parent)) throw new java.nio.file.AccessDeniedException(parent.toString());
        }

        TimeToTarget timeToTarget = timeToTarget();
        TrainingSession session;
        if (resume != null) {
            for (var option : spec.commandLine().getParseResult().matchedOptions()) {
                if (!WITH_RESUME.contains(option.longestName())) {
                    throw new UsageException(option.longestName() + " cannot be combined with --resume (the run keeps its configuration)");
                }
            }
            Run run = store.open(resume);
            try {
                session = TrainingSession.resume(run);
            } catch (IllegalStateException e) {
                err.println("digitlab train: " + e.getMessage());
                return Cli.FAILURE;
            }
            Datasets.load(session.request().dataset(), session.request().validationImages());
            out.println("resuming run " + run.id() + " (" + session.request().displayName() + ")");
        } else {
            TrainingRequest request = request();
            List<FieldProblem> problems = request.validate();
            if (!problems.isEmpty()) {
                FieldProblem p = problems.get(0);
                TrainingSetting setting = TrainingSetting.ofKey(p.field());
                throw new UsageException((setting != null ? setting.flag() : p.field()) + ": " + p.message());
            }
            // Load (and cache) the data before creating a run, so a missing dataset leaves no empty run behind.
            try {
                Datasets.load(request.dataset(), request.validationImages());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--validation: " + e.getMessage());
            }
            session = TrainingSession.start(store, request);
            out.println("run " + session.run().id() + ": " + request.displayName() + ", " + request.epochs()
                    + " epochs, batch " + request.batchSize() + ", " + request.optimizer() + " lr " + request.learningRate()
                    + ", seed " + request.seed());
        }
        session.measureTimeTo(timeToTarget);
        session.addListener(new TrainingListener() {
            @Override
            public void epoch(Run run, EpochPoint p) {
                out.println(epochLine(p));
            }
        });

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl+C: stop after the current batch and let the session save its checkpoint.
            stop.set(true);
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "digitlab train shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome o;
        try {
            o = session.execute(stop::get, null);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us and returns
            }
        }

        if (o.status() == RunStatus.COMPLETED && outFile != null && o.model() != null) {
            Path src = o.model();
            AtomicFiles.write(outFile, os -> Files.copy(src, os));
        }
        Path modelPath = outFile != null && o.status() == RunStatus.COMPLETED ? outFile : o.model();
        if (o.status() == RunStatus.COMPLETED) {
            double acc = o.evaluation() != null ? o.evaluation().accuracy() : Double.NaN;
            out.println(String.format(Locale.ROOT, "test accuracy %.2f %% (loss %.4f) after %d epochs, %.1f s, %,.0f samples/s",
                    100 * acc, o.evaluation() != null ? o.evaluation().loss() : Double.NaN, o.epochsCompleted(), o.seconds(),
                    o.samplesPerSecond()));
            out.println("model saved to " + modelPath + " (run " + session.run().id() + ")");
            if (session.targetResult() != null) out.println(session.targetResult().describe());
        } else {
            err.println("digitlab train: " + o.message() + " (run " + session.run().id() + ")");
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("status", o.status().name().toLowerCase(Locale.ROOT));
            j.put("test_accuracy", o.evaluation() != null ? o.evaluation().accuracy() : null);
            j.put("test_loss", o.evaluation() != null ? o.evaluation().loss() : null);
            j.put("epochs", o.epochsCompleted());
            j.put("seconds", round(o.seconds(), 3));
            j.put("samples_per_second", round(o.samplesPerSecond(), 1));
            j.put("model", modelPath == null ? null : modelPath.toAbsolutePath().toString());
            j.put("run", session.run().id());
            EpochPoint last = session.history().lastEpoch();
            j.put("validation_accuracy", last == null ? null : last.validationAccuracy());
            if (timeToTarget != null) target(j, session.targetResult(), timeToTarget);
            if (o.status() != RunStatus.COMPLETED) j.put("message", o.message());
            out.println(Json.write(j));
        }
        return o.status() == RunStatus.COMPLETED ? Cli.OK : Cli.FAILURE;
    }

    /** The time-to-accuracy measurement of --target and --eval-every, or null without --target. */
    private TimeToTarget timeToTarget() throws UsageException {
        if (target == null) {
            if (evalEvery != null) throw new UsageException("--eval-every needs --target (the accuracy to measure the time to)");
            return null;
        }
        if (!(target > 0 && target <= 1)) {
            throw new UsageException("--target: " + target + " must be above 0 and at most 1 (a test accuracy, e.g. 0.99)");
        }
        double every = evalEvery != null ? evalEvery : TimeToTarget.DEFAULT_EVALUATE_EVERY;
        if (!(every > 0 && every <= 100)) {
            throw new UsageException("--eval-every: " + every + " must be above 0 and at most 100 epochs (e.g. 0.1)");
        }
        return new TimeToTarget(target, every);
    }

    /** The --target figures of the JSON line: seconds_to_target (null when not reached) and where it was reached. */
    private static void target(Map<String, Object> j, TargetResult t, TimeToTarget asked) {
        j.put("target", asked.accuracy());
        j.put("seconds_to_target", t != null && t.reached() ? round(t.seconds(), 3) : null);
        if (t == null) {
            j.put("target_message", "training did not run");
            return;
        }
        j.put("target_accuracy", Double.isNaN(t.accuracy()) ? null : t.accuracy());
        j.put("target_epoch", t.epoch());
        j.put("target_batch", t.batch());
        j.put("target_epochs", round(t.epochs(), 3));
        j.put("target_evaluations", t.evaluations());
        j.put("target_evaluation_seconds", round(t.evaluationSeconds(), 3));
        j.put("target_eval_every", asked.evaluateEvery());
        if (!t.reached()) j.put("target_message", t.describe());
    }

    private TrainingRequest request() throws UsageException {
        if (augment && noAugment) {
            throw new UsageException("--augment and --no-augment contradict each other; give one");
        }
        TrainingRequest.Builder b;
        try {
            b = TrainingRequest.forPreset(arch != null ? arch : "mlp").toBuilder();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--arch: " + e.getMessage());
        }
        TrainingRequest d = b.build();
        if (layers != null) b.hiddenLayers(Converters.integers("--layers", layers, "256,128"));
        return b.dataset(or(dataset, d.dataset())).activation(or(activation, d.activation()))
                .loss(or(loss, d.loss())).optimizer(or(optimizer, d.optimizer()))
                .learningRate(or(lr, d.learningRate())).batchSize(or(batch, d.batchSize()))
                .epochs(or(epochs, d.epochs())).seed(or(seed, d.seed()))
                .threads(or(threads, d.threads())).augment(augment || d.augment() && !noAugment)
                .validationImages(or(validation, d.validationImages()))
                .trainingLimit(or(limit, d.trainingLimit())).schedule(or(schedule, d.schedule()))
                .weightDecay(or(weightDecay, d.weightDecay())).name(or(name, "")).build();
    }

    /** The option's value, or the preset's when it was not given. */
    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }

    static String epochLine(EpochPoint p) {
        String val = Double.isNaN(p.validationAccuracy()) ? ""
                : String.format(Locale.ROOT, "  validation %.2f %% (loss %.4f)", 100 * p.validationAccuracy(), p.validationLoss());
        return String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  train %.2f %%%s  %,.0f samples/s  %.1f s",
                p.epoch(), p.epochs(), p.trainLoss(), 100 * p.trainAccuracy(), val, p.samplesPerSecond(), p.seconds());
    }

    private static Double round(double v, int digits) {
        if (!Double.isFinite(v)) return null;
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }
}

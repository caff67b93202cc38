package digitlab.train;

import digitlab.data.Dataset;
import digitlab.data.Split;
import digitlab.nn.Architecture;
import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Shape;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingResult;
import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import digitlab.train.internal.ListenerDispatcher;
import digitlab.train.internal.ThreadBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One training session of a {@link Run}, executed in the calling thread: the logic behind both the
 * {@link TrainingJob} (workbench) and {@code digitlab train} (command line).
 *
 * <p>What {@link #execute} does: loads the dataset, takes threads from the shared budget (waiting while
 * other runs hold all cores), trains, and along the way
 * <ul>
 * <li>every few batches records a {@link BatchPoint} and publishes the newest {@link Model} (snapshot and metadata);</li>
 * <li>after every epoch records an {@link EpochPoint} and writes the checkpoint, the model, the history and
 * run.json (atomically; the only I/O on the training thread);</li>
 * <li>when cancelled (checked before every batch) writes a checkpoint and the model of the last completed
 * batch: the run can be resumed exactly where it stopped;</li>
 * <li>when the loss becomes NaN or infinite stops with status {@link RunStatus#DIVERGED}, the core's message
 * ("loss became NaN at epoch 2, batch 118; try a lower learning rate ...") and the last good model saved;</li>
 * <li>at the end evaluates the model on the test images and saves the {@link EvaluationReport}.</li>
 * </ul>
 * Listeners hear about all this on a dispatcher thread (see {@link TrainingListener}).
 *
 * <p>This class keeps the run's lifecycle (start, resume, execute, the end, the listeners); its helpers each do
 * one job: {@link TrainingData} the dataset's parts, {@link TrainingRecorder} the trainer's callbacks,
 * {@link TrainingPace} time and throughput, {@link RunModels} the model with its metadata, {@link RunFiles} the
 * run's files, {@link RunFailures} the one-line message of a failure.
 */
public final class TrainingSession {

    /** The fewest batches between two batch points (it grows for small batches: about 200 points per epoch at most). */
    public static final int BATCH_POINT_INTERVAL = 10;

    /** Progress of a session, for a progress monitor; called on the training thread, must be quick. */
    public interface Progress {
        /** A phase before training, e.g. "loading mnist" or "waiting for a free core". */
        default void phase(String text) {
        }

        /** Training starts: {@code totalBatches} in all, {@code doneBatches} of them done before (resume). */
        default void begin(int totalBatches, int doneBatches) {
        }

        /** After each batch. {@code eta} in seconds (NaN while unknown). */
        default void batch(int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond,
                           double eta) {
        }
    }

    private final Run run;
    private final TrainingRequest request;
    /** The rule asked after each epoch, or null. */
    private volatile EarlyStop earlyStop;
    /** Why the rule stopped the run, once it has; the trainer stops before the next batch. */
    private volatile String stoppedEarly;
    private final boolean resuming;
    private final ThreadBudget budget;
    private final RunFiles files;
    private final ListenerDispatcher<TrainingListener> listeners;
    /** Guards {@link #finished} against listeners being added while the run ends. */
    private final Object finishLock = new Object();
    /** How the run ended, once it has; guarded by {@link #finishLock}. */
    private RunOutcome finished;
    private final SessionHistory history = new SessionHistory();
    /** The newest model: the one object the listeners are given, kept here and saved. */
    private volatile Model latest;
    private volatile boolean executed;
    /** The time-to-accuracy measurement asked for, or null. */
    private volatile TimeToTarget target;
    /** Its result once training has ended, or null. */
    private volatile TargetResult targetResult;

    /** Tells the listeners of the recorder's news; the newest model becomes {@link #latestModel()}. */
    private final TrainingRecorder.News news = new TrainingRecorder.News() {
        @Override
        public void batch(BatchPoint point) {
            listeners.fire(l -> l.batch(run, point));
        }

        @Override
        public void epoch(EpochPoint point) {
            listeners.fire(l -> l.epoch(run, point));
            EarlyStop rule = earlyStop;
            if (rule != null && point.epoch() < point.epochs() && stoppedEarly == null) stoppedEarly = rule.check(run, point);
        }

        @Override
        public void model(Model model) {
            latest = model;
            listeners.fire(l -> l.snapshot(run, model));
        }
    };

    private TrainingSession(Run run, TrainingRequest request, boolean resuming, ThreadBudget budget) {
        this.run = run;
        this.request = request;
        this.resuming = resuming;
        this.budget = budget;
        this.files = new RunFiles(run);
        this.listeners = new ListenerDispatcher<>("digitlab training events " + run.id());
    }

    /**
     * A session for a new run of {@code request} in {@code store}.
     *
     * @throws InvalidRequestException naming the first bad field
     * @throws IOException             when the run folder cannot be created
     */
    public static TrainingSession start(RunStore store, TrainingRequest request) throws IOException {
        request.requireValid();
        return new TrainingSession(store.create(request), request, false, ThreadBudget.shared());
    }

    /**
     * A session that continues {@code run} from its last checkpoint (after a cancel, an error or a crash);
     * its metric history continues without gap. A run that never reached a checkpoint starts over.
     *
     * @throws IllegalStateException when the run is completed, diverged or training now
     * @throws IOException           when the run's files cannot be read
     */
    public static TrainingSession resume(Run run) throws IOException {
        RunInfo info = run.info();
        if (run.isActive()) throw new IllegalStateException("run '" + run.id() + "' is training already");
        if (!info.status().isResumable()) {
            throw new IllegalStateException("run '" + run.id() + "' is " + info.status().name().toLowerCase()
                    + " and cannot be resumed" + (info.status() == RunStatus.DIVERGED ? "; start a new run with a lower learning rate" : ""));
        }
        return new TrainingSession(run, run.request(), Files.isRegularFile(run.checkpointFile()), ThreadBudget.shared());
    }

    /** The run this session trains. */
    public Run run() {
        return run;
    }

    /** The run's configuration. */
    public TrainingRequest request() {
        return request;
    }

    /** The newest model snapshot, or null before training has started. Safe from any thread. */
    public ModelSnapshot latestSnapshot() {
        Model m = latest;
        return m == null ? null : m.snapshot();
    }

    /**
     * The newest model of the run, its metadata (dataset, class labels, configuration) included, or null before
     * training has started. Safe from any thread.
     */
    public Model latestModel() {
        return latest;
    }

    /**
     * Measures the time to {@code target} while training (the test images are evaluated every
     * {@link TimeToTarget#evaluateEvery()} epochs; their time counts): {@link #targetResult()} after
     * {@link #execute}. Call before {@link #execute}; null for no measurement.
     */
    public void measureTimeTo(TimeToTarget target) {
        this.target = target;
    }

    /**
     * When the session first reached its {@link #measureTimeTo target} (or that it did not), once training has
     * ended; null without a target or when training did not run.
     */
    public TargetResult targetResult() {
        return targetResult;
    }

    /** The history so far (including what the run had before a resume). Safe from any thread. */
    public MetricHistory history() {
        return history.snapshot();
    }

    /**
     * Adds a listener (see {@link TrainingListener} for the thread it is called on). A listener added after
     * the run has ended is told {@code finished} at once, on the calling thread, so a view that starts
     * following a short run late still learns how it ended; every listener hears {@code finished} once.
     */
    public void addListener(TrainingListener l) {
        Objects.requireNonNull(l);
        RunOutcome done;
        synchronized (finishLock) {
            done = finished;
            if (done == null) {
                listeners.add(l);
                return;
            }
        }
        l.finished(run, done);
    }

    /** Removes a listener. */
    public void removeListener(TrainingListener l) {
        listeners.remove(l);
    }

    /**
     * Sets the rule that may stop this run after an epoch (null: none). A run it stops ends with
     * {@link RunStatus#STOPPED_EARLY} and the rule's sentence as message, with the model and checkpoint of that
     * epoch: it is not a failure, and it can be resumed. Set it before {@link #execute}.
     */
    public void setEarlyStop(EarlyStop rule) {
        earlyStop = rule;
    }

    /**
     * Records that the run was cancelled before it ever started (a job cancelled while still
     * waiting to be scheduled), so it is not left listed as NEW. Does nothing once
     * {@link #execute} has begun.
     *
     * @return the outcome, or null when the session had already started
     */
    public RunOutcome cancelBeforeStart() {
        synchronized (this) {
            if (executed) return null;
            executed = true;
        }
        RunOutcome outcome = notStarted();
        try {
            files.status(RunStatus.CANCELLED, outcome.message());
        } catch (IOException e) {
            // the run folder stays as it was (NEW); nothing was trained, nothing is lost
        }
        return outcome;
    }

    /**
     * Trains in the calling thread until done, cancelled, diverged or failed. Never throws for a problem of
     * the data, the files or the disk: the outcome's status and message say what happened.
     *
     * @param cancel   consulted before every batch (and while waiting for a core); true stops
     * @param progress progress receiver, or null
     * @throws IllegalStateException when called twice or when the run is being trained by another session
     */
    public RunOutcome execute(BooleanSupplier cancel, Progress progress) {
        synchronized (this) {
            if (executed) throw new IllegalStateException("a session runs once; resume the run for another");
            executed = true;
        }
        BooleanSupplier user = cancel != null ? cancel : () -> false;
        BooleanSupplier stop = () -> stoppedEarly != null || user.getAsBoolean();
        Progress p = progress != null ? progress : new Progress() { };
        if (!RunStore.markActive(run.directory())) {
            throw new IllegalStateException("run '" + run.id() + "' is training already");
        }
        int threads = 0;
        RunOutcome outcome;
        try {
            files.status(RunStatus.RUNNING, "");
            p.phase("Loading dataset " + request.dataset());
            TrainingData data = TrainingData.load(request);
            p.phase("Waiting for a free core");
            threads = budget.acquire(request.threads(), stop);
            outcome = threads == 0 ? notStarted() : train(data, threads, stop, p);
            if (threads == 0) files.status(RunStatus.CANCELLED, outcome.message());
        } catch (Exception | OutOfMemoryError e) {
            outcome = files.failed(RunFailures.describe(e, run.id()));
        } finally {
            if (threads > 0) budget.release(threads);
            RunStore.markInactive(run.directory());
        }
        RunOutcome done = outcome;
        synchronized (finishLock) {
            // Listeners added from here on are told at once (addListener); those registered now get the event.
            finished = done;
            listeners.fire(l -> l.finished(run, done));
        }
        listeners.close(10);
        return outcome;
    }

    private static RunOutcome notStarted() {
        return new RunOutcome(RunStatus.CANCELLED, "cancelled before training started", 0, 0, Double.NaN, null, null);
    }

    // ---------------------------------------------------------------- training

    private RunOutcome train(TrainingData data, int threads, BooleanSupplier stop, Progress p) throws IOException {
        Dataset d = data.dataset();
        Architecture arch = request.architecture(new Shape(1, d.imageHeight(), d.imageWidth()), d.classCount());
        Network network = new Network(arch);
        int batches = (data.train().size() + request.batchSize() - 1) / request.batchSize();
        int interval = Math.max(BATCH_POINT_INTERVAL, (batches + 199) / 200);
        Kernels kernels = KernelSelector.create(threads);
        Trainer trainer;
        MetricHistory before = MetricHistory.EMPTY;
        if (resuming) {
            TrainingCheckpoint cp = CheckpointFormat.load(run.checkpointFile());
            trainer = Trainer.resume(network, cp, kernels);
            before = run.history().upTo(cp.optimizerSteps(), cp.epoch());
        } else {
            trainer = new Trainer(network, request.trainingConfig(interval).withThreads(threads), kernels);
        }
        history.addAll(before);
        RunModels models = new RunModels(run, request, d);
        latest = models.of(trainer.snapshot());
        files.started(arch.toString(), network.parameterCount(), threads);
        MetricHistory start = history();
        listeners.fire(l -> l.started(run, start));

        ImageSetSource source = data.trainingSource(request);
        source.setEpoch(trainer.epoch());
        TrainingPace pace = new TrainingPace(before.elapsedSeconds());
        TimeToTarget t = target; // the watch of it on the test images, or none
        TargetWatch watch = t == null ? null
                : new TargetWatch(t, trainer, new ImageSetSource(data.test()), pace, batches, request.epochs());
        TrainingRecorder recorder = new TrainingRecorder(trainer, source, request, files, models, pace, interval, p,
                history, news, watch);
        p.begin(request.epochs() * batches, trainer.epoch() * batches + trainer.batch());
        TrainingResult result;
        try {
            result = trainer.train(source, data.validationSource(), recorder, stop);
        } catch (RuntimeException e) {
            // A checkpoint could not be written (disk full ...), a contributed layer or optimizer failed, or a
            // bug. The state after such a failure is not trusted: the last epoch's checkpoint and model stay as
            // they are (the run resumes from there); only the history is kept if the disk allows (it may run
            // ahead of the checkpoint; resume trims it).
            try {
                files.history(history());
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        if (watch != null) targetResult = watch.result();
        return end(result, trainer, models, data, threads, pace, p);
    }

    /**
     * The end of training, whichever way it ended: a completed run is evaluated on the test images; then the
     * history, the checkpoint of a cancelled run (to resume exactly there), the model (a diverged run keeps its
     * last good one; its epoch checkpoint stays as it was) and the evaluation are saved, and run.json says how
     * it ended.
     */
    private RunOutcome end(TrainingResult result, Trainer trainer, RunModels models, TrainingData data, int threads,
                           TrainingPace pace, Progress p) throws IOException {
        double seconds = pace.elapsed(); // training time, the evaluation and the saving not included
        Model model = models.of(result.snapshot());
        latest = model;
        EvaluationReport report = null;
        String message;
        RunStatus status;
        switch (result.status()) {
            case COMPLETED -> {
                status = RunStatus.COMPLETED;
                if (!data.test().isEmpty()) {
                    p.phase("Evaluating on the test images");
                    Dataset d = data.dataset();
                    report = Evaluator.evaluate(model, data.test(), d.id(), Split.TEST.label(), d.classNames(), threads);
                    model = new Model(model.snapshot(), model.metadata().withMetric("test_accuracy", report.accuracy()));
                    latest = model;
                }
                message = "trained " + result.epoch() + (result.epoch() == 1 ? " epoch" : " epochs")
                        + (report != null ? String.format(Locale.ROOT, "; test accuracy %.2f %%", 100 * report.accuracy()) : "");
            }
            case CANCELLED -> {
                if (stoppedEarly != null) {
                    status = RunStatus.STOPPED_EARLY;
                    message = stoppedEarly;
                    break;
                }
                status = RunStatus.CANCELLED;
                message = "cancelled at epoch " + (result.epoch() + 1) + ", batch " + result.batch()
                        + "; the model of the last completed batch is saved and the run can be resumed";
            }
            default -> {
                status = RunStatus.DIVERGED;
                message = result.message();
            }
        }
        files.history(history());
        if (status == RunStatus.CANCELLED) files.checkpoint(trainer.checkpoint());
        files.model(model);
        if (report != null) files.evaluation(report);
        files.finished(status, message, result.epoch(), seconds, report);
        return new RunOutcome(status, message, result.epoch(), seconds, pace.sessionSpeed(), report, run.modelFile());
    }
}

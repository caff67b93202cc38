package digitlab.train;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Architecture;
import digitlab.nn.BatchMetrics;
import digitlab.nn.EpochMetrics;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Shape;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingConfig;
import digitlab.nn.TrainingResult;
import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.io.ModelFormat;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import digitlab.train.internal.ListenerDispatcher;
import digitlab.train.internal.ThreadBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One training session of a {@link Run}, executed in the calling thread: the logic behind both the
 * {@link TrainingJob} (workbench) and {@code digitlab train} (command line).
 *
 * <p>What {@link #execute} does: loads the dataset, takes threads from the shared budget (waiting while
 * other runs hold all cores), trains, and along the way
 * <ul>
 * <li>every few batches records a {@link BatchPoint} and publishes the newest {@link ModelSnapshot};</li>
 * <li>after every epoch records an {@link EpochPoint} and writes the checkpoint, the model, the history and
 * run.json (atomically; the only I/O on the training thread);</li>
 * <li>when cancelled (checked before every batch) writes a checkpoint and the model of the last completed
 * batch: the run can be resumed exactly where it stopped;</li>
 * <li>when the loss becomes NaN or infinite stops with status {@link RunStatus#DIVERGED}, the core's message
 * ("loss became NaN at epoch 2, batch 118; try a lower learning rate ...") and the last good model saved;</li>
 * <li>at the end evaluates the model on the test images and saves the {@link EvaluationReport}.</li>
 * </ul>
 * Listeners hear about all this on a dispatcher thread (see {@link TrainingListener}).
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

    private static final System.Logger LOG = System.getLogger(TrainingSession.class.getName());

    private final Run run;
    private final TrainingRequest request;
    private final boolean resuming;
    private final ThreadBudget budget;
    private final ListenerDispatcher<TrainingListener> listeners;
    /** Guards {@link #finished} against listeners being added while the run ends. */
    private final Object finishLock = new Object();
    /** How the run ended, once it has; guarded by {@link #finishLock}. */
    private RunOutcome finished;
    private final List<BatchPoint> batchPoints = new ArrayList<>();
    private final List<EpochPoint> epochPoints = new ArrayList<>();
    private volatile ModelSnapshot latest;
    private volatile boolean executed;

    private TrainingSession(Run run, TrainingRequest request, boolean resuming, ThreadBudget budget) {
        this.run = run;
        this.request = request;
        this.resuming = resuming;
        this.budget = budget;
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
        return latest;
    }

    /** The history so far (including what the run had before a resume). Safe from any thread. */
    public MetricHistory history() {
        synchronized (batchPoints) {
            return new MetricHistory(batchPoints, epochPoints);
        }
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
        String message = "cancelled before training started";
        try {
            setStatus(RunStatus.CANCELLED, message);
        } catch (IOException e) {
            // the run folder stays as it was (NEW); nothing was trained, nothing is lost
        }
        return new RunOutcome(RunStatus.CANCELLED, message, 0, 0, Double.NaN, null, null);
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
        BooleanSupplier stop = cancel != null ? cancel : () -> false;
        Progress p = progress != null ? progress : new Progress() { };
        if (!RunStore.markActive(run.directory())) {
            throw new IllegalStateException("run '" + run.id() + "' is training already");
        }
        int threads = 0;
        RunOutcome outcome;
        try {
            setStatus(RunStatus.RUNNING, "");
            p.phase("Loading dataset " + request.dataset());
            Data data = loadData();
            p.phase("Waiting for a free core");
            threads = budget.acquire(request.threads(), stop);
            if (threads == 0) {
                outcome = new RunOutcome(RunStatus.CANCELLED, "cancelled before training started", 0, 0, Double.NaN, null, null);
                setStatus(RunStatus.CANCELLED, outcome.message());
            } else {
                outcome = train(data, threads, stop, p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = fail("interrupted");
        } catch (IOException | UncheckedIOException e) {
            outcome = fail(message(e instanceof UncheckedIOException u ? u.getCause() : e));
        } catch (IllegalArgumentException | digitlab.train.extensions.ContributionFailure e) {
            // Bad data or settings found late, or a plugin's layer/optimizer failed: the message says which.
            outcome = fail(e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(System.Logger.Level.ERROR, "run " + run.id() + " failed", e);
            outcome = fail(e instanceof OutOfMemoryError ? "out of memory; try a smaller network or batch"
                    : "internal error: " + e);
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

    // ---------------------------------------------------------------- the session's steps

    /** The parts of the dataset a session uses. */
    private record Data(Dataset dataset, ImageSet train, ImageSet validation, ImageSet test) {
    }

    private Data loadData() throws IOException {
        Dataset d = Datasets.load(request.dataset(), request.validationImages());
        ImageSet train = d.part(Split.TRAIN);
        if (request.trainingLimit() > 0 && request.trainingLimit() < train.size()) train = train.range(0, request.trainingLimit());
        if (train.isEmpty()) throw new IllegalArgumentException("dataset " + d.id() + " has no training images");
        return new Data(d, train, d.part(Split.VALIDATION), d.part(Split.TEST));
    }

    private RunOutcome train(Data data, int threads, BooleanSupplier stop, Progress p) throws IOException {
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
            TrainingConfig config = request.trainingConfig(interval).withThreads(threads);
            trainer = new Trainer(network, config, kernels);
        }
        synchronized (batchPoints) {
            batchPoints.addAll(before.batches());
            epochPoints.addAll(before.epochs());
        }
        latest = trainer.snapshot();
        run.update(m -> {
            m.put("architecture", arch.toString());
            m.put("parameters", network.parameterCount());
            m.put("threads", threads);
        });
        MetricHistory start = history();
        listeners.fire(l -> l.started(run, start));

        ImageSetSource source = request.augment()
                ? ImageSetSource.augmented(data.train(), request.seed(), request.augmentation())
                : new ImageSetSource(data.train());
        source.setEpoch(trainer.epoch());
        ImageSetSource validation = data.validation().isEmpty() ? null : new ImageSetSource(data.validation());
        Recorder recorder = new Recorder(trainer, source, d, before.elapsedSeconds(), interval, request.epochs(), p);
        p.begin(request.epochs() * batches, trainer.epoch() * batches + trainer.batch());

        TrainingResult result;
        try {
            result = trainer.train(source, validation, recorder, stop);
        } catch (UncheckedIOException e) {
            // A checkpoint could not be written (disk full ...): the previous one is intact. Keep the history
            // too if the disk allows (it may run ahead of the checkpoint; resume trims it).
            try {
                saveHistory();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        } catch (RuntimeException e) {
            // A contributed layer or optimizer failed (or a bug). The state after such a failure is not trusted:
            // the last epoch's checkpoint and model stay as they are (the run resumes from there); only the
            // history is kept, which resume trims to the checkpoint.
            try {
                saveHistory();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        latest = result.snapshot();
        double seconds = recorder.elapsed();
        double speed = recorder.sessionSpeed();
        Model last = model(result.snapshot(), d, Map.of());
        switch (result.status()) {
            case COMPLETED -> {
                p.phase("Evaluating on the test images");
                EvaluationReport report = data.test().isEmpty() ? null
                        : Evaluator.evaluate(last, data.test(), d.id(), Split.TEST.label(), d.classNames(), threads);
                Model finalModel = report == null ? last
                        : new Model(last.snapshot(), last.metadata().withMetric("test_accuracy", report.accuracy()));
                saving(run.modelFile(), () -> ModelFormat.save(finalModel, run.modelFile()));
                saveHistory();
                if (report != null) run.writeEvaluation(report);
                String msg = "trained " + result.epoch() + (result.epoch() == 1 ? " epoch" : " epochs")
                        + (report != null ? String.format(java.util.Locale.ROOT, "; test accuracy %.2f %%", 100 * report.accuracy()) : "");
                finish(RunStatus.COMPLETED, msg, result.epoch(), seconds, report);
                return new RunOutcome(RunStatus.COMPLETED, msg, result.epoch(), seconds, speed, report, run.modelFile());
            }
            case CANCELLED -> {
                saveHistory();
                saving(run.checkpointFile(), () -> CheckpointFormat.save(trainer.checkpoint(), run.checkpointFile()));
                saving(run.modelFile(), () -> ModelFormat.save(last, run.modelFile()));
                String msg = "cancelled at epoch " + (result.epoch() + 1) + ", batch " + result.batch()
                        + "; the model of the last completed batch is saved and the run can be resumed";
                finish(RunStatus.CANCELLED, msg, result.epoch(), seconds, null);
                return new RunOutcome(RunStatus.CANCELLED, msg, result.epoch(), seconds, speed, null, run.modelFile());
            }
            default -> { // DIVERGED: keep the last good model; the epoch checkpoint stays as it was.
                saving(run.modelFile(), () -> ModelFormat.save(last, run.modelFile()));
                saveHistory();
                finish(RunStatus.DIVERGED, result.message(), result.epoch(), seconds, null);
                return new RunOutcome(RunStatus.DIVERGED, result.message(), result.epoch(), seconds, speed, null, run.modelFile());
            }
        }
    }

    /** Turns the core's per-batch and per-epoch callbacks into points, snapshots, checkpoints and progress. */
    private final class Recorder implements digitlab.nn.TrainingListener {
        private final Trainer trainer;
        private final ImageSetSource source;
        private final Dataset dataset;
        private final double elapsedBefore;
        private final int interval;
        private final int epochs;
        private final Progress progress;
        private static final int WARM_UP_BATCHES = 20;
        private static final double MIN_PACE_SECONDS = 2;
        private final long startNanos = System.nanoTime();
        /** When the {@value #WARM_UP_BATCHES}th batch of this session ended: the ETA is measured from there. */
        private long warmNanos;
        private long batchesThisSession;
        private long samplesThisSession;
        private long samplesThisEpoch;
        private double trainingSeconds;
        private double lastBatchSpeed;
        private double lossSum;
        private double accuracySum;
        private int pending;

        Recorder(Trainer trainer, ImageSetSource source, Dataset dataset, double elapsedBefore, int interval,
                 int epochs, Progress progress) {
            this.trainer = trainer;
            this.source = source;
            this.dataset = dataset;
            this.elapsedBefore = elapsedBefore;
            this.interval = interval;
            this.epochs = epochs;
            this.progress = progress;
        }

        /**
         * Seconds left for {@code remaining} batches, from the pace since the warm-up (the first batches of a
         * session run while the JIT compiles the kernels and are several times slower: an estimate from them was
         * off by a factor of five); NaN until {@value #MIN_PACE_SECONDS} s of warm pace are measured.
         */
        private double eta(long remaining, long now) {
            if (batchesThisSession <= WARM_UP_BATCHES) return Double.NaN;
            double warmSeconds = (now - warmNanos) / 1e9;
            if (warmSeconds < MIN_PACE_SECONDS) return Double.NaN;
            return remaining * warmSeconds / (batchesThisSession - WARM_UP_BATCHES);
        }

        double elapsed() {
            return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
        }

        /** Training throughput of this session: samples over the time spent in batches (validation and saving excluded). */
        double sessionSpeed() {
            double seconds = trainingSeconds + (lastBatchSpeed > 0 ? samplesThisEpoch / lastBatchSpeed : 0);
            return samplesThisSession == 0 || seconds <= 0 ? Double.NaN : samplesThisSession / seconds;
        }

        @Override
        public void onBatch(BatchMetrics m) {
            batchesThisSession++;
            int size = Math.min(request.batchSize(), source.size() - m.batch() * request.batchSize());
            samplesThisSession += size;
            samplesThisEpoch += size;
            lastBatchSpeed = m.samplesPerSecond();
            lossSum += m.loss();
            accuracySum += m.accuracy();
            pending++;
            int done = m.batch() + 1;
            long now = System.nanoTime();
            if (batchesThisSession == WARM_UP_BATCHES) warmNanos = now;
            long remaining = (long) (epochs - m.epoch() - 1) * m.batchesPerEpoch() + (m.batchesPerEpoch() - done);
            double eta = eta(remaining, now);
            progress.batch(m.epoch() + 1, epochs, done, m.batchesPerEpoch(), m.loss(), m.samplesPerSecond(), eta);
            if (done % interval == 0 || done == m.batchesPerEpoch()) {
                BatchPoint point = new BatchPoint(m.epoch() + 1, done, m.batchesPerEpoch(), m.step(), lossSum / pending,
                        accuracySum / pending, m.learningRate(), m.samplesPerSecond(), elapsed());
                lossSum = 0;
                accuracySum = 0;
                pending = 0;
                synchronized (batchPoints) {
                    batchPoints.add(point);
                }
                listeners.fire(l -> l.batch(run, point));
                ModelSnapshot s = trainer.snapshot();
                if (s != latest) {
                    latest = s;
                    listeners.fire(l -> l.snapshot(run, s));
                }
            }
        }

        @Override
        public void onEpoch(EpochMetrics e) {
            ModelSnapshot s = trainer.snapshot(); // published by the trainer at the epoch's end
            latest = s;
            EpochPoint point = new EpochPoint(e.epoch() + 1, epochs, s.step(), e.trainLoss(), e.trainAccuracy(),
                    e.validationLoss(), e.validationAccuracy(), e.learningRate(), e.samplesPerSecond(), e.seconds(),
                    elapsed());
            synchronized (batchPoints) {
                epochPoints.add(point);
            }
            source.setEpoch(e.epoch() + 1);
            trainingSeconds += e.seconds();
            samplesThisEpoch = 0;
            lastBatchSpeed = 0;
            try {
                // History first, then checkpoint, model and run.json. Each file is whole (atomic writes), and a
                // failure between them leaves a history at least as new as the checkpoint: resume trims it to the
                // checkpoint's step, so the history never has a gap.
                saveHistory();
                saving(run.checkpointFile(), () -> CheckpointFormat.save(trainer.checkpoint(), run.checkpointFile()));
                Map<String, Double> metrics = new LinkedHashMap<>();
                if (!Double.isNaN(e.validationAccuracy())) metrics.put("validation_accuracy", e.validationAccuracy());
                saving(run.modelFile(), () -> ModelFormat.save(model(s, dataset, metrics), run.modelFile()));
                double elapsed = point.elapsedSeconds();
                run.update(m -> {
                    m.put("epochsCompleted", point.epoch());
                    m.put("seconds", elapsed);
                    m.put("validationAccuracy", point.validationAccuracy());
                });
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            listeners.fire(l -> l.epoch(run, point));
            listeners.fire(l -> l.snapshot(run, s));
        }
    }

    private Model model(ModelSnapshot s, Dataset d, Map<String, Double> metrics) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("origin", "digitlab.train");
        props.put("run", run.id());
        props.put("name", request.displayName());
        props.put("augment", Boolean.toString(request.augment()));
        props.put("augmentation", request.augmentation());
        TrainingConfig config = request.trainingConfig(BATCH_POINT_INTERVAL);
        return new Model(s, new ModelMetadata(d.id(), d.classNames(), InputNormalization.IDENTITY, config, metrics,
                Instant.now(), props));
    }

    private void saveHistory() throws IOException {
        saving(run.directory().resolve(Run.HISTORY_FILE), () -> run.writeHistory(history()));
    }

    /** A file write. */
    private interface Save {
        void run() throws IOException;
    }

    /** Runs {@code save}; a failure's message names {@code file} (e.g. "…/checkpoint.dlc: No space left on device"). */
    private static void saving(Path file, Save save) throws IOException {
        try {
            save.run();
        } catch (IOException e) {
            String m = message(e);
            if (m.contains(file.getFileName().toString())) throw e;
            throw new IOException(file + ": " + m, e);
        }
    }

    private void setStatus(RunStatus status, String message) throws IOException {
        run.update(m -> {
            m.put("status", status.name());
            m.put("message", message);
        });
    }

    private void finish(RunStatus status, String message, int epochs, double seconds, EvaluationReport report)
            throws IOException {
        run.update(m -> {
            m.put("status", status.name());
            m.put("message", message);
            m.put("epochsCompleted", epochs);
            m.put("seconds", seconds);
            if (report != null) {
                m.put("testAccuracy", report.accuracy());
                m.put("testLoss", report.loss());
            }
        });
    }

    private RunOutcome fail(String message) {
        try {
            setStatus(RunStatus.FAILED, message);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "run " + run.id() + ": cannot record the failure: " + e.getMessage());
        }
        RunInfo info = null;
        try {
            info = run.info();
        } catch (IOException ignored) {
            // the status could not be read back; report what is known
        }
        return new RunOutcome(RunStatus.FAILED, message, info == null ? 0 : info.epochsCompleted(),
                info == null ? 0 : info.seconds(), Double.NaN, null, info != null && info.hasModel() ? run.modelFile() : null);
    }

    /** A one-line message for an I/O problem: the exception's own text, which names the file. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException n) return (n.getReason() != null ? n.getReason() + ": " : "no such file: ") + n.getFile();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + m;
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getFile() + ": " + f.getReason();
        return m == null ? e.toString() : m;
    }
}

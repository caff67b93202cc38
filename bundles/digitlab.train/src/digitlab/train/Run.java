package digitlab.train;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One experiment run: a folder of the {@link RunStore} holding
 * <ul>
 * <li>{@code run.json}: name, status and message, the {@link TrainingRequest} (configuration and seed),
 * architecture, progress and final figures;</li>
 * <li>{@code history.csv}: the {@link MetricHistory};</li>
 * <li>{@code model.dlm}: the latest good model (the core's model format);</li>
 * <li>{@code checkpoint.dlc}: the latest checkpoint (written after every epoch and when stopped);</li>
 * <li>{@code evaluation.json}: the final test-set {@link EvaluationReport};</li>
 * <li>{@code owner.lock}: locked by the process training the run, while it trains ({@link digitlab.train.internal.OwnerLock}).</li>
 * </ul>
 * A {@code Run} is a light handle: every getter reads the files, so two handles of the same run agree.
 * All files are written atomically.
 */
public final class Run {

    /** File names inside a run's folder. */
    public static final String INFO_FILE = "run.json", HISTORY_FILE = "history.csv", MODEL_FILE = "model.dlm",
            CHECKPOINT_FILE = "checkpoint.dlc", EVALUATION_FILE = "evaluation.json";

    private final RunStore store;
    private final String id;
    private final Path dir;

    Run(RunStore store, String id) {
        this.store = store;
        this.id = id;
        this.dir = store.root().resolve(id);
    }

    /** The run's id (its folder name). */
    public String id() {
        return id;
    }

    /** The store it belongs to. */
    public RunStore store() {
        return store;
    }

    /** The run's folder. */
    public Path directory() {
        return dir;
    }

    /** The model file (may not exist yet). */
    public Path modelFile() {
        return dir.resolve(MODEL_FILE);
    }

    /** The checkpoint file (may not exist yet). */
    public Path checkpointFile() {
        return dir.resolve(CHECKPOINT_FILE);
    }

    /** The models kept at the end of its epochs ({@link EpochModels}). */
    public EpochModels epochModels() {
        return new EpochModels(this);
    }

    /** Whether a training session of this process is working on this run now. */
    public boolean isActive() {
        return RunStore.isActive(dir);
    }

    /**
     * The run's summary. A run whose file says RUNNING but that no session of this process trains is
     * reported as {@link RunStatus#INTERRUPTED}.
     *
     * @throws IOException when run.json is missing or broken (the message names the file)
     */
    public RunInfo info() throws IOException {
        Map<String, Object> m = readInfo();
        try {
            RunStatus status = RunStatus.valueOf(Json.string(m, "status", "NEW"));
            String message = Json.string(m, "message", "");
            if (status == RunStatus.RUNNING && !isActive() && !digitlab.train.internal.OwnerLock.ownedElsewhere(dir)) {
                status = RunStatus.INTERRUPTED;
                message = INTERRUPTED_MESSAGE;
                markInterrupted();
            }
            Map<String, Object> req = Json.object(m, "request");
            return new RunInfo(id, Json.string(m, "name", id), Instant.parse(Json.string(m, "created", "1970-01-01T00:00:00Z")),
                    status, message, Json.string(req, "dataset", ""), Json.string(req, "preset", ""),
                    Json.string(m, "architecture", ""), (int) Json.number(m, "epochsCompleted", 0),
                    (int) Json.number(req, "epochs", 0), Json.number(m, "seconds", 0),
                    Json.number(m, "validationAccuracy", Double.NaN), Json.number(m, "testAccuracy", Double.NaN),
                    Files.isRegularFile(modelFile()), Files.isRegularFile(checkpointFile()));
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve(INFO_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** What run.json says of a run whose training program ended before the run did. */
    static final String INTERRUPTED_MESSAGE = "the program training it ended before the run finished; resume it to continue";

    /**
     * Writes INTERRUPTED into run.json of a run left RUNNING by a program that ended (no process holds its
     * lock), so the file says what the run is; best effort: a read-only folder keeps the old word, and the
     * summary says INTERRUPTED all the same.
     */
    private void markInterrupted() {
        try {
            synchronized (RunStore.lockFor(dir)) {
                Map<String, Object> m = new LinkedHashMap<>(readInfo());
                if (!RunStatus.RUNNING.name().equals(m.get("status")) || isActive() || digitlab.train.internal.OwnerLock.ownedElsewhere(dir)) return;
                m.put("status", RunStatus.INTERRUPTED.name());
                m.put("message", INTERRUPTED_MESSAGE);
                m.put("updated", Instant.now().toString());
                AtomicFiles.writeString(dir.resolve(INFO_FILE), Json.writePretty(m));
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(Run.class.getName()).log(System.Logger.Level.DEBUG, "cannot mark " + dir + " interrupted: " + e);
        }
    }

    /** The run's configuration. */
    public TrainingRequest request() throws IOException {
        try {
            return RequestJson.fromMap(Json.object(readInfo(), "request"));
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve(INFO_FILE) + ": request: " + e.getMessage(), e);
        }
    }

    /** The metric history (empty when none is saved yet). */
    public MetricHistory history() throws IOException {
        Path f = dir.resolve(HISTORY_FILE);
        if (!Files.isRegularFile(f)) return MetricHistory.EMPTY;
        try {
            return MetricHistory.parseCsv(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
    }

    /** The final evaluation, when the run completed. */
    public Optional<EvaluationReport> evaluation() throws IOException {
        Path f = dir.resolve(EVALUATION_FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(EvaluationReport.fromJsonMap(Json.parseObject(Files.readString(f, StandardCharsets.UTF_8))));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the run's model.
     *
     * @throws NoSuchFileException when the run has no model yet
     * @throws IOException         when the file is broken (the core's message names the problem)
     */
    public Model loadModel() throws IOException {
        if (!Files.isRegularFile(modelFile())) {
            throw new NoSuchFileException(modelFile().toString(), null, "run '" + id + "' has no model yet");
        }
        return ModelFormat.load(modelFile());
    }

    @Override
    public String toString() {
        return "Run[" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Run r && r.dir.equals(dir);
    }

    @Override
    public int hashCode() {
        return dir.hashCode();
    }

    // ---------------------------------------------------------------- writing (the store and sessions)

    Map<String, Object> readInfo() throws IOException {
        Path f = dir.resolve(INFO_FILE);
        if (!Files.isRegularFile(f)) throw new NoSuchFileException(f.toString(), null, "no such run: " + id);
        try {
            return Json.parseObject(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
    }

    /** Changes run.json atomically (read, change, write) and tells the store's listeners. */
    void update(Consumer<Map<String, Object>> change) throws IOException {
        synchronized (RunStore.lockFor(dir)) {
            Map<String, Object> m = new LinkedHashMap<>(readInfo());
            change.accept(m);
            m.put("updated", Instant.now().toString());
            AtomicFiles.writeString(dir.resolve(INFO_FILE), Json.writePretty(m));
        }
        store.fireChanged(id);
    }

    void writeHistory(MetricHistory history) throws IOException {
        AtomicFiles.writeString(dir.resolve(HISTORY_FILE), history.toCsv());
    }

    void writeEvaluation(EvaluationReport report) throws IOException {
        AtomicFiles.writeString(dir.resolve(EVALUATION_FILE), Json.writePretty(report.toJsonMap()));
    }

    /**
     * TrainingRequest <-> the "request" object of run.json, keyed by {@link TrainingSetting#key()}; a setting an
     * older run file lacks reads as its {@link TrainingSetting#fileDefault()}.
     */
    static final class RequestJson {
        private RequestJson() {
        }

        static Map<String, Object> toMap(TrainingRequest r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(TrainingSetting.NAME.key(), r.name());
            m.put(TrainingSetting.DATASET.key(), r.dataset());
            m.put(TrainingSetting.PRESET.key(), r.preset());
            m.put(TrainingSetting.HIDDEN_LAYERS.key(), new ArrayList<Object>(r.hiddenLayers()));
            m.put(TrainingSetting.ACTIVATION.key(), r.activation());
            m.put(TrainingSetting.LOSS.key(), r.loss());
            m.put(TrainingSetting.OPTIMIZER.key(), r.optimizer());
            m.put(TrainingSetting.LEARNING_RATE.key(), r.learningRate());
            m.put(TrainingSetting.BATCH_SIZE.key(), r.batchSize());
            m.put(TrainingSetting.EPOCHS.key(), r.epochs());
            // As text: a long seed does not survive a trip through a JSON number (a double).
            m.put(TrainingSetting.SEED.key(), Long.toString(r.seed()));
            m.put(TrainingSetting.THREADS.key(), r.threads());
            m.put(TrainingSetting.AUGMENT.key(), r.augment());
            m.put(TrainingSetting.VALIDATION_IMAGES.key(), r.validationImages());
            m.put(TrainingSetting.TRAINING_LIMIT.key(), r.trainingLimit());
            m.put(TrainingSetting.SCHEDULE.key(), r.schedule());
            m.put(TrainingSetting.WEIGHT_DECAY.key(), r.weightDecay());
            return m;
        }

        static TrainingRequest fromMap(Map<String, Object> m) {
            List<Integer> hidden = new ArrayList<>();
            for (Object o : Json.list(m, TrainingSetting.HIDDEN_LAYERS.key())) hidden.add(((Number) o).intValue());
            return new TrainingRequest(text(m, TrainingSetting.NAME), text(m, TrainingSetting.DATASET),
                    text(m, TrainingSetting.PRESET), hidden, text(m, TrainingSetting.ACTIVATION), text(m, TrainingSetting.LOSS),
                    text(m, TrainingSetting.OPTIMIZER), number(m, TrainingSetting.LEARNING_RATE),
                    (int) number(m, TrainingSetting.BATCH_SIZE), (int) number(m, TrainingSetting.EPOCHS),
                    Long.parseLong(Json.string(m, TrainingSetting.SEED.key(), TrainingSetting.SEED.fileDefault().toString())),
                    (int) number(m, TrainingSetting.THREADS),
                    Json.bool(m, TrainingSetting.AUGMENT.key(), (Boolean) TrainingSetting.AUGMENT.fileDefault()),
                    (int) number(m, TrainingSetting.VALIDATION_IMAGES), (int) number(m, TrainingSetting.TRAINING_LIMIT),
                    text(m, TrainingSetting.SCHEDULE), number(m, TrainingSetting.WEIGHT_DECAY));
        }

        private static String text(Map<String, Object> m, TrainingSetting s) {
            return Json.string(m, s.key(), (String) s.fileDefault());
        }

        private static double number(Map<String, Object> m, TrainingSetting s) {
            return Json.number(m, s.key(), ((Number) s.fileDefault()).doubleValue());
        }
    }
}

package digitlab.train;

import digitlab.nn.Model;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.io.ModelFormat;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a training session writes into its run's folder: run.json (status, progress, the end), the history,
 * the checkpoint, the model, the models of its epochs ({@link EpochModels}) and the evaluation. Every write is atomic, and a failure's message names the file
 * (e.g. "…/checkpoint.dlc: No space left on device").
 */
final class RunFiles {

    private final Run run;

    RunFiles(Run run) {
        this.run = run;
    }

    /** run.json: the status and its one-line message. */
    void status(RunStatus status, String message) throws IOException {
        run.update(m -> {
            m.put("status", status.name());
            m.put("message", message);
        });
    }

    /** run.json: what the session trains with, once it has its threads. */
    void started(String architecture, long parameters, int threads) throws IOException {
        run.update(m -> {
            m.put("architecture", architecture);
            m.put("parameters", parameters);
            m.put("threads", threads);
        });
    }

    /** run.json: an epoch is complete (saved after its checkpoint and model). */
    void epoch(EpochPoint point) throws IOException {
        run.update(m -> {
            m.put("epochsCompleted", point.epoch());
            m.put("seconds", point.elapsedSeconds());
            m.put("validationAccuracy", point.validationAccuracy());
        });
    }

    /** run.json: how the run ended. */
    void finished(RunStatus status, String message, int epochs, double seconds, EvaluationReport report)
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

    void history(MetricHistory history) throws IOException {
        saving(run.directory().resolve(Run.HISTORY_FILE), () -> run.writeHistory(history));
    }

    void checkpoint(TrainingCheckpoint checkpoint) throws IOException {
        saving(run.checkpointFile(), () -> CheckpointFormat.save(checkpoint, run.checkpointFile()));
    }

    void model(Model model) throws IOException {
        saving(run.modelFile(), () -> ModelFormat.save(model, run.modelFile()));
    }

    /** The model at the end of {@code epoch}, kept beside the others and thinned ({@link EpochModels}). */
    void epochModel(int epoch, Model model, java.util.List<EpochPoint> history) throws IOException {
        EpochModels models = run.epochModels();
        Path file = models.file(epoch);
        saving(file, () -> models.keep(epoch, model, history));
    }

    void evaluation(EvaluationReport report) throws IOException {
        saving(run.directory().resolve(Run.EVALUATION_FILE), () -> run.writeEvaluation(report));
    }

    /**
     * Records a failure in run.json (when the disk allows; a failure to record it is logged) and returns the
     * outcome, with what the run kept: the epochs, time and model of its last completed epoch.
     */
    RunOutcome failed(String message) {
        try {
            status(RunStatus.FAILED, message);
        } catch (IOException e) {
            System.getLogger(RunFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "run " + run.id() + ": cannot record the failure: " + e.getMessage());
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

    /** A file write. */
    private interface Save {
        void run() throws IOException;
    }

    /** Runs {@code save}; a failure's message names {@code file}. */
    private static void saving(Path file, Save save) throws IOException {
        try {
            save.run();
        } catch (IOException e) {
            String m = RunFailures.message(e);
            if (m.contains(file.getFileName().toString())) throw e;
            throw new IOException(file + ": " + m, e);
        }
    }
}

package digitlab.train;

import digitlab.nn.BatchMetrics;
import digitlab.nn.EpochMetrics;
import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the trainer's per-batch and per-epoch callbacks into the run's record: batch and epoch points, the
 * newest model (published every few batches and at each epoch's end), the epoch's files, and progress; and
 * hands each batch to the {@link TargetWatch} of a time-to-accuracy measurement, when there is one.
 * Called on the training thread.
 */
final class TrainingRecorder implements digitlab.nn.TrainerListener {

    /** Who hears the news (the session: its latest model and its listeners), after it is recorded. */
    interface News {
        void batch(BatchPoint point);

        void epoch(EpochPoint point);

        /** A newer model of the run. */
        void model(Model model);
    }

    private final Trainer trainer;
    private final ImageSetSource source;
    private final TrainingRequest request;
    private final RunFiles files;
    private final RunModels models;
    private final TrainingPace pace;
    private final int interval;
    private final TrainingSession.Progress progress;
    private final SessionHistory history;
    private final News news;
    private final TargetWatch watch;
    private ModelSnapshot published;
    private double lossSum;
    private double accuracySum;
    private int pending;

    TrainingRecorder(Trainer trainer, ImageSetSource source, TrainingRequest request, RunFiles files, RunModels models,
                     TrainingPace pace, int interval, TrainingSession.Progress progress, SessionHistory history,
                     News news, TargetWatch watch) {
        this.trainer = trainer;
        this.source = source;
        this.request = request;
        this.files = files;
        this.models = models;
        this.pace = pace;
        this.interval = interval;
        this.progress = progress;
        this.history = history;
        this.news = news;
        this.watch = watch;
    }

    @Override
    public void onBatch(BatchMetrics m) {
        if (watch != null) watch.afterBatch(m);
        pace.batch(Math.min(request.batchSize(), source.size() - m.batch() * request.batchSize()), m.samplesPerSecond());
        lossSum += m.loss();
        accuracySum += m.accuracy();
        pending++;
        int done = m.batch() + 1;
        int epochs = request.epochs();
        long remaining = (long) (epochs - m.epoch() - 1) * m.batchesPerEpoch() + (m.batchesPerEpoch() - done);
        progress.batch(m.epoch() + 1, epochs, done, m.batchesPerEpoch(), m.loss(), m.samplesPerSecond(),
                pace.secondsLeft(remaining));
        if (done % interval != 0 && done != m.batchesPerEpoch()) return;
        BatchPoint point = new BatchPoint(m.epoch() + 1, done, m.batchesPerEpoch(), m.step(), lossSum / pending,
                accuracySum / pending, m.learningRate(), m.samplesPerSecond(), pace.elapsed());
        history.add(point);
        news.batch(point);
        lossSum = 0;
        accuracySum = 0;
        pending = 0;
        ModelSnapshot s = trainer.snapshot();
        if (s != published) {
            published = s;
            news.model(models.of(s));
        }
    }

    @Override
    public void onEpoch(EpochMetrics e) {
        ModelSnapshot s = trainer.snapshot(); // published by the trainer at the epoch's end
        EpochPoint point = new EpochPoint(e.epoch() + 1, request.epochs(), s.step(), e.trainLoss(), e.trainAccuracy(),
                e.validationLoss(), e.validationAccuracy(), e.learningRate(), e.samplesPerSecond(), e.seconds(),
                pace.elapsed());
        source.setEpoch(e.epoch() + 1);
        pace.epoch(e.seconds());
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!Double.isNaN(e.validationAccuracy())) metrics.put("validation_accuracy", e.validationAccuracy());
        Model model = models.of(s, metrics);
        try {
            // History first, then the epoch's model, checkpoint, model and run.json. Each file is whole (atomic
            // writes), and a failure between them leaves a history at least as new as the checkpoint: resume trims
            // it to the checkpoint's step, so the history never has a gap; an epoch model written before a failed
            // checkpoint is written again (replaced whole) when resume redoes that epoch.
            history.add(point);
            MetricHistory h = history.snapshot();
            files.history(h);
            files.epochModel(point.epoch(), model, h.epochs());
            files.checkpoint(trainer.checkpoint());
            files.model(model);
            files.epoch(point);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        published = s;
        news.epoch(point);
        news.model(model);
    }
}

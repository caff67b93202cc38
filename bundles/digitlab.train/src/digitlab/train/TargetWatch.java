package digitlab.train;

import digitlab.nn.BatchMetrics;
import digitlab.nn.SampleSource;
import digitlab.nn.Trainer;

/**
 * Runs a {@link TimeToTarget} measurement: called after every batch on the training thread, evaluates the trainer's
 * current parameters on the test images every few batches (batched, on the training's kernels and threads) until
 * the accuracy first reaches the target, and keeps the {@link TargetResult}. Once reached it evaluates no more.
 *
 * <p>An evaluation stops as soon as the model has made more mistakes than the target allows
 * ({@link digitlab.nn.ModelSnapshot#countCorrect}): the answer is the same as a full pass's, and while the model is
 * far from the target it costs a fraction of one. The images run hardest first ({@link HardFirstOrder}: those the
 * last evaluation got wrong), so that an evaluation below the target stops within a batch or two. The run's last
 * batch is evaluated in full, for the best accuracy.
 */
final class TargetWatch {

    private final TimeToTarget target;
    private final Trainer trainer;
    private final SampleSource test;
    private final TrainingPace pace;
    private final int interval;
    private final int epochs;
    private final HardFirstOrder order;
    private int evaluations;
    private double evaluationSeconds;
    private TargetResult result;
    private double best = Double.NaN;
    private int bestEpoch;
    private int bestBatch;
    private double bestProgress;

    /**
     * @param batchesPerEpoch batches in an epoch of this run
     * @param epochs          epochs of the run (the last batch of the run is always evaluated)
     */
    TargetWatch(TimeToTarget target, Trainer trainer, SampleSource test, TrainingPace pace, int batchesPerEpoch, int epochs) {
        this.target = target;
        this.trainer = trainer;
        this.test = test;
        this.pace = pace;
        this.interval = target.intervalBatches(batchesPerEpoch);
        this.epochs = epochs;
        this.order = new HardFirstOrder(test.size());
    }

    /** After a batch: evaluates when one is due and the target was not reached yet. */
    void afterBatch(BatchMetrics m) {
        if (result != null || test.size() == 0) return;
        long done = (long) m.epoch() * m.batchesPerEpoch() + m.batch() + 1;
        boolean last = m.epoch() + 1 == epochs && m.batch() + 1 == m.batchesPerEpoch();
        if (done % interval != 0 && !last) return;
        long start = System.nanoTime();
        int n = test.size();
        int allowed = last ? n : mistakesAllowed(n);
        order.start();
        int correct = trainer.current().countCorrect(test, order.order(), allowed, trainer.kernels(), order);
        order.finish();
        evaluationSeconds += (System.nanoTime() - start) / 1e9;
        evaluations++;
        double progress = (double) done / m.batchesPerEpoch();
        boolean complete = n - correct <= allowed || last;
        double accuracy = (double) correct / n;
        if (!complete) return; // stopped early: below the target, accuracy unknown
        if (accuracy >= target.accuracy()) {
            result = new TargetResult(target.accuracy(), true, pace.elapsed(), accuracy, m.epoch() + 1, m.batch() + 1,
                    progress, evaluations, evaluationSeconds, test.size());
        } else if (Double.isNaN(best) || accuracy > best) {
            best = accuracy;
            bestEpoch = m.epoch() + 1;
            bestBatch = m.batch() + 1;
            bestProgress = progress;
        }
    }

    /** The most mistakes on {@code n} images that still reach the target: {@code n - ceil(target * n)}. */
    private int mistakesAllowed(int n) {
        long needed = (long) Math.ceil(target.accuracy() * n - 1e-9);
        return (int) Math.max(0, n - needed);
    }

    /** The result: when the target was reached, or the best accuracy seen. */
    TargetResult result() {
        if (result != null) return result;
        return new TargetResult(target.accuracy(), false, Double.NaN, best, bestEpoch, bestBatch, bestProgress,
                evaluations, evaluationSeconds, test.size());
    }
}

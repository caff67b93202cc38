package digitlab.train;

/**
 * A time-to-accuracy measurement of a training session ({@code digitlab train --target 0.99}): while it trains,
 * the model is evaluated on the test images every {@code evaluateEvery} epochs (and after the run's last batch)
 * until its accuracy first reaches {@code accuracy}; the session reports when that was ({@link TargetResult}).
 *
 * <p>Not a {@link TrainingSetting}: it changes nothing the run trains (the model is bit-identical with or without
 * it), it only watches; it is an option of one session, not part of the run's configuration. The evaluations run
 * on the training thread with the training's kernels, so their time is on the clock.
 *
 * @param accuracy      the test accuracy to reach, above 0 and at most 1
 * @param evaluateEvery epochs between two evaluations, above 0 and at most 100 (e.g. 0.1: ten per epoch)
 */
public record TimeToTarget(double accuracy, double evaluateEvery) {

    /**
     * Epochs between two evaluations by default: a tenth, ten evaluations an epoch. Often enough to place the moment
     * within a tenth of an epoch; the evaluations that stop early (far from the target) cost little, those near it
     * almost a full pass over the test images (their share of the time: bench/README.md, "Time to 99 %").
     */
    public static final double DEFAULT_EVALUATE_EVERY = 0.1;

    /**
     * Checks both values.
     *
     * @throws IllegalArgumentException naming the value ({@code accuracy: ...} or {@code evaluateEvery: ...})
     */
    public TimeToTarget {
        if (!(accuracy > 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy: " + accuracy + " must be above 0 and at most 1 (e.g. 0.99 for 99 %)");
        }
        if (!(evaluateEvery > 0 && evaluateEvery <= 100)) {
            throw new IllegalArgumentException("evaluateEvery: " + evaluateEvery
                    + " must be above 0 and at most 100 epochs (e.g. 0.1: ten evaluations per epoch)");
        }
    }

    /** Evaluations every {@link #DEFAULT_EVALUATE_EVERY} epochs. */
    public TimeToTarget(double accuracy) {
        this(accuracy, DEFAULT_EVALUATE_EVERY);
    }

    /** Batches between two evaluations for epochs of {@code batchesPerEpoch} batches: at least one. */
    public int intervalBatches(int batchesPerEpoch) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(evaluateEvery * batchesPerEpoch)));
    }
}

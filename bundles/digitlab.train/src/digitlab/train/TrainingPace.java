package digitlab.train;

/**
 * The clock of a training session: time since the run began (its earlier sessions included), the session's
 * training throughput and the time left. Fed on the training thread, after each batch and each epoch.
 */
final class TrainingPace {

    /**
     * The first batches of a session run while the JIT compiles the kernels and are several times slower, so
     * the time left is estimated from the pace after them.
     */
    private static final int WARM_UP_BATCHES = 20;
    /** The least warm pace measured before there is an estimate. */
    private static final double MIN_PACE_SECONDS = 2;

    private final double elapsedBefore;
    private final long startNanos = System.nanoTime();
    /** When the {@value #WARM_UP_BATCHES}th batch of this session ended: the time left is measured from there. */
    private long warmNanos;
    private long batchesThisSession;
    private long samplesThisSession;
    private long samplesThisEpoch;
    private double trainingSeconds;
    private double lastBatchSpeed;

    /** A clock for a session of a run that had trained {@code elapsedBefore} seconds before it. */
    TrainingPace(double elapsedBefore) {
        this.elapsedBefore = elapsedBefore;
    }

    /** A batch of {@code samples} ended, trained at {@code samplesPerSecond}. */
    void batch(int samples, double samplesPerSecond) {
        batchesThisSession++;
        samplesThisSession += samples;
        samplesThisEpoch += samples;
        lastBatchSpeed = samplesPerSecond;
        if (batchesThisSession == WARM_UP_BATCHES) warmNanos = System.nanoTime();
    }

    /** An epoch ended after {@code seconds} of training (validation and saving excluded). */
    void epoch(double seconds) {
        trainingSeconds += seconds;
        samplesThisEpoch = 0;
        lastBatchSpeed = 0;
    }

    /**
     * Seconds left for {@code remaining} batches, from the pace since the warm-up; NaN until
     * {@value #MIN_PACE_SECONDS} s of warm pace are measured.
     */
    double secondsLeft(long remaining) {
        if (batchesThisSession <= WARM_UP_BATCHES) return Double.NaN;
        double warmSeconds = (System.nanoTime() - warmNanos) / 1e9;
        if (warmSeconds < MIN_PACE_SECONDS) return Double.NaN;
        return remaining * warmSeconds / (batchesThisSession - WARM_UP_BATCHES);
    }

    /** Seconds the run has been training, earlier sessions included. */
    double elapsed() {
        return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    /** Training throughput of this session: samples over the time spent in batches (validation and saving excluded). */
    double sessionSpeed() {
        double seconds = trainingSeconds + (lastBatchSpeed > 0 ? samplesThisEpoch / lastBatchSpeed : 0);
        return samplesThisSession == 0 || seconds <= 0 ? Double.NaN : samplesThisSession / seconds;
    }
}

package digitlab.nn;

/**
 * Figures of one completed training batch, delivered to {@link TrainerListener#onBatch}.
 *
 * @param epoch            the epoch, 0-based
 * @param batch            the batch within the epoch, 0-based
 * @param batchesPerEpoch  batches in one epoch
 * @param step             optimizer steps taken so far in the run (including this one)
 * @param loss             mean loss of this batch
 * @param accuracy         fraction of this batch's samples classified correctly (dropout active)
 * @param learningRate     the rate used for this batch's step
 * @param samplesPerSecond training throughput so far in this epoch
 */
public record BatchMetrics(int epoch, int batch, int batchesPerEpoch, long step, double loss, double accuracy,
                           double learningRate, double samplesPerSecond) {
}

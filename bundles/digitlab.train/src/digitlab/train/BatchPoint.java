package digitlab.train;

/**
 * Training figures every few batches (see {@link TrainingSession#BATCH_POINT_INTERVAL}): loss and accuracy
 * are averaged over the batches since the previous point, so charts are smooth.
 *
 * @param epoch            the epoch in progress, 1-based
 * @param batch            batches completed in this epoch, 1..batchesPerEpoch
 * @param batchesPerEpoch  batches in one epoch
 * @param step             optimizer steps taken in the whole run
 * @param loss             mean training loss of the batches since the last point
 * @param accuracy         fraction of those batches' samples classified correctly (dropout active)
 * @param learningRate     the rate of the latest batch
 * @param samplesPerSecond training throughput in this epoch so far
 * @param elapsedSeconds   training time of the whole run so far, resumed parts included
 */
public record BatchPoint(int epoch, int batch, int batchesPerEpoch, long step, double loss, double accuracy,
                         double learningRate, double samplesPerSecond, double elapsedSeconds) {
}

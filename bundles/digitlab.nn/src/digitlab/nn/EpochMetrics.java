package digitlab.nn;

/**
 * Figures of one completed epoch, delivered to {@link TrainerListener#onEpoch}.
 *
 * @param epoch              the epoch, 0-based
 * @param trainLoss          mean training loss over the epoch's batches (weighted by samples)
 * @param trainAccuracy      fraction of training samples classified correctly during the epoch
 * @param validationLoss     loss on the validation source, NaN when there is none
 * @param validationAccuracy accuracy on the validation source, NaN when there is none
 * @param learningRate       the rate of the epoch's last batch
 * @param samplesPerSecond   training throughput of the epoch (validation excluded)
 * @param seconds            wall time of the epoch's training (validation excluded)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double learningRate, double samplesPerSecond,
                           double seconds) {
}

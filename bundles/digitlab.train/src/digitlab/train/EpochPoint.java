package digitlab.train;

/**
 * Figures of one completed epoch.
 *
 * @param epoch              the epoch just completed, 1-based
 * @param epochs             the run's total number of epochs
 * @param step               optimizer steps taken in the whole run
 * @param trainLoss          mean training loss over the epoch
 * @param trainAccuracy      training accuracy over the epoch (dropout active)
 * @param validationLoss     loss on the validation images, NaN when there are none
 * @param validationAccuracy accuracy on the validation images, NaN when there are none
 * @param learningRate       the rate of the epoch's last batch
 * @param samplesPerSecond   training throughput of the epoch
 * @param seconds            training time of the epoch
 * @param elapsedSeconds     training time of the whole run so far, resumed parts included
 */
public record EpochPoint(int epoch, int epochs, long step, double trainLoss, double trainAccuracy,
                         double validationLoss, double validationAccuracy, double learningRate,
                         double samplesPerSecond, double seconds, double elapsedSeconds) {
}

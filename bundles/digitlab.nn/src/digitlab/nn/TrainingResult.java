package digitlab.nn;

/**
 * How a call to {@link Trainer#train} ended.
 *
 * @param status      completed, cancelled or diverged
 * @param message     a sentence for the user, e.g. "loss became NaN at epoch 2, batch 118; try a lower learning rate"
 * @param epoch       the epoch the trainer stands at (epochs completed), 0-based
 * @param batch       the batch position within that epoch (0 at an epoch boundary)
 * @param snapshot    the final model: after the last completed batch, or for a divergence the last good one
 * @param lastEpoch   metrics of the last completed epoch, or null when none completed in this call
 */
public record TrainingResult(Status status, String message, int epoch, int batch, ModelSnapshot snapshot,
                             EpochMetrics lastEpoch) {

    /** How training ended. */
    public enum Status {
        /** All configured epochs are done. */
        COMPLETED,
        /** The cancellation check returned true; the parameters are those after the last completed batch. */
        CANCELLED,
        /** The loss became NaN or infinite; the snapshot is the last good one. */
        DIVERGED
    }
}

package digitlab.nn;

/**
 * Receives progress from a {@link Trainer}. Called on the training thread, between batches:
 * keep it quick (hand the figures to another thread for display). The trainer's state is
 * consistent during these calls, so {@link Trainer#checkpoint()} and {@link Trainer#snapshot()}
 * may be called from them.
 */
public interface TrainerListener {

    /** After every batch. */
    default void onBatch(BatchMetrics metrics) {
    }

    /** After every epoch, with the validation figures. */
    default void onEpoch(EpochMetrics metrics) {
    }
}

package digitlab.train.sweep;

import digitlab.train.EpochPoint;
import digitlab.train.TrainingJob;

/**
 * Live news of a running sweep, for the Sweep view and the command line. Calls come in order on one dispatcher
 * thread per {@link SweepRunner} (never the UI thread, never a training thread); a listener that throws is logged and
 * removed. Each call carries the sweep's record as it is after the change (the same content as its sweep.json), and
 * the point concerned as it is in that record. To update SWT widgets, hand over with {@code Display.asyncExec}.
 */
public interface SweepListener {

    /** The runner has started (or resumed) the sweep; the record says which points are left. */
    default void sweepStarted(SweepRecord sweep) {
    }

    /** A point is in the queue of this session (called for every point left, in order, after {@link #sweepStarted}). */
    default void pointQueued(SweepRecord sweep, SweepPoint point) {
    }

    /**
     * A point's run is scheduled: a new run, or its run resumed. {@code job} is an ordinary {@link TrainingJob}
     * (in {@link TrainingJob#FAMILY}, in the sweep's progress group when there is one): add a
     * {@link digitlab.train.TrainingListener} to follow its batches live.
     */
    default void pointStarted(SweepRecord sweep, SweepPoint point, TrainingJob job) {
    }

    /** A point's run finished an epoch (the point has the epoch's validation figures). */
    default void pointEpoch(SweepRecord sweep, SweepPoint point, EpochPoint epoch) {
    }

    /**
     * The early-stopping rule stopped a point's run at a rung ({@link PointState#STOPPED_EARLY}; the point's message is
     * the rule's reason). {@link #pointFinished} follows.
     */
    default void pointStoppedEarly(SweepRecord sweep, SweepPoint point) {
    }

    /**
     * A point's run has ended: completed, stopped early, diverged, failed or cancelled (see the point's state and
     * message). A point whose run was cancelled before it trained anything is back to {@link PointState#PENDING}
     * (its empty run is removed).
     */
    default void pointFinished(SweepRecord sweep, SweepPoint point) {
    }

    /** The runner has stopped: the sweep is completed, cancelled or failed; the last call. */
    default void sweepFinished(SweepRecord sweep) {
    }
}

package digitlab.ui.internal.sweep;

import digitlab.train.RunInfo;
import digitlab.train.TrainingSetting;
import digitlab.train.sweep.PointState;
import digitlab.train.sweep.SweepPoint;

/**
 * One point of a sweep as the Sweep view shows it: the engine's {@link SweepPoint} (settings, state, validation and
 * test figures), its run's summary, the sweep's metric, the last training loss and when the run ended.
 *
 * @param source     the point as the sweep's record has it
 * @param info       its run's summary, or null while it has no run (queued) or the run was deleted
 * @param metric     the sweep's metric of this point (NaN before its first epoch)
 * @param trainLoss  the last epoch's training loss (NaN before its first epoch)
 * @param finishedAt seconds from the sweep's start to the run's end (NaN while it has not ended)
 */
public record SweepRow(SweepPoint source, RunInfo info, double metric, double trainLoss, double finishedAt) {

    /** The point's number, from 1. */
    public int point() {
        return source.index() + 1;
    }

    /** The state in words: "completed", "stopped early" (the rule's stop, not a failure), "running", "pending". */
    public String statusText() {
        return source.state().label();
    }

    /** Whether the early-stopping rule stopped it. */
    public boolean stoppedEarly() {
        return source.state() == PointState.STOPPED_EARLY;
    }

    /** The run's name, or "point N" while it has no run. */
    public String name() {
        return info == null ? "point " + point() : info.name();
    }

    /** The value of {@code key}'s setting in words ("0.003", "256,128"). */
    public String setting(String key) {
        TrainingSetting s = TrainingSetting.ofKey(key);
        return s == null ? "" : source.value(s);
    }

    /** Epochs trained. */
    public int epochsDone() {
        return source.epochsCompleted();
    }

    /** Training time in seconds. */
    public double seconds() {
        return source.seconds();
    }
}

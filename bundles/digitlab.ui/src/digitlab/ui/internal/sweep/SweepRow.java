package digitlab.ui.internal.sweep;

import java.util.Map;

import digitlab.train.RunInfo;

/**
 * One run of a sweep as the Sweep view shows it: the run's summary, the values its varied settings took, the
 * metric the sweep optimises, the last training loss, and whether the early-stopping rule stopped it.
 *
 * @param point       the point's number in the sweep (1, 2, ...)
 * @param info        the run's summary (null when the point has no run yet: it waits in the queue)
 * @param settings    the varied settings' values by setting key, as text (e.g. {@code learningRate -> 0.01})
 * @param metric      the sweep's metric of this run (NaN before its first epoch)
 * @param trainLoss   the last epoch's training loss (NaN before its first epoch)
 * @param stoppedEarly whether the sweep's early-stopping rule stopped the run (not a failure)
 * @param finishedAt  seconds from the sweep's start to the run's end (NaN while it has not ended)
 */
public record SweepRow(int point, RunInfo info, Map<String, String> settings, double metric, double trainLoss,
                       boolean stoppedEarly, double finishedAt) {

    /** The status a user reads: "stopped early" for the rule's stops, else the run's own ("completed", "running"). */
    public String statusText() {
        if (stoppedEarly) return "stopped early";
        if (info == null) return "queued";
        return info.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The run's name, or the point's number while it waits. */
    public String name() {
        return info == null ? "point " + point : info.name();
    }

    /** Epochs trained so far. */
    public int epochsDone() {
        return info == null ? 0 : info.epochsCompleted();
    }

    /** Training time so far in seconds. */
    public double seconds() {
        return info == null ? 0 : info.seconds();
    }
}

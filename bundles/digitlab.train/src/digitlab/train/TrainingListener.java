package digitlab.train;

import digitlab.nn.Model;

/**
 * Live news of a training run, for the views. Calls come on one dispatcher thread per run (never the
 * UI thread, never the training thread), in order; a slow listener delays only other listeners of that
 * run, never training. A listener that throws is logged and removed. To update SWT widgets, hand over
 * with {@code Display.asyncExec} and refresh at a bounded rate.
 */
public interface TrainingListener {

    /** The run has started (or resumed) training; {@code history} is what it has so far (empty for a new run). */
    default void started(Run run, MetricHistory history) {
    }

    /** Training figures every {@link TrainingSession#BATCH_POINT_INTERVAL} batches and at each epoch's end. */
    default void batch(Run run, BatchPoint point) {
    }

    /** An epoch is complete, with its validation figures. */
    default void epoch(Run run, EpochPoint point) {
    }

    /**
     * A newer model of the run (at most every {@link TrainingSession#BATCH_POINT_INTERVAL} batches and at each
     * epoch's end): the trainer's snapshot with the run's metadata (dataset, class labels, normalisation,
     * configuration), the same object the session saves. Immutable: predict from it on any thread.
     */
    default void snapshot(Run run, Model model) {
    }

    /** The run has ended (completed, cancelled, diverged or failed); the last call for this run. */
    default void finished(Run run, RunOutcome outcome) {
    }
}

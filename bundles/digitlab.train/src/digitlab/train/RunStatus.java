package digitlab.train;

/** Where a run stands. Stored in the run's {@code run.json}. */
public enum RunStatus {
    /** Created, not started yet (or waiting for a free core). */
    NEW,
    /** Training now, in this process. */
    RUNNING,
    /** All epochs done; the model and the final evaluation are saved. */
    COMPLETED,
    /** Stopped by the user; the model after the last completed batch is saved; can be resumed. */
    CANCELLED,
    /** The loss became NaN or infinite; the last good model is saved; the message says what to change. */
    DIVERGED,
    /** An error stopped it (data, disk, a plugin's code); the message says which; can be resumed. */
    FAILED,
    /** It was running when the program ended (crash, kill); can be resumed from its last checkpoint. */
    INTERRUPTED,
    /**
     * Stopped at the end of an epoch by an early-stopping rule (a sweep's ASHA rungs: it was clearly behind the
     * others); not a failure. Its model and checkpoint are those of that epoch; the message says which rule, and it
     * can be resumed by hand to train the remaining epochs.
     */
    STOPPED_EARLY;

    /** Whether {@link TrainingSession#resume} can continue this run (it needs a checkpoint too). */
    public boolean isResumable() {
        return this == CANCELLED || this == FAILED || this == INTERRUPTED || this == NEW || this == STOPPED_EARLY;
    }

    /** The status in words, lower case: "completed", "stopped early", ... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Whether the run is over for good or paused (anything but NEW and RUNNING). */
    public boolean isFinished() {
        return this != NEW && this != RUNNING;
    }
}

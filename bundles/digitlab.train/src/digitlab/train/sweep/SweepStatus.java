package digitlab.train.sweep;

import java.util.Locale;

/** Where a sweep stands. Stored in its sweep.json. */
public enum SweepStatus {
    /** Made, not started. */
    NEW,
    /** A program is running it now (this one or another: the command line beside the workbench). */
    RUNNING,
    /** Every point is done (completed, stopped early, diverged or failed). */
    COMPLETED,
    /** Cancelled: its finished runs are kept, the rest can be resumed. */
    CANCELLED,
    /**
     * It was running when its program ended (the lab was closed, the command line killed): the file says RUNNING but
     * no program holds it. Resuming continues where it stopped.
     */
    INTERRUPTED,
    /** The sweep itself could not go on (its file could not be written); the message says why. */
    FAILED;

    /** Whether {@link SweepRunner#run} can continue it (it may have no points left to do). */
    public boolean isResumable() {
        return this == NEW || this == CANCELLED || this == INTERRUPTED || this == FAILED;
    }

    /** The status in words, lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

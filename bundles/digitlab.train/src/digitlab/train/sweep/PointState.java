package digitlab.train.sweep;

import digitlab.train.RunStatus;
import java.util.Locale;

/** Where one point of a sweep stands. */
public enum PointState {
    /** Not started: no run yet (or a run that never trained and was removed). */
    PENDING,
    /** Its run is training (or waiting for a core). */
    RUNNING,
    /** Its run trained all epochs. */
    COMPLETED,
    /** The early-stopping rule stopped its run at a rung: behind the others; not a failure. */
    STOPPED_EARLY,
    /** Its run's loss became NaN or infinite. */
    DIVERGED,
    /** Its run failed (data, disk, a plugin); the message says why. */
    FAILED,
    /** Its run was cancelled (the sweep was cancelled, or the run alone); resuming the sweep continues it. */
    CANCELLED;

    /** Whether the point is done for good: a resumed sweep leaves it as it is. */
    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED_EARLY || this == DIVERGED || this == FAILED;
    }

    /** The state in words, lower case: "stopped early". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The state of a point whose run ended with {@code status}. */
    public static PointState of(RunStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case STOPPED_EARLY -> STOPPED_EARLY;
            case DIVERGED -> DIVERGED;
            case FAILED -> FAILED;
            case NEW, RUNNING -> RUNNING;
            case CANCELLED, INTERRUPTED -> CANCELLED;
        };
    }
}

package digitlab.train.sweep;

import digitlab.train.TrainingSetting;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sweep as its {@code sweep.json} says, at one moment: what the Sweep view shows and the command line prints.
 * Read with {@link SweepStore#open} and {@link SweepStore#list}, and handed to {@link SweepListener}s after each change.
 *
 * @param id      the sweep's id (its folder name), e.g. {@code 20261203-170512-sweep}
 * @param name    the name shown ({@link SweepSpec#displayName()})
 * @param created when it was made
 * @param updated when its file was last written
 * @param status  where it stands (a sweep left RUNNING by a program that ended reads as {@link SweepStatus#INTERRUPTED})
 * @param message the last status sentence, e.g. why it failed; "" when none
 * @param spec    what it tries
 * @param points  its points, in order
 * @param seconds wall-clock time spent running it, all sessions together
 */
public record SweepRecord(String id, String name, Instant created, Instant updated, SweepStatus status, String message,
                          SweepSpec spec, List<SweepPoint> points, double seconds) {

    /** Freezes the points. */
    public SweepRecord {
        points = List.copyOf(points);
        message = message == null ? "" : message;
    }

    /** The settings that vary, in the axes' order: the columns of the sweep's table. */
    public List<TrainingSetting> varied() {
        return spec.varied().stream().map(SweepAxis::setting).toList();
    }

    /**
     * The best point by the sweep's metric among the completed ones (a run stopped early trained fewer epochs and is
     * not compared with them); when none completed, the best of those that have the metric. Empty when no point has it.
     */
    public Optional<SweepPoint> best() {
        SweepMetric m = spec.metric();
        Comparator<SweepPoint> byMetric = (a, b) -> m.better(a.metric(m), b.metric(m)) ? -1 : m.better(b.metric(m), a.metric(m)) ? 1 : 0;
        Optional<SweepPoint> completed = points.stream().filter(p -> p.state() == PointState.COMPLETED)
                .filter(p -> !Double.isNaN(p.metric(m))).min(byMetric.thenComparingInt(SweepPoint::index));
        if (completed.isPresent()) return completed;
        return points.stream().filter(p -> !Double.isNaN(p.metric(m))).min(byMetric.thenComparingInt(SweepPoint::index));
    }

    /** How many points are in {@code state}. */
    public int count(PointState state) {
        return (int) points.stream().filter(p -> p.state() == state).count();
    }

    /** Whether some point is left to do (pending, running or cancelled). */
    public boolean hasWorkLeft() {
        return points.stream().anyMatch(p -> !p.state().isFinal());
    }

    /** Whether {@link SweepRunner#run} would continue it: not running now, and points are left. */
    public boolean canResume() {
        return status.isResumable() && hasWorkLeft();
    }

    /** The early-stopping rule in one sentence, or "" when the sweep has none. */
    public String rule() {
        EarlyStopping es = spec.earlyStopping();
        return es == null ? "" : es.describe(spec.metric(), spec.epochs());
    }

    /** One line: "12 of 16 points done (3 stopped early), best validation accuracy 97.31 % (#7)". */
    public String summary() {
        long done = points.stream().filter(p -> p.state().isFinal()).count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d of %d points done", done, points.size()));
        int early = count(PointState.STOPPED_EARLY);
        if (early > 0) sb.append(" (").append(early).append(" stopped early)");
        best().ifPresent(b -> sb.append(", best ").append(spec.metric().label().toLowerCase(Locale.ROOT)).append(' ')
                .append(spec.metric().format(b.metric(spec.metric()))).append(" (#").append(b.index() + 1).append(')'));
        return sb.toString();
    }

    /**
     * The points as CSV, one line each: point, run, state, every varied setting, epochs, seconds, validation accuracy
     * and loss, best validation accuracy, test accuracy, and whether it is the best point. Numbers with a dot, empty
     * for none; a text with a comma or quote is quoted.
     */
    public String toCsv() {
        return SweepCsv.of(this);
    }
}

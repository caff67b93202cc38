package digitlab.ui.internal.sweep;

import java.util.List;
import java.util.Locale;

import digitlab.train.TrainingSetting;
import digitlab.train.sweep.SweepAxis;
import digitlab.train.sweep.SweepMetric;
import digitlab.train.sweep.SweepRecord;

/**
 * What the Sweep view shows of one sweep, read in the background: the engine's record, its points as rows, the best
 * point (the engine's choice: {@link SweepRecord#best()}) and whether it runs in this workbench now.
 *
 * @param record  the sweep's record
 * @param rows    its points, in order
 * @param running whether a sweep job of this workbench runs it now
 */
public record SweepData(SweepRecord record, List<SweepRow> rows, boolean running) {

    /** The sweep's id. */
    public String id() {
        return record.id();
    }

    /** The keys of the varied settings: the table's setting columns, the chart's choices. */
    public List<String> varied() {
        return record.varied().stream().map(TrainingSetting::key).toList();
    }

    /** The metric the sweep optimises. */
    public SweepMetric metric() {
        return record.spec().metric();
    }

    /** The best row, or null while no point has the metric. */
    public SweepRow best() {
        int best = record.best().map(p -> p.index()).orElse(-1);
        for (SweepRow r : rows) if (r.source().index() == best) return r;
        return null;
    }

    /**
     * The summary: name and status; the space ("grid 2 × 2 = 4 points over learning rate 0.001, 0.1 × batch size
     * 32, 64" or "8 random points ..."); epochs, runs at once, metric; the early-stopping rule; progress and best;
     * total time.
     */
    public String summary() {
        var spec = record.spec();
        StringBuilder sb = new StringBuilder(record.name()).append(" \u2014 ").append(running ? "running" : record.status().label());
        if (!record.message().isEmpty() && !running) sb.append(": ").append(record.message());
        sb.append(".\n");
        StringBuilder space = new StringBuilder();
        StringBuilder sizes = new StringBuilder();
        for (SweepAxis a : spec.varied()) {
            space.append(space.length() > 0 ? " \u00d7 " : "").append(a.setting().label().toLowerCase(Locale.ROOT))
                    .append(' ').append(a.isRange() ? a.text() + (a.logScale() ? " (log-uniform)" : "") : a.text());
            sizes.append(sizes.length() > 0 ? " \u00d7 " : "").append(a.isRange() ? "range" : a.values().size());
        }
        if (spec.isRandom()) sb.append(String.format(Locale.ROOT, "%d random points (seed %d) over ", spec.samples(), spec.samplingSeed()));
        else sb.append("Grid ").append(spec.varied().size() > 1 ? sizes + " = " : "").append(record.points().size()).append(" points over ");
        sb.append(space).append("; ").append(spec.epochs()).append(spec.epochs() == 1 ? " epoch" : " epochs").append(" each, ")
                .append(spec.parallel()).append(" at once; metric: ").append(spec.metric().label().toLowerCase(Locale.ROOT))
                .append(spec.metric().higherIsBetter() ? " (higher is better).\n" : " (lower is better).\n");
        String rule = record.rule();
        sb.append(rule.isEmpty() ? "No early stopping." : Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + ".");
        sb.append('\n').append(Character.toUpperCase(record.summary().charAt(0))).append(record.summary().substring(1));
        long s = Math.round(record.seconds());
        sb.append("; total time ").append(s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s").append('.');
        return sb.toString();
    }

    /** A figure as the metric shows it: "97.31 %" or "0.1234"; empty when NaN. */
    public static String percent(double v) {
        return Double.isNaN(v) ? "" : String.format("%.2f %%", 100 * v);
    }
}

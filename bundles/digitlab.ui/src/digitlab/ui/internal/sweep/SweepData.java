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
     * The summary in two lines (the name is in the view's combo): the space ("Grid 2 × 3 = 6 points: hidden layers 64
     * | 128,64 × learning rate 0.0003, 0.003, 0.03 · 3 epochs, 2 at once · metric validation accuracy"), then where
     * it stands ("completed: 6 of 6 points done (3 stopped early), best ... (#5) · 26 s · early stopping: ASHA after
     * epochs 1, 2, keeps the best 1/2"). The rule's full sentence is the summary's tooltip.
     */
    public String summary() {
        var spec = record.spec();
        StringBuilder space = new StringBuilder();
        StringBuilder sizes = new StringBuilder();
        for (SweepAxis a : spec.varied()) {
            space.append(space.length() > 0 ? " \u00d7 " : "").append(a.setting().label().toLowerCase(Locale.ROOT)).append(' ')
                    .append(a.isRange() ? a.text() + (a.logScale() ? " (log-uniform)" : "") : values(a));
            sizes.append(sizes.length() > 0 ? " \u00d7 " : "").append(a.isRange() ? "range" : a.values().size());
        }
        StringBuilder sb = new StringBuilder();
        if (spec.isRandom()) sb.append(String.format(Locale.ROOT, "%d random points (seed %d): ", spec.samples(), spec.samplingSeed()));
        else sb.append("Grid ").append(spec.varied().size() > 1 ? sizes + " = " : "").append(record.points().size()).append(" points: ");
        sb.append(space).append(" \u00b7 ").append(spec.epochs()).append(spec.epochs() == 1 ? " epoch" : " epochs").append(", ")
                .append(spec.parallel()).append(" at once \u00b7 metric ").append(spec.metric().label().toLowerCase(Locale.ROOT))
                .append('\n');
        sb.append(running ? "running" : record.status().label()).append(": ").append(record.summary());
        long s = Math.round(record.seconds());
        sb.append(" \u00b7 ").append(s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s");
        var es = spec.earlyStopping();
        List<Integer> rungs = es == null ? List.of() : es.rungs(spec.epochs());
        if (es == null) sb.append(" \u00b7 no early stopping");
        else if (rungs.isEmpty()) sb.append(" \u00b7 early stopping: no rung before the last epoch");
        else sb.append(" \u00b7 early stopping (ASHA) after epoch").append(rungs.size() > 1 ? "s " : " ")
                .append(rungs.toString().replaceAll("[\\[\\]]", "")).append(": the best 1/").append(es.reduction()).append(" go on");
        if (!record.message().isEmpty() && !running && record.status() != digitlab.train.sweep.SweepStatus.COMPLETED) {
            sb.append('\n').append(record.message());
        }
        return sb.toString();
    }

    /** A list axis's values for people: "0.0003, 0.003, 0.03"; hidden layers "64 | 128,64". */
    private static String values(SweepAxis a) {
        StringBuilder sb = new StringBuilder();
        for (Object v : a.values()) {
            sb.append(sb.length() > 0 ? (a.setting() == TrainingSetting.HIDDEN_LAYERS ? " | " : ", " ) : "")
                    .append(SweepAxis.format(a.setting(), v));
        }
        return sb.toString();
    }

    /** A figure as the metric shows it: "97.31 %" or "0.1234"; empty when NaN. */
    public static String percent(double v) {
        return Double.isNaN(v) ? "" : String.format("%.2f %%", 100 * v);
    }
}

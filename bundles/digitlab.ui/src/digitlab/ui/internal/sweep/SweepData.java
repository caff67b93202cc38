package digitlab.ui.internal.sweep;

import java.util.List;

/**
 * What the Sweep view shows of one sweep, read in the background: its summary line, the settings it varies (keys,
 * in form order), its metric and which way is better, its runs, the best of them, and whether it is still going.
 *
 * @param id             the sweep's id
 * @param summary        the summary: space, points, the early-stopping rule, best, total time
 * @param varied         the keys of the varied settings ({@link digitlab.train.TrainingSetting#key()})
 * @param metricLabel    the metric's name as users read it, e.g. "validation accuracy"
 * @param higherIsBetter whether a larger metric is better (accuracy) or a smaller one (loss)
 * @param percent        whether the metric is a fraction shown in per cent
 * @param rows           the runs, in point order
 * @param running        whether the sweep is training now (in this workbench)
 */
public record SweepData(String id, String summary, List<String> varied, String metricLabel, boolean higherIsBetter,
                        boolean percent, List<SweepRow> rows, boolean running) {

    /** The row with the best metric (ties: the earlier point), or null while no run has one. */
    public SweepRow best() {
        SweepRow best = null;
        for (SweepRow r : rows) {
            if (Double.isNaN(r.metric()) || r.info() == null) continue;
            if (best == null || (higherIsBetter ? r.metric() > best.metric() : r.metric() < best.metric())) best = r;
        }
        return best;
    }

    /** The metric as shown: "97.31 %" or "0.1234"; empty when NaN. */
    public String format(double v) {
        if (Double.isNaN(v)) return "";
        return percent ? String.format("%.2f %%", 100 * v) : String.format("%.4f", v);
    }
}

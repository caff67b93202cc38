package digitlab.train.cli;

import digitlab.train.TrainingJob;
import digitlab.train.TrainingSetting;
import digitlab.train.sweep.PointState;
import digitlab.train.sweep.SweepListener;
import digitlab.train.sweep.SweepMetric;
import digitlab.train.sweep.SweepPoint;
import digitlab.train.sweep.SweepRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code digitlab sweep} prints: a line per point as it starts and ends, the table, the JSON summary, the list. */
final class SweepOutput {

    private final PrintStream out;

    SweepOutput(PrintStream out) {
        this.out = out;
    }

    /** A line when a point starts and when it ends. */
    SweepListener progress() {
        return new SweepListener() {
            @Override
            public void pointStarted(SweepRecord sweep, SweepPoint p, TrainingJob job) {
                out.println(String.format(Locale.ROOT, "#%d/%d started (run %s): %s", p.index() + 1, sweep.points().size(),
                        job.run().id(), p.label(sweep.varied())));
            }

            @Override
            public void pointFinished(SweepRecord sweep, SweepPoint p) {
                String figures = Double.isNaN(p.validationAccuracy()) ? ""
                        : String.format(Locale.ROOT, ", validation %.2f %%", 100 * p.validationAccuracy());
                out.println(String.format(Locale.ROOT, "#%d/%d %s%s after %d %s, %.1f s%s", p.index() + 1, sweep.points().size(),
                        p.state().label(), figures, p.epochsCompleted(), p.epochsCompleted() == 1 ? "epoch" : "epochs",
                        p.seconds(), p.state() == PointState.COMPLETED || p.message().isEmpty() ? "" : ": " + p.message()));
            }
        };
    }

    /** The table of points: number, state, each varied setting, epochs, seconds, the metrics; the best marked. */
    void table(SweepRecord r) {
        List<TrainingSetting> varied = r.varied();
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("#", "state"));
        for (TrainingSetting s : varied) head.add(s.flag().substring(2));
        head.addAll(List.of("epochs", "seconds", "val acc", "val loss", "test acc", "run"));
        rows.add(head.toArray(String[]::new));
        int best = r.best().map(SweepPoint::index).orElse(-1);
        for (SweepPoint p : r.points()) {
            List<String> row = new ArrayList<>();
            row.add((p.index() == best ? "*" : "") + (p.index() + 1));
            row.add(p.state().label());
            for (TrainingSetting s : varied) row.add(p.value(s));
            row.add(Integer.toString(p.epochsCompleted()));
            row.add(String.format(Locale.ROOT, "%.1f", p.seconds()));
            row.add(SweepMetric.VALIDATION_ACCURACY.format(p.validationAccuracy()));
            row.add(SweepMetric.VALIDATION_LOSS.format(p.validationLoss()));
            row.add(SweepMetric.TEST_ACCURACY.format(p.testAccuracy()));
            row.add(p.runId() == null ? "-" : p.runId());
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) sb.append(String.format("%-" + widths[i] + "s", row[i])).append(i < row.length - 1 ? "  " : "");
            out.println(sb.toString().stripTrailing());
        }
        if (!r.rule().isEmpty()) out.println(r.rule() + ".");
        out.println(r.summary() + String.format(Locale.ROOT, "; %.1f s", r.seconds()));
        r.best().ifPresent(b -> out.println("best: #" + (b.index() + 1) + " (" + b.label(varied) + "), run " + b.runId()
                + "; make it the current model with the Runs view, or use --model " + b.runId() + "@" + b.epochsCompleted()));
    }

    /** The sweeps, newest first: id, status, points, name. */
    void list(List<SweepRecord> sweeps) {
        if (sweeps.isEmpty()) {
            out.println("no sweeps yet");
            return;
        }
        for (SweepRecord r : sweeps) {
            out.println(String.format(Locale.ROOT, "%s  %-11s  %s: %s", r.id(), r.status().label(), r.name(), r.summary()));
        }
    }

    /** The JSON summary: sweep, status, metric, early_stopping, points, counts, seconds, runs, best. */
    static Map<String, Object> json(SweepRecord r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("sweep", r.id());
        j.put("name", r.name());
        j.put("status", r.status().label());
        j.put("metric", r.spec().metric().id());
        j.put("early_stopping", r.rule().isEmpty() ? null : r.rule());
        j.put("points", r.points().size());
        j.put("completed", r.count(PointState.COMPLETED));
        j.put("stopped_early", r.count(PointState.STOPPED_EARLY));
        j.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        List<Object> runs = new ArrayList<>();
        for (SweepPoint p : r.points()) runs.add(point(r, p));
        j.put("runs", runs);
        j.put("best", r.best().map(b -> (Object) point(r, b)).orElse(null));
        return j;
    }

    private static Map<String, Object> point(SweepRecord r, SweepPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", p.index() + 1);
        m.put("run", p.runId());
        m.put("state", p.state().label());
        m.put("stopped_early", p.state() == PointState.STOPPED_EARLY);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (TrainingSetting s : r.varied()) {
            Object v = p.settings().get(s);
            settings.put(s.key(), v instanceof Long l ? (Object) l.toString() : v);
        }
        m.put("settings", settings);
        m.put("epochs", p.epochsCompleted());
        m.put("seconds", Math.round(p.seconds() * 1000) / 1000.0);
        m.put("validation_accuracy", p.validationAccuracy());
        m.put("validation_loss", p.validationLoss());
        m.put("test_accuracy", p.testAccuracy());
        m.put("metric", p.metric(r.spec().metric()));
        if (!p.message().isEmpty() && p.state() != PointState.COMPLETED) m.put("message", p.message());
        return m;
    }
}

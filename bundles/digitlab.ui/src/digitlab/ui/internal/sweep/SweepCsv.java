package digitlab.ui.internal.sweep;

import digitlab.ui.internal.export.Csv;

/** A sweep's runs as CSV for the view's export: one row per point, each varied setting in a column of its own. */
final class SweepCsv {

    private SweepCsv() {
    }

    /** Header {@code point,run,run_id,status,<setting keys...>,<metric>,train_loss,epochs,seconds}, then one row per point. */
    static String of(SweepData d) {
        StringBuilder sb = new StringBuilder("point,run,run_id,status");
        for (String key : d.varied()) sb.append(',').append(Csv.quote(key));
        sb.append(',').append(Csv.quote(d.metricLabel().replace(' ', '_'))).append(",train_loss,epochs,seconds,best\n");
        SweepRow best = d.best();
        for (SweepRow r : d.rows()) {
            sb.append(r.point()).append(',').append(Csv.quote(r.name())).append(',')
                    .append(r.info() == null ? "" : Csv.quote(r.info().id())).append(',').append(Csv.quote(r.statusText()));
            for (String key : d.varied()) sb.append(',').append(Csv.quote(r.settings().getOrDefault(key, "")));
            sb.append(',').append(Csv.num(r.metric())).append(',').append(Csv.num(r.trainLoss())).append(',')
                    .append(r.epochsDone()).append(',').append(Csv.num(r.seconds())).append(',')
                    .append(best != null && best.point() == r.point() ? "yes" : "").append('\n');
        }
        return sb.toString();
    }
}

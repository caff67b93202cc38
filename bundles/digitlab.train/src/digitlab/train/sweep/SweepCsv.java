package digitlab.train.sweep;

import digitlab.train.TrainingSetting;
import java.util.List;
import java.util.Locale;

/** {@link SweepRecord#toCsv()}. */
final class SweepCsv {

    private SweepCsv() {
    }

    static String of(SweepRecord r) {
        List<TrainingSetting> varied = r.varied();
        StringBuilder sb = new StringBuilder("point,run,state");
        for (TrainingSetting s : varied) sb.append(',').append(s.key());
        sb.append(",epochs,seconds,validation_accuracy,validation_loss,best_validation_accuracy,test_accuracy,best\n");
        int best = r.best().map(SweepPoint::index).orElse(-1);
        for (SweepPoint p : r.points()) {
            sb.append(p.index() + 1).append(',').append(p.runId() == null ? "" : p.runId()).append(',')
                    .append(p.state().label());
            for (TrainingSetting s : varied) sb.append(',').append(quote(p.value(s)));
            sb.append(',').append(p.epochsCompleted()).append(',').append(number(p.seconds(), "%.3f"))
                    .append(',').append(number(p.validationAccuracy(), "%.6f")).append(',').append(number(p.validationLoss(), "%.6f"))
                    .append(',').append(number(p.bestValidationAccuracy(), "%.6f")).append(',').append(number(p.testAccuracy(), "%.6f"))
                    .append(',').append(p.index() == best ? "yes" : "").append('\n');
        }
        return sb.toString();
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "";
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

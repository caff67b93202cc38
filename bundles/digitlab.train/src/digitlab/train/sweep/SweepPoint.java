package digitlab.train.sweep;

import digitlab.train.EpochPoint;
import digitlab.train.TrainingSetting;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a sweep as its sweep.json records it: its settings, its run and how far the run got.
 *
 * @param index                  the point's number in the sweep, from 0 (shown from 1)
 * @param settings               the value of every setting on an axis (fixed ones included), in form order
 * @param runId                  the id of its run in the run store, or null while it has none
 * @param state                  where it stands
 * @param message                the run's last status sentence (e.g. the early-stopping rule's reason); "" when none
 * @param epochsCompleted        epochs its run completed
 * @param seconds                its run's training time
 * @param validationAccuracy     the validation accuracy after its last completed epoch, NaN when none
 * @param validationLoss         the validation loss after its last completed epoch, NaN when none
 * @param testAccuracy           the test accuracy of its final model (completed runs), NaN otherwise
 * @param bestValidationAccuracy the highest validation accuracy of its epochs, NaN when none
 * @param rungs                  the per-epoch metric it had at each early-stopping rung it reached (epoch -> value)
 */
public record SweepPoint(int index, Map<TrainingSetting, Object> settings, String runId, PointState state, String message,
                         int epochsCompleted, double seconds, double validationAccuracy, double validationLoss,
                         double testAccuracy, double bestValidationAccuracy, Map<Integer, Double> rungs) {

    /** Freezes the maps. */
    public SweepPoint {
        EnumMap<TrainingSetting, Object> s = new EnumMap<>(TrainingSetting.class);
        s.putAll(settings);
        settings = Collections.unmodifiableMap(s);
        rungs = Collections.unmodifiableMap(new TreeMap<>(rungs == null ? Map.of() : rungs));
        message = message == null ? "" : message;
    }

    /** A point not started yet. */
    static SweepPoint pending(int index, Map<TrainingSetting, Object> settings) {
        return new SweepPoint(index, settings, null, PointState.PENDING, "", 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Map.of());
    }

    /** Its value of {@code metric} (NaN when its run has none yet). */
    public double metric(SweepMetric metric) {
        return switch (metric) {
            case VALIDATION_ACCURACY -> validationAccuracy;
            case VALIDATION_LOSS -> validationLoss;
            case TEST_ACCURACY -> testAccuracy;
        };
    }

    /** The value of {@code setting} in words ("0.003", "256,128"), or "" when it is not on an axis. */
    public String value(TrainingSetting setting) {
        Object v = settings.get(setting);
        return v == null ? "" : SweepAxis.format(setting, v);
    }

    /** The settings of {@code shown} in words: "learning rate 0.003, hidden layers 256,128". */
    public String label(List<TrainingSetting> shown) {
        return label(settings, shown);
    }

    static String label(Map<TrainingSetting, Object> settings, List<TrainingSetting> shown) {
        StringBuilder sb = new StringBuilder();
        for (TrainingSetting s : shown) {
            Object v = settings.get(s);
            if (v == null) continue;
            sb.append(sb.length() > 0 ? ", " : "").append(s.label().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(SweepAxis.format(s, v));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- changes (the runner)

    SweepPoint started(String run) {
        return new SweepPoint(index, settings, run, PointState.RUNNING, "", epochsCompleted, seconds, validationAccuracy,
                validationLoss, testAccuracy, bestValidationAccuracy, rungs);
    }

    SweepPoint epoch(EpochPoint p) {
        double best = Double.isNaN(bestValidationAccuracy) || p.validationAccuracy() > bestValidationAccuracy
                ? p.validationAccuracy() : bestValidationAccuracy;
        return new SweepPoint(index, settings, runId, state, message, p.epoch(), p.elapsedSeconds(), p.validationAccuracy(),
                p.validationLoss(), testAccuracy, best, rungs);
    }

    SweepPoint rung(int epoch, double value) {
        Map<Integer, Double> r = new TreeMap<>(rungs);
        r.put(epoch, value);
        return new SweepPoint(index, settings, runId, state, message, epochsCompleted, seconds, validationAccuracy,
                validationLoss, testAccuracy, bestValidationAccuracy, r);
    }

    SweepPoint ended(PointState s, String text, int epochs, double secs, double test) {
        return new SweepPoint(index, settings, runId, s, text, epochs, secs, validationAccuracy, validationLoss, test,
                bestValidationAccuracy, rungs);
    }

    /** Back to pending without a run (its run never trained and was removed). */
    SweepPoint reset() {
        return new SweepPoint(index, settings, null, PointState.PENDING, "", 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, rungs);
    }
}

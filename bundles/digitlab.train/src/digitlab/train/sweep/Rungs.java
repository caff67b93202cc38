package digitlab.train.sweep;

import digitlab.train.EpochPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values recorded at a sweep's early-stopping rungs (rung epoch -> point -> value) and the decisions of its
 * {@link EarlyStopping} rule. Filled from the points' recorded rungs when a sweep is resumed, so decisions go on
 * where they stopped. Thread-safe: runs reach their rungs from several training threads.
 */
final class Rungs {

    /** A value recorded at a rung, and the reason to stop (null: go on). */
    record Decision(int epoch, double value, String stopReason) {
    }

    private final EarlyStopping rule;
    private final SweepMetric metric;
    private final List<Integer> epochs;
    private final Map<Integer, Map<Integer, Double>> values = new HashMap<>();

    Rungs(SweepSpec spec, List<SweepPoint> points) {
        this.rule = spec.earlyStopping();
        this.metric = spec.metric().perEpoch();
        this.epochs = rule == null ? List.of() : rule.rungs(spec.epochs());
        for (SweepPoint p : points) {
            p.rungs().forEach((epoch, v) -> values.computeIfAbsent(epoch, e -> new HashMap<>()).put(p.index(), v));
        }
    }

    /** The rule's decision for point {@code index} at the end of epoch {@code p}, or null when it is not a rung. */
    synchronized Decision at(int index, EpochPoint p) {
        if (!epochs.contains(p.epoch())) return null;
        double value = metric == SweepMetric.VALIDATION_LOSS ? p.validationLoss() : p.validationAccuracy();
        Map<Integer, Double> here = values.computeIfAbsent(p.epoch(), e -> new HashMap<>());
        here.put(index, value);
        if (rule.keeps(value, here.values(), metric)) return new Decision(p.epoch(), value, null);
        int n = here.size();
        String reason = String.format(Locale.ROOT, "stopped early after epoch %d of %d: %s %s is not among the best %d of the"
                + " %d runs at this rung (ASHA, reduction factor %d)", p.epoch(), p.epochs(),
                metric.label().toLowerCase(Locale.ROOT), metric.format(value), Math.max(1, n / rule.reduction()), n,
                rule.reduction());
        return new Decision(p.epoch(), value, reason);
    }
}

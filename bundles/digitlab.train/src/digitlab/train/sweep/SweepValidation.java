package digitlab.train.sweep;

import digitlab.data.DatasetRegistry;
import digitlab.train.FieldProblem;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of {@link SweepSpec#validate}: each value of each axis goes through {@link TrainingRequest#validate}
 * (the one place that knows a setting's range), so a sweep refuses exactly what a single run refuses, with the
 * same words.
 */
final class SweepValidation {

    private final SweepSpec spec;
    private final DatasetRegistry registry;
    private final List<FieldProblem> problems = new ArrayList<>();

    SweepValidation(SweepSpec spec, DatasetRegistry registry) {
        this.spec = spec;
        this.registry = registry;
    }

    List<FieldProblem> problems() {
        if (spec.name().length() > 150) add(SweepSpec.FIELD_NAME, "is longer than 150 characters");
        Set<String> axisKeys = new HashSet<>();
        for (SweepAxis a : spec.axes()) axisKeys.add(a.setting().key());
        // The base request: only the settings no axis replaces.
        for (FieldProblem p : spec.base().validate(registry)) if (!axisKeys.contains(p.field())) problems.add(p);
        Set<TrainingSetting> seen = new HashSet<>();
        for (SweepAxis a : spec.axes()) {
            if (!seen.add(a.setting())) add(a.setting().key(), "is given twice; give all its values at once");
            else axis(a);
        }
        sweepSettings();
        if (problems.isEmpty() && spec.axes().isEmpty()) {
            add(SweepSpec.FIELD_AXES, "no setting to vary; give at least one setting with its values");
        }
        if (problems.isEmpty()) points();
        return problems;
    }

    private void axis(SweepAxis a) {
        TrainingSetting s = a.setting();
        if (!SweepAxis.SWEEPABLE.contains(s)) {
            add(s.key(), "cannot be varied in a sweep; " + SweepAxis.sweepableText());
            return;
        }
        if (a.isRange()) {
            range(a);
            return;
        }
        if (a.values().isEmpty()) {
            add(s.key(), "no values given; give at least one");
            return;
        }
        Set<Object> distinct = new HashSet<>();
        for (Object v : a.values()) {
            if (!distinct.add(v)) {
                add(s.key(), SweepAxis.format(s, v) + " is given twice");
                return;
            }
            if (!valueOk(s, v)) return;
        }
    }

    private void range(SweepAxis a) {
        TrainingSetting s = a.setting();
        double lo = a.range().low(), hi = a.range().high();
        if (!SweepAxis.RANGEABLE.contains(s)) {
            add(s.key(), "a range is not possible here; list the values");
        } else if (!spec.isRandom()) {
            add(s.key(), "a range " + a.text() + " needs random sampling (a number of random points); for a grid list the values");
        } else if (lo > hi) {
            add(s.key(), "the range " + a.text() + " goes down; write LOW..HIGH");
        } else if (a.logScale() && lo <= 0) {
            add(s.key(), "the range " + a.text() + " is sampled log-uniformly and needs a lower end above 0");
        } else if (valueOk(s, sampleType(s, lo))) {
            valueOk(s, sampleType(s, hi));
        }
    }

    /** A range's end in the setting's type, to check it like a value. */
    private static Object sampleType(TrainingSetting s, double v) {
        return switch (s) {
            case BATCH_SIZE -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
            case SEED -> (long) v;
            default -> v;
        };
    }

    /** Tries {@code v} on the base request; a problem of that setting is reported. */
    private boolean valueOk(TrainingSetting s, Object v) {
        TrainingRequest.Builder b = spec.base().toBuilder();
        try {
            SettingValues.apply(b, s, v);
            if (s == TrainingSetting.PRESET) b.epochs(spec.base().epochs());
        } catch (IllegalArgumentException e) { // an unknown preset
            add(s.key(), e.getMessage());
            return false;
        }
        for (FieldProblem p : b.build().validate(registry)) {
            if (p.field().equals(s.key())) {
                problems.add(p);
                return false;
            }
        }
        return true;
    }

    private void sweepSettings() {
        int max = spec.maxPoints();
        if (max < 1 || max > SweepSpec.MAX_POINTS) {
            add(SweepSpec.FIELD_MAX_POINTS, max + " must be between 1 and " + String.format("%,d", SweepSpec.MAX_POINTS));
            max = SweepSpec.DEFAULT_MAX_POINTS;
        }
        if (spec.samples() < 0 || spec.samples() > max) {
            add(SweepSpec.FIELD_SAMPLES, spec.samples() + " random points: give 1 to " + max + " (0 for a grid)");
        }
        if (spec.parallel() < 1 || spec.parallel() > SweepSpec.MAX_PARALLEL) {
            add(SweepSpec.FIELD_PARALLEL, spec.parallel() + " must be between 1 and " + SweepSpec.MAX_PARALLEL);
        }
        EarlyStopping es = spec.earlyStopping();
        if (es != null) {
            if (es.reduction() < 2 || es.reduction() > EarlyStopping.MAX_REDUCTION) {
                add(SweepSpec.FIELD_EARLY_STOPPING, "the reduction factor " + es.reduction() + " must be between 2 and "
                        + EarlyStopping.MAX_REDUCTION);
            } else if (spec.epochs() < 2) {
                add(SweepSpec.FIELD_EARLY_STOPPING, "needs runs of at least 2 epochs (a run is stopped at the end of an epoch before its last)");
            } else if (spec.base().validationImages() == 0) {
                add(SweepSpec.FIELD_EARLY_STOPPING, "compares validation figures after each epoch; it needs validation images (not 0)");
            } else if (es.firstRung() < 1 || es.firstRung() >= spec.epochs()) {
                add(SweepSpec.FIELD_EARLY_STOPPING, "the first rung " + es.firstRung() + " must be an epoch from 1 to "
                        + (spec.epochs() - 1) + " (before the last)");
            }
        }
        if (!spec.isRandom() && problems.isEmpty()) {
            long n = spec.pointCount();
            if (n > max) {
                StringBuilder sizes = new StringBuilder();
                for (SweepAxis a : spec.varied()) {
                    sizes.append(sizes.length() > 0 ? " x " : "").append(a.values().size()).append(' ')
                            .append(a.setting().label().toLowerCase(java.util.Locale.ROOT));
                }
                add(SweepSpec.FIELD_POINTS, "the grid has " + String.format("%,d", n) + " points (" + sizes + "); the limit is "
                        + max + " (raise it to at most " + String.format("%,d", SweepSpec.MAX_POINTS)
                        + ", or sample some points at random)");
            }
        }
    }

    /** Every point's request; the first bad combination is reported (with the point's settings). */
    private void points() {
        List<Map<TrainingSetting, Object>> points = spec.points();
        for (int i = 0; i < points.size(); i++) {
            List<FieldProblem> ps = spec.request(i, points.get(i)).validate(registry);
            if (!ps.isEmpty()) {
                FieldProblem p = ps.get(0);
                String label = SweepPoint.label(points.get(i), spec.axes().stream().map(SweepAxis::setting).toList());
                problems.add(new FieldProblem(p.field(), "point " + (i + 1) + " (" + label + "): " + p.message()));
                return;
            }
        }
    }

    private void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }
}

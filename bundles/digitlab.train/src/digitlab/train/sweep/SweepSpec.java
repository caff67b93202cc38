package digitlab.train.sweep;

import digitlab.data.DatasetRegistry;
import digitlab.train.Datasets;
import digitlab.train.FieldProblem;
import digitlab.train.InvalidRequestException;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sweep tries: a base {@link TrainingRequest} (dataset, epochs, threads and every setting not varied), the
 * settings to vary ({@link SweepAxis}), grid or random sampling, the metric to optimise, how many runs at once and
 * whether runs clearly behind are stopped early. Immutable; checked by {@link #validate()} with {@link FieldProblem}s
 * whose field is the setting's {@link TrainingSetting#key()} or one of the {@code FIELD_} names below.
 *
 * <pre>
 * SweepSpec spec = SweepSpec.builder(TrainingRequest.defaults().toBuilder().epochs(3).build())
 *         .axis(SweepAxis.parse(TrainingSetting.LEARNING_RATE, "0.001,0.003,0.01"))
 *         .axis(SweepAxis.parse(TrainingSetting.HIDDEN_LAYERS, "128 256,128"))
 *         .parallel(2).earlyStopping(EarlyStopping.DEFAULT).build();     // a grid of 6 points
 * </pre>
 *
 * @param name          a name for the sweep ({@code ""} for one made of the varied settings); its runs are named
 *                      "NAME #i: settings"
 * @param base          the request every point starts from; its epochs are the sweep's
 * @param axes          the settings to vary (each setting at most once), in the order of the grid's loops (the
 *                      last varies fastest) and of the table's columns
 * @param samples       0 for a grid (every combination), else the number of random points
 * @param samplingSeed  the seed of random sampling: the same seed gives the same points
 * @param metric        what to optimise, {@link SweepMetric#VALIDATION_ACCURACY} by default
 * @param parallel      runs trained at once, 1 to {@link #MAX_PARALLEL} (they share the machine's cores)
 * @param earlyStopping the early-stopping rule, or null for none
 * @param maxPoints     the most points allowed, 1 to {@link #MAX_POINTS} ({@link #DEFAULT_MAX_POINTS} by default)
 */
public record SweepSpec(String name, TrainingRequest base, List<SweepAxis> axes, int samples, long samplingSeed,
                        SweepMetric metric, int parallel, EarlyStopping earlyStopping, int maxPoints) {

    /** The default limit on a sweep's points: a grid larger than this is refused unless the limit is raised. */
    public static final int DEFAULT_MAX_POINTS = 100;
    /** The highest the limit can be raised to. */
    public static final int MAX_POINTS = 10_000;
    /** The most runs trained at once. */
    public static final int MAX_PARALLEL = 64;

    /** Field names of the problems of the sweep's own settings (the settings' problems use their keys). */
    public static final String FIELD_NAME = "sweepName", FIELD_SAMPLES = "samples", FIELD_SAMPLING_SEED = "samplingSeed",
            FIELD_METRIC = "metric", FIELD_PARALLEL = "parallel", FIELD_EARLY_STOPPING = "earlyStopping",
            FIELD_MAX_POINTS = "maxPoints", FIELD_POINTS = "points", FIELD_AXES = "axes";

    /** Freezes the axes; blank name to "". */
    public SweepSpec {
        name = name == null ? "" : name.strip();
        Objects.requireNonNull(base, "base");
        axes = List.copyOf(axes == null ? List.of() : axes);
        metric = metric == null ? SweepMetric.VALIDATION_ACCURACY : metric;
    }

    /** A builder for a grid over {@code base}, one run at a time, no early stopping, the default point limit. */
    public static Builder builder(TrainingRequest base) {
        return new Builder(base);
    }

    /** Whether points are sampled at random (else a grid). */
    public boolean isRandom() {
        return samples > 0;
    }

    /** The epochs of every run. */
    public int epochs() {
        return base.epochs();
    }

    /** The axes that take more than one value: the columns of the sweep's table. */
    public List<SweepAxis> varied() {
        return axes.stream().filter(SweepAxis::varies).toList();
    }

    /** The number of points: the grid's product of the axes' sizes (long: it may be huge), or {@link #samples}. */
    public long pointCount() {
        if (isRandom()) return samples;
        long n = 1;
        for (SweepAxis a : axes) n = Math.min(Long.MAX_VALUE / 2, n * Math.max(0, a.values().size()));
        return n;
    }

    /** The sweep's name: {@link #name}, or e.g. "sweep of learning rate x hidden layers". */
    public String displayName() {
        if (!name.isEmpty()) return name;
        StringBuilder sb = new StringBuilder("sweep of ");
        List<SweepAxis> v = varied();
        if (v.isEmpty()) return "sweep of " + base.displayName();
        for (int i = 0; i < v.size(); i++) sb.append(i > 0 ? " x " : "").append(v.get(i).setting().label().toLowerCase(java.util.Locale.ROOT));
        return sb.toString();
    }

    /**
     * The points: every combination of the axes' values (a grid; the last axis varies fastest), or {@link #samples}
     * random draws (reproducible from {@link #samplingSeed}). Each point maps every axis's setting to its value.
     * Call on a valid spec.
     */
    public List<Map<TrainingSetting, Object>> points() {
        return SweepSampler.points(this);
    }

    /**
     * The training request of point {@code index} with these settings: the base with the preset set first (it brings
     * its own layers and defaults; the base's epochs stay), then every other setting; named "NAME #i: settings".
     */
    public TrainingRequest request(int index, Map<TrainingSetting, Object> point) {
        TrainingRequest.Builder b = base.toBuilder();
        Object preset = point.get(TrainingSetting.PRESET);
        if (preset != null) {
            SettingValues.apply(b, TrainingSetting.PRESET, preset);
            b.epochs(base.epochs());
        }
        for (Map.Entry<TrainingSetting, Object> e : point.entrySet()) {
            if (e.getKey() != TrainingSetting.PRESET) SettingValues.apply(b, e.getKey(), e.getValue());
        }
        String label = SweepPoint.label(point, varied().stream().map(SweepAxis::setting).toList());
        String runName = displayName() + " #" + (index + 1) + (label.isEmpty() ? "" : ": " + label);
        return b.name(runName.length() > 200 ? runName.substring(0, 199) + "\u2026" : runName).build();
    }

    /** {@link #validate(DatasetRegistry)} with the shared dataset registry. */
    public List<FieldProblem> validate() {
        return validate(Datasets.registry());
    }

    /**
     * Checks everything before any run is made: the base request, each axis (a sweepable setting, once, with
     * values, each value in the setting's range: every value is tried on the base request and checked by
     * {@link TrainingRequest#validate}), the sweep's own settings and the number of points, then every point's
     * request (a combination may not fit, e.g. a preset with a fixed architecture and hidden layers).
     *
     * @return the problems, the first one the most useful; empty when the spec is good
     */
    public List<FieldProblem> validate(DatasetRegistry registry) {
        return new SweepValidation(this, registry).problems();
    }

    /**
     * This spec if it is valid.
     *
     * @throws InvalidRequestException naming the first problem's setting
     */
    public SweepSpec requireValid() {
        List<FieldProblem> problems = validate();
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return this;
    }

    /** Sets a spec's fields one by one (from the Sweep tab or the command line). */
    public static final class Builder {
        private String name = "";
        private TrainingRequest base;
        private final List<SweepAxis> axes = new ArrayList<>();
        private int samples;
        private long samplingSeed = 1;
        private SweepMetric metric = SweepMetric.VALIDATION_ACCURACY;
        private int parallel = 1;
        private EarlyStopping earlyStopping;
        private int maxPoints = DEFAULT_MAX_POINTS;

        private Builder(TrainingRequest base) {
            this.base = base;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder base(TrainingRequest v) { base = v; return this; }
        /** Adds an axis (a second axis of the same setting is refused by {@link SweepSpec#validate}). */
        public Builder axis(SweepAxis v) { axes.add(v); return this; }
        /** Random sampling of {@code n} points (0: a grid). */
        public Builder random(int n) { samples = n; return this; }
        public Builder samplingSeed(long v) { samplingSeed = v; return this; }
        public Builder metric(SweepMetric v) { metric = v; return this; }
        public Builder parallel(int v) { parallel = v; return this; }
        /** The early-stopping rule, or null for none. */
        public Builder earlyStopping(EarlyStopping v) { earlyStopping = v; return this; }
        public Builder maxPoints(int v) { maxPoints = v; return this; }

        /** The spec (not validated: call {@link SweepSpec#validate()}). */
        public SweepSpec build() {
            return new SweepSpec(name, base, axes, samples, samplingSeed, metric, parallel, earlyStopping, maxPoints);
        }
    }

    /** The settings of the axes, to find a repeated one. */
    Set<TrainingSetting> axisSettings() {
        Set<TrainingSetting> s = new HashSet<>();
        for (SweepAxis a : axes) s.add(a.setting());
        return s;
    }

    /** A point's settings in form order. */
    static Map<TrainingSetting, Object> point() {
        return new EnumMap<>(TrainingSetting.class);
    }
}

package digitlab.ui.internal.sweep;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import digitlab.train.FieldProblem;
import digitlab.train.InvalidRequestException;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.train.sweep.EarlyStopping;
import digitlab.train.sweep.SweepAxis;
import digitlab.train.sweep.SweepMetric;
import digitlab.train.sweep.SweepSpec;

/**
 * What the Sweep tab says, read into the engine's {@link SweepSpec} and checked by it: each varied setting's text
 * by {@link SweepAxis#parse} (the command line's syntax), the whole by {@link SweepSpec#validate()}, which puts every
 * value into the Single run form's request and checks it with {@link TrainingRequest#validate()} (so a sweep refuses
 * what a single run refuses, in the same words). Only the tab's own whole numbers are read here. The problems are
 * keyed by field: a setting's key or one of {@link SweepSpec}'s {@code FIELD_} names.
 */
final class SweepDraft {

    /** The problems' key when no setting is ticked. */
    static final String VARY = "vary";

    private final Map<String, String> problems = new LinkedHashMap<>();
    private SweepSpec spec;

    private SweepDraft() {
    }

    /**
     * Reads the tab on top of {@code base}.
     *
     * @param base   the Single run form's request, or null while that form has problems
     * @param varied the text typed per ticked setting, in form order
     */
    static SweepDraft read(TrainingRequest base, Map<TrainingSetting, String> varied, boolean random, String samples,
            String samplingSeed, SweepMetric metric, String epochs, String parallel, boolean earlyStopping) {
        SweepDraft d = new SweepDraft();
        Long ep = d.whole(SweepForm.EPOCHS, epochs);
        Long par = d.whole(SweepSpec.FIELD_PARALLEL, parallel);
        Long n = random ? d.whole(SweepSpec.FIELD_SAMPLES, samples) : Long.valueOf(0);
        Long seed = random ? d.whole(SweepSpec.FIELD_SAMPLING_SEED, samplingSeed) : Long.valueOf(1);
        if (ep != null) {
            String range = TrainingSetting.EPOCHS.rangeProblem(ep);
            if (range != null) d.problems.put(SweepForm.EPOCHS, range);
        }
        if (varied.isEmpty()) d.problems.put(VARY, "tick at least one setting and type its values");
        TrainingRequest start = base == null ? TrainingRequest.defaults() : base;
        if (ep != null && !d.problems.containsKey(SweepForm.EPOCHS)) start = start.toBuilder().epochs(ep.intValue()).build();
        SweepSpec.Builder b = SweepSpec.builder(start).metric(metric)
                .earlyStopping(earlyStopping ? EarlyStopping.DEFAULT : null);
        if (par != null) b.parallel((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, par)));
        if (n != null) b.random((int) Math.max(-1, Math.min(Integer.MAX_VALUE, n)));
        if (seed != null) b.samplingSeed(seed);
        for (Map.Entry<TrainingSetting, String> e : varied.entrySet()) {
            try {
                b.axis(SweepAxis.parse(e.getKey(), e.getValue()));
            } catch (InvalidRequestException ex) {
                for (FieldProblem p : ex.problems()) d.problems.putIfAbsent(p.field(), p.message());
            }
        }
        SweepSpec s = b.build();
        // the engine's checks, when the text could be read; with a bad Single run form the tab says that instead
        if (d.problems.isEmpty() && base != null) {
            for (FieldProblem p : s.validate()) d.problems.putIfAbsent(p.field(), p.message());
        }
        d.spec = d.problems.isEmpty() && base != null ? s : null;
        return d;
    }

    private Long whole(String key, String text) {
        String t = text.strip();
        try {
            return Long.parseLong(t.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            problems.put(key, t.isEmpty() ? "is empty" : "'" + t + "' is not a whole number");
            return null;
        }
    }

    /** The valid spec, or null while there are problems (or the Single run form has some). */
    SweepSpec spec() {
        return spec;
    }

    /** The problems by field key, in the order found; empty when the sweep can start (given a valid base). */
    Map<String, String> problems() {
        return problems;
    }

    /** "2 × 3 = 6 runs", "8 random points", or "" while the spec is not valid. */
    String pointsText() {
        if (spec == null) return "";
        long n = spec.pointCount();
        if (spec.isRandom()) return String.format("%,d random point%s", n, n == 1 ? "" : "s");
        StringBuilder sb = new StringBuilder();
        for (SweepAxis a : spec.varied()) sb.append(sb.length() > 0 ? " \u00d7 " : "").append(a.values().size());
        return (spec.varied().size() > 1 ? sb + " = " : "") + String.format("%,d run%s", n, n == 1 ? "" : "s");
    }

    /** The grid's example values of {@code s} (the field's placeholder), in {@link SweepAxis#parse}'s syntax. */
    static String example(TrainingSetting s) {
        return switch (s) {
            case LEARNING_RATE -> "0.001, 0.01";
            case WEIGHT_DECAY -> "0, 0.0001";
            case BATCH_SIZE -> "32, 128";
            case SEED -> "1, 2, 3";
            case HIDDEN_LAYERS -> "128; 256,128";
            case AUGMENT -> "off, on";
            case ACTIVATION -> "relu, tanh";
            case OPTIMIZER -> "sgd, adam";
            case SCHEDULE -> "constant, cosine";
            case PRESET -> "original, mlp";
            case LOSS -> "xent, quadratic";
            default -> "";
        };
    }

    /** Random sampling's example for {@code s}: a range where one is possible. */
    static String randomExample(TrainingSetting s) {
        return switch (s) {
            case LEARNING_RATE -> "0.0001..0.1";
            case WEIGHT_DECAY -> "0.00001..0.01";
            case BATCH_SIZE -> "16..256";
            case SEED -> "1..1000";
            default -> example(s);
        };
    }

    /** The tooltip of a setting's values field. */
    static String hint(TrainingSetting s) {
        String text = "Values separated by commas or spaces, each checked as the Single run form checks its "
                + s.label().toLowerCase(Locale.ROOT);
        if (s == TrainingSetting.HIDDEN_LAYERS) text = "Lists of layer widths separated by semicolons or spaces: 128; 256,128";
        if (SweepAxis.RANGEABLE.contains(s)) {
            text += ". Random sampling also takes a range LOW..HIGH"
                    + (s == TrainingSetting.SEED ? ", drawn uniformly" : ", drawn log-uniformly");
        }
        return text;
    }
}

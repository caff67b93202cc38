package digitlab.train.sweep;

import digitlab.train.FieldProblem;
import digitlab.train.InvalidRequestException;
import digitlab.train.TrainingSetting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One setting a sweep varies: a list of values (a grid takes every one; random sampling picks one uniformly) or,
 * for random sampling only, a range {@code LOW..HIGH} sampled log-uniformly (learning rate, weight decay, batch size)
 * or uniformly (seed). A setting with one value is fixed for every point of the sweep.
 *
 * <p>Text form ({@link #parse}), the same in the training form's Sweep tab and on the command line:
 * <ul>
 * <li>values separated by commas, spaces or semicolons: {@code 0.001,0.003,0.01}, {@code relu tanh}, {@code on,off};</li>
 * <li>hidden layers: each value is a list of widths, values separated by spaces or semicolons:
 * {@code 128 256,128} is two values, [128] and [256, 128];</li>
 * <li>a range: {@code 0.0001..0.1} (learning rate, weight decay, batch size, seed).</li>
 * </ul>
 *
 * @param setting the setting ({@link #SWEEPABLE} only); its name, flag, label and range are {@link TrainingSetting}'s
 * @param values  the values, in the Java type of the {@link digitlab.train.TrainingRequest} component (Double, Integer,
 *                Long, Boolean, String, List&lt;Integer&gt;); empty for a range
 * @param range   the range to sample, or null for a list of values
 */
public record SweepAxis(TrainingSetting setting, List<Object> values, Range range) {

    /** The settings a sweep may vary: the training form's choices of model and optimisation. */
    public static final Set<TrainingSetting> SWEEPABLE = Collections.unmodifiableSet(EnumSet.of(TrainingSetting.PRESET,
            TrainingSetting.HIDDEN_LAYERS, TrainingSetting.ACTIVATION, TrainingSetting.LOSS, TrainingSetting.OPTIMIZER,
            TrainingSetting.LEARNING_RATE, TrainingSetting.BATCH_SIZE, TrainingSetting.SEED, TrainingSetting.AUGMENT,
            TrainingSetting.SCHEDULE, TrainingSetting.WEIGHT_DECAY));

    /** The settings that may be given as a range {@code LOW..HIGH} (random sampling). */
    public static final Set<TrainingSetting> RANGEABLE = Collections.unmodifiableSet(EnumSet.of(
            TrainingSetting.LEARNING_RATE, TrainingSetting.WEIGHT_DECAY, TrainingSetting.BATCH_SIZE, TrainingSetting.SEED));

    /**
     * A range to sample.
     *
     * @param low  the smallest value
     * @param high the largest value
     */
    public record Range(double low, double high) {
    }

    /** Freezes the values. */
    public SweepAxis {
        Objects.requireNonNull(setting, "setting");
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An axis of these values. */
    public static SweepAxis of(TrainingSetting setting, List<?> values) {
        return new SweepAxis(setting, new ArrayList<>(values), null);
    }

    /** An axis sampled from {@code low..high} (random sampling only). */
    public static SweepAxis range(TrainingSetting setting, double low, double high) {
        return new SweepAxis(setting, List.of(), new Range(low, high));
    }

    /**
     * Reads an axis from its text form (see the class comment). Checks the syntax only; {@link SweepSpec#validate}
     * checks the values against the setting's range.
     *
     * @throws InvalidRequestException with one {@link FieldProblem} on {@code setting.key()}, e.g. "'abc' is not a
     *                                 number", "no values given", "cannot be varied in a sweep"
     */
    public static SweepAxis parse(TrainingSetting setting, String text) {
        if (!SWEEPABLE.contains(setting)) throw problem(setting, "cannot be varied in a sweep; " + sweepableText());
        String t = text == null ? "" : text.strip();
        String[] words = t.isEmpty() ? new String[0]
                : t.split(setting == TrainingSetting.HIDDEN_LAYERS ? "[\\s;]+" : "[\\s,;]+");
        List<Object> out = new ArrayList<>();
        try {
            for (String w : words) {
                if (w.isEmpty()) continue;
                int dots = w.indexOf("..");
                if (dots >= 0) {
                    if (!RANGEABLE.contains(setting)) throw new IllegalArgumentException("'" + w + "': a range is not possible here; list the values");
                    if (words.length > 1) throw new IllegalArgumentException("give either a range LOW..HIGH or a list of values, not both");
                    Object lo = SettingValues.parse(setting, w.substring(0, dots));
                    Object hi = SettingValues.parse(setting, w.substring(dots + 2));
                    return range(setting, ((Number) lo).doubleValue(), ((Number) hi).doubleValue());
                }
                out.add(SettingValues.parse(setting, w));
            }
        } catch (IllegalArgumentException e) {
            throw problem(setting, e.getMessage());
        }
        if (out.isEmpty()) throw problem(setting, "no values given; give at least one");
        return of(setting, out);
    }

    /** Whether it is a range (random sampling only). */
    public boolean isRange() {
        return range != null;
    }

    /** Whether it takes more than one value (a list of several, or a range): a column of the sweep's table. */
    public boolean varies() {
        return range != null || values.size() > 1;
    }

    /** Whether a range is sampled log-uniformly (learning rate, weight decay, batch size) rather than uniformly (seed). */
    public boolean logScale() {
        return setting != TrainingSetting.SEED;
    }

    /** The text form that {@link #parse} reads back. */
    public String text() {
        if (range != null) {
            return format(setting, range.low) + ".." + format(setting, range.high);
        }
        StringBuilder sb = new StringBuilder();
        String sep = setting == TrainingSetting.HIDDEN_LAYERS ? " " : ",";
        for (Object v : values) sb.append(sb.length() > 0 ? sep : "").append(SettingValues.format(setting, v));
        return sb.toString();
    }

    /** One value in words, as the user would type it ("0.003", "256,128", "on"). */
    public static String format(TrainingSetting setting, Object value) {
        if (setting == TrainingSetting.BATCH_SIZE || setting == TrainingSetting.SEED) {
            if (value instanceof Double d) return Long.toString(Math.round(d));
        }
        return SettingValues.format(setting, value);
    }

    /**
     * One sample: a value of the list picked uniformly, or a value of the range, log-uniform (rounded to 3
     * significant digits; whole for the batch size) or uniform (seed).
     */
    Object sample(SplittableRandom random) {
        if (range == null) return values.get(random.nextInt(values.size()));
        double lo = range.low, hi = range.high;
        return switch (setting) {
            case SEED -> lo >= hi ? (long) lo : random.nextLong((long) lo, (long) hi + 1);
            case BATCH_SIZE -> (int) Math.max(lo, Math.min(hi, Math.round(logUniform(random, lo, hi))));
            default -> Math.max(lo, Math.min(hi, SettingValues.round3(logUniform(random, lo, hi))));
        };
    }

    private static double logUniform(SplittableRandom random, double lo, double hi) {
        if (lo >= hi) return lo;
        return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    static InvalidRequestException problem(TrainingSetting setting, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(setting.key(), message)));
    }

    static String sweepableText() {
        StringBuilder sb = new StringBuilder("the settings a sweep varies: ");
        boolean first = true;
        for (TrainingSetting s : SWEEPABLE) {
            sb.append(first ? "" : ", ").append(s.label().toLowerCase(java.util.Locale.ROOT));
            first = false;
        }
        return sb.toString();
    }
}

package digitlab.ui.internal.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import digitlab.train.FieldProblem;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;

/**
 * What the Sweep tab's text says, read and checked: per varied setting its values, each checked as the Single
 * run form checks it (the value put into the base request, then {@link TrainingRequest#validate()}: the same
 * ranges and messages), and the sweep's own numbers. The problems are keyed by field (a setting's key, or one of
 * {@link SweepForm}'s keys); {@link #points()} is the number of runs the sweep will train.
 *
 * <p>Values are separated by commas; a hidden-layer list is written with dashes ({@code 256-128}). For random
 * sampling a number may be a range {@code LOW..HIGH} (learning rate and weight decay drawn log-uniformly).
 */
final class SweepDraft {

    /** A range of a number to draw from (random sampling). */
    record Range(double low, double high) {
    }

    private final Map<TrainingSetting, List<Object>> values = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();
    private int samples;
    private long samplingSeed;
    private int epochs;
    private int parallel;
    private final boolean random;

    private SweepDraft(boolean random) {
        this.random = random;
    }

    /**
     * Reads {@code varied} (setting to typed text) on top of {@code base}, with the sweep's own fields.
     *
     * @param base the Single run form's request, or null when that form has problems
     */
    static SweepDraft read(TrainingRequest base, Map<TrainingSetting, String> varied, boolean random, String samples,
            String samplingSeed, String epochs, String parallel) {
        SweepDraft d = new SweepDraft(random);
        d.epochs = (int) d.whole(SweepForm.EPOCHS, epochs, 1, (long) TrainingSetting.EPOCHS.max());
        d.parallel = (int) d.whole(SweepForm.PARALLEL, parallel, 1, Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (random) {
            d.samples = (int) d.whole(SweepForm.SAMPLES, samples, 1, 1000);
            d.samplingSeed = d.whole(SweepForm.SAMPLING_SEED, samplingSeed, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (varied.isEmpty()) d.problems.put("vary", "tick at least one setting to vary");
        for (Map.Entry<TrainingSetting, String> e : varied.entrySet()) d.readValues(base, e.getKey(), e.getValue());
        return d;
    }

    private void readValues(TrainingRequest base, TrainingSetting s, String text) {
        List<Object> out = new ArrayList<>();
        String[] parts = text.split(",");
        if (text.isBlank()) {
            problems.put(s.key(), "is empty; type one or more values separated by commas");
            return;
        }
        for (String raw : parts) {
            String v = raw.strip();
            if (v.isEmpty()) {
                problems.put(s.key(), "an empty value between two commas");
                return;
            }
            Object value;
            try {
                value = random && v.contains("..") ? range(s, v) : parse(s, v);
            } catch (IllegalArgumentException ex) {
                problems.put(s.key(), ex.getMessage());
                return;
            }
            // the same check as the Single run form's: the value put into a request
            List<Object> probes = value instanceof Range r ? List.of(number(s, r.low()), number(s, r.high())) : List.of(value);
            for (Object probe : probes) {
                if (base == null) continue;
                for (FieldProblem p : apply(base.toBuilder(), s, probe).build().validate()) {
                    if (p.field().equals(s.key())) {
                        problems.put(s.key(), "'" + v + "': " + p.message());
                        return;
                    }
                }
            }
            if (out.contains(value)) {
                problems.put(s.key(), "'" + v + "' is listed twice");
                return;
            }
            out.add(value);
        }
        values.put(s, out);
    }

    private static Object number(TrainingSetting s, double v) {
        return switch (s) {
            case BATCH_SIZE -> (int) v;
            case SEED -> (long) v;
            default -> v;
        };
    }

    /** The typed value of {@code text} for setting {@code s}; throws naming what is wrong. */
    static Object parse(TrainingSetting s, String text) {
        try {
            return switch (s) {
                case LEARNING_RATE, WEIGHT_DECAY -> {
                    double d = Double.parseDouble(text);
                    if (!Double.isFinite(d)) throw new NumberFormatException();
                    yield d;
                }
                case BATCH_SIZE -> Integer.parseInt(text.replace("_", ""));
                case SEED -> Long.parseLong(text.replace("_", ""));
                case HIDDEN_LAYERS -> {
                    List<Integer> widths = new ArrayList<>();
                    for (String w : text.split("-")) widths.add(Integer.parseInt(w.strip()));
                    yield List.copyOf(widths);
                }
                case AUGMENT -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "on", "yes", "true" -> Boolean.TRUE;
                    case "off", "no", "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + text + "' is not on or off");
                };
                default -> text.toLowerCase(Locale.ROOT);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s == TrainingSetting.HIDDEN_LAYERS
                    ? "'" + text + "' is not a list of layer widths such as 256-128"
                    : "'" + text + "' is not a " + (s == TrainingSetting.LEARNING_RATE || s == TrainingSetting.WEIGHT_DECAY
                            ? "number" : "whole number"));
        }
    }

    private static Range range(TrainingSetting s, String text) {
        if (s.min() == null && s != TrainingSetting.SEED) {
            throw new IllegalArgumentException("'" + text + "': a range is for numbers; list the values instead");
        }
        String[] ends = text.split("\\.\\.", 2);
        Object low = parse(s, ends[0].strip());
        Object high = parse(s, ends[1].strip());
        double a = ((Number) low).doubleValue();
        double b = ((Number) high).doubleValue();
        if (!(a < b)) throw new IllegalArgumentException("'" + text + "': the low end must be below the high end");
        return new Range(a, b);
    }

    /** {@code b} with setting {@code s} set to {@code value} (a preset first resets the preset's defaults). */
    @SuppressWarnings("unchecked")
    static TrainingRequest.Builder apply(TrainingRequest.Builder b, TrainingSetting s, Object value) {
        return switch (s) {
            case LEARNING_RATE -> b.learningRate((Double) value);
            case WEIGHT_DECAY -> b.weightDecay((Double) value);
            case BATCH_SIZE -> b.batchSize((Integer) value);
            case SEED -> b.seed((Long) value);
            case HIDDEN_LAYERS -> b.hiddenLayers((List<Integer>) value);
            case AUGMENT -> b.augment((Boolean) value);
            case ACTIVATION -> b.activation((String) value);
            case OPTIMIZER -> b.optimizer((String) value);
            case SCHEDULE -> b.schedule((String) value);
            case PRESET -> b.preset((String) value);
            default -> throw new IllegalArgumentException(s.label() + " cannot be varied");
        };
    }

    private long whole(String key, String text, long min, long max) {
        String t = text.strip();
        long v;
        try {
            v = Long.parseLong(t.replace("_", ""));
        } catch (NumberFormatException e) {
            problems.put(key, t.isEmpty() ? "is empty" : "'" + t + "' is not a whole number");
            return 0;
        }
        if (v < min || v > max) problems.put(key, String.format("%,d must be between %,d and %,d", v, min, max));
        return v;
    }

    /** The grid's example values of {@code s} (the field's placeholder). */
    static String example(TrainingSetting s) {
        return switch (s) {
            case LEARNING_RATE -> "0.001, 0.01";
            case WEIGHT_DECAY -> "0, 0.0001";
            case BATCH_SIZE -> "32, 128";
            case SEED -> "1, 2, 3";
            case HIDDEN_LAYERS -> "128, 256-128";
            case AUGMENT -> "off, on";
            case ACTIVATION -> "relu, tanh";
            case OPTIMIZER -> "sgd, adam";
            case SCHEDULE -> "constant, cosine";
            case PRESET -> "original, mlp";
            default -> "";
        };
    }

    /** Random sampling's example for {@code s}: a range where it is a number. */
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
        String list = "Values separated by commas, each checked like the Single run form's " + s.label().toLowerCase(Locale.ROOT);
        if (s == TrainingSetting.HIDDEN_LAYERS) list += "; a list of layers as 256-128";
        if (s.min() != null || s == TrainingSetting.SEED) {
            list += ". Random sampling also takes a range LOW..HIGH"
                    + (s == TrainingSetting.LEARNING_RATE || s == TrainingSetting.WEIGHT_DECAY ? ", drawn log-uniformly" : "");
        }
        return list;
    }

    /** The values per varied setting (a value or a {@link Range}), of the settings without problems. */
    Map<TrainingSetting, List<Object>> values() {
        return values;
    }

    /** The problems by field key, in form order; empty when the sweep can start. */
    Map<String, String> problems() {
        return problems;
    }

    /** The number of runs: the grid's combinations, or the random samples; 0 while a field is bad. */
    int points() {
        if (!problems.isEmpty()) return 0;
        if (random) return samples;
        int n = 1;
        for (List<Object> v : values.values()) n = Math.multiplyExact(n, v.size());
        return n;
    }

    /** "2 x 3 = 6 runs" or "8 random points". */
    String pointsText() {
        if (values.isEmpty() || !problems.isEmpty()) return "";
        if (random) return String.format("%,d random points", samples);
        StringBuilder sb = new StringBuilder();
        for (List<Object> v : values.values()) sb.append(sb.length() > 0 ? " \u00d7 " : "").append(v.size());
        int n = points();
        return (values.size() > 1 ? sb + " = " : "") + String.format("%,d run%s", n, n == 1 ? "" : "s");
    }

    boolean random() {
        return random;
    }

    int samples() {
        return samples;
    }

    long samplingSeed() {
        return samplingSeed;
    }

    int epochs() {
        return epochs;
    }

    int parallel() {
        return parallel;
    }
}

package digitlab.train.sweep;

import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One value of a {@link TrainingSetting} as a sweep holds it, in the Java type of the {@link TrainingRequest}
 * component: {@code Double} (learning rate, weight decay), {@code Integer} (batch size), {@code Long} (seed),
 * {@code Boolean} (augmentation), {@code List<Integer>} (hidden layers), {@code String} (preset, activation, loss,
 * optimizer, schedule). Reads a value from text and from sweep.json, writes it back, and sets it on a request.
 * Names, flags, labels and ranges stay in {@link TrainingSetting}; this class only knows each setting's type.
 */
final class SettingValues {

    private SettingValues() {
    }

    /**
     * Reads one value of {@code setting} from text ("0.003", "256,128", "on", "mlp").
     *
     * @throws IllegalArgumentException with a message that does not repeat the setting ("'abc' is not a number")
     */
    static Object parse(TrainingSetting setting, String text) {
        String t = text.strip();
        return switch (setting) {
            case LEARNING_RATE, WEIGHT_DECAY -> number(t);
            case BATCH_SIZE -> (int) whole(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case SEED -> whole(t, Long.MIN_VALUE, Long.MAX_VALUE);
            case AUGMENT -> switch (t.toLowerCase(Locale.ROOT)) {
                case "on", "yes", "true" -> Boolean.TRUE;
                case "off", "no", "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("'" + t + "' is neither on nor off");
            };
            case HIDDEN_LAYERS -> layers(t);
            default -> {
                if (t.isEmpty()) throw new IllegalArgumentException("a value is empty");
                yield t.toLowerCase(Locale.ROOT);
            }
        };
    }

    /** The value in words, as the user would type it: "0.003", "256,128", "on", "mlp". */
    static String format(TrainingSetting setting, Object value) {
        if (value instanceof Double d) return plain(d);
        if (value instanceof Boolean b) return b ? "on" : "off";
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) sb.append(sb.length() > 0 ? "," : "").append(o);
            return sb.length() == 0 ? "(preset's)" : sb.toString();
        }
        return String.valueOf(value);
    }

    /** The value for sweep.json (a long seed as text: it does not survive a JSON number). */
    static Object toJson(TrainingSetting setting, Object value) {
        if (setting == TrainingSetting.SEED) return Long.toString((Long) value);
        if (value instanceof List<?> l) return new ArrayList<Object>(l);
        return value;
    }

    /**
     * The value of sweep.json's {@code json} (numbers there are doubles).
     *
     * @throws IllegalArgumentException naming the problem, for a value of the wrong kind
     */
    static Object fromJson(TrainingSetting setting, Object json) {
        try {
            return switch (setting) {
                case LEARNING_RATE, WEIGHT_DECAY -> ((Number) json).doubleValue();
                case BATCH_SIZE -> ((Number) json).intValue();
                case SEED -> Long.parseLong((String) json);
                case AUGMENT -> (Boolean) json;
                case HIDDEN_LAYERS -> {
                    List<Integer> out = new ArrayList<>();
                    for (Object o : (List<?>) json) out.add(((Number) o).intValue());
                    yield List.copyOf(out);
                }
                default -> (String) json;
            };
        } catch (ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + ": '" + json + "' is not a value of this setting");
        }
    }

    /**
     * Sets {@code value} on {@code b}. A preset is set with {@link TrainingRequest.Builder#preset}, which takes over
     * the preset's own layers and training defaults: apply it before the other settings.
     */
    @SuppressWarnings("unchecked")
    static void apply(TrainingRequest.Builder b, TrainingSetting setting, Object value) {
        switch (setting) {
            case PRESET -> b.preset((String) value);
            case HIDDEN_LAYERS -> b.hiddenLayers((List<Integer>) value);
            case ACTIVATION -> b.activation((String) value);
            case LOSS -> b.loss((String) value);
            case OPTIMIZER -> b.optimizer((String) value);
            case LEARNING_RATE -> b.learningRate((Double) value);
            case BATCH_SIZE -> b.batchSize((Integer) value);
            case SEED -> b.seed((Long) value);
            case AUGMENT -> b.augment((Boolean) value);
            case SCHEDULE -> b.schedule((String) value);
            case WEIGHT_DECAY -> b.weightDecay((Double) value);
            default -> throw new IllegalArgumentException(setting.key() + " cannot be varied in a sweep");
        }
    }

    /** A number rounded to 3 significant digits (sampled values read like typed ones: 0.00312, not 0.0031187...). */
    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }

    /** A number as people write it: 0.003, 1e-05 as 0.00001, 2 not 2.0. */
    static String plain(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double number(String t) {
        try {
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a number");
        }
    }

    private static long whole(String t, long min, long max) {
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a whole number");
        }
    }

    private static List<Integer> layers(String t) {
        List<Integer> out = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a whole number (one value is a list of"
                        + " widths like 256,128; values are separated by spaces or ;)");
            }
        }
        return List.copyOf(out);
    }
}

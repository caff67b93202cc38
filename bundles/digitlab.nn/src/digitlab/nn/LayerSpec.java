package digitlab.nn;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable description of one layer: a type id (a key of the {@link LayerRegistry}) and its
 * parameters as text, e.g. {@code dense(units=256)}, {@code relu}, {@code dropout(rate=0.2)}.
 *
 * <p>Text form: {@code type} or {@code type(key=value, ...)}; a single value without a key,
 * {@code dense(256)}, is stored under the key {@code ""} and each layer type says which parameter
 * it means (dense: units, dropout: rate, leakyrelu: alpha).
 *
 * @param type   the layer type id, lower case
 * @param params the parameters in their written order (unmodifiable)
 */
public record LayerSpec(String type, Map<String, String> params) implements Serializable {

    /** Normalises the type to lower case and freezes the parameters (keeping their order). */
    public LayerSpec {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("layer type is empty");
        type = type.trim().toLowerCase(java.util.Locale.ROOT);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A spec with no parameters, e.g. {@code LayerSpec.of("relu")}. */
    public static LayerSpec of(String type) {
        return new LayerSpec(type, Map.of());
    }

    /** A spec with alternating key/value pairs, e.g. {@code of("dense", "units", "256")}. */
    public static LayerSpec of(String type, String... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("keyValues must come in pairs");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) map.put(keyValues[i], keyValues[i + 1]);
        return new LayerSpec(type, map);
    }

    /** The parameter {@code key}, or the unnamed value {@code ""} when {@code key} is absent, or null. */
    public String param(String key) {
        String v = params.get(key);
        return v != null ? v : params.get("");
    }

    /** An integer parameter, or {@code fallback} when absent; a malformed value fails naming the key. */
    public int intParam(String key, int fallback) {
        String v = param(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(type + ": " + key + " = '" + v + "' is not a whole number");
        }
    }

    /** A decimal parameter, or {@code fallback} when absent; a malformed value fails naming the key. */
    public double doubleParam(String key, double fallback) {
        String v = param(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(type + ": " + key + " = '" + v + "' is not a number");
        }
    }

    /** A text parameter that is looked up by name only (never the unnamed value), or {@code fallback}. */
    public String namedParam(String key, String fallback) {
        String v = params.get(key);
        return v != null ? v.trim() : fallback;
    }

    /**
     * Parses the text form, e.g. {@code dense(units=256, init=he)} or {@code dense(256)} or {@code relu}.
     *
     * @throws IllegalArgumentException naming the text when it is malformed
     */
    public static LayerSpec parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0) {
            if (!t.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException("'" + text + "' is not a layer; expected type or type(key=value, ...)");
            }
            return of(t);
        }
        if (!t.endsWith(")") || open == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a layer; expected type or type(key=value, ...)");
        }
        String type = t.substring(0, open).trim();
        String inner = t.substring(open + 1, t.length() - 1).trim();
        Map<String, String> map = new LinkedHashMap<>();
        if (!inner.isEmpty()) {
            for (String part : inner.split(",")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? "" : part.substring(0, eq).trim();
                String value = (eq < 0 ? part : part.substring(eq + 1)).trim();
                if (value.isEmpty() || map.put(key, value) != null) {
                    throw new IllegalArgumentException("layer '" + text + "': parameter '" + part.trim()
                            + "' is empty or repeated");
                }
            }
        }
        return new LayerSpec(type, map);
    }

    /** The text form that {@link #parse} reads back. */
    @Override
    public String toString() {
        if (params.isEmpty()) return type;
        StringBuilder sb = new StringBuilder(type).append('(');
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            if (!e.getKey().isEmpty()) sb.append(e.getKey()).append('=');
            sb.append(e.getValue());
        }
        return sb.append(')').toString();
    }
}

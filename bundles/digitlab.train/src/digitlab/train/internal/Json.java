package digitlab.train.internal;

import java.util.List;
import java.util.Map;

/**
 * JSON for the run files (run.json, evaluation.json) and the CLI's {@code --json} line: the core's
 * strict reader and writer ({@link digitlab.nn.io.Json}), with errors as unchecked
 * {@link IllegalArgumentException}s for callers that report them as a bad file, and typed access to
 * the members of a parsed object.
 *
 * <p>Java shapes: object -> {@code Map<String, Object>} in file order, array -> {@code List<Object>},
 * number -> {@code Double}, string -> {@code String}, true/false -> {@code Boolean}, null -> {@code null}.
 * Built on the core's reader rather than Gson for the reason written at {@link digitlab.nn.io.Json}: a
 * broken run file gets a message naming the problem, and duplicate keys are refused.
 */
public final class Json {

    private Json() {
    }

    /** The compact JSON text of {@code value} (one line); see {@link digitlab.nn.io.Json#write}. */
    public static String write(Object value) {
        return digitlab.nn.io.Json.write(value);
    }

    /** The JSON text of {@code value}, indented, for files people may read; see {@link digitlab.nn.io.Json#writePretty}. */
    public static String writePretty(Object value) {
        return digitlab.nn.io.Json.writePretty(value);
    }

    /**
     * Parses one JSON value that fills {@code text} (surrounding white space allowed).
     *
     * @throws IllegalArgumentException "JSON: <problem> at line L, column C"
     */
    public static Object parse(String text) {
        try {
            return digitlab.nn.io.Json.parse(text);
        } catch (digitlab.nn.io.Json.SyntaxException e) {
            throw new IllegalArgumentException("JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a JSON object; see {@link #parse}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) throw new IllegalArgumentException("JSON: expected an object");
        return (Map<String, Object>) v;
    }

    // ---------------------------------------------------------------- typed access

    /** A member as a string, or {@code fallback} when absent or null. */
    public static String string(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        if (v == null) return fallback;
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(key + ": expected a string");
    }

    /** A member as a number, or {@code fallback} when absent or null (null also stands for NaN). */
    public static double number(Map<String, Object> m, String key, double fallback) {
        Object v = m.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(key + ": expected a number");
    }

    /** A member as a boolean, or {@code fallback} when absent or null. */
    public static boolean bool(Map<String, Object> m, String key, boolean fallback) {
        Object v = m.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(key + ": expected true or false");
    }

    /** A member as an object, or an empty map when absent or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return Map.of();
        if (v instanceof Map) return (Map<String, Object>) v;
        throw new IllegalArgumentException(key + ": expected an object");
    }

    /** A member as a list, or an empty list when absent or null. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return List.of();
        if (v instanceof List) return (List<Object>) v;
        throw new IllegalArgumentException(key + ": expected an array");
    }
}

package digitlab.train.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer for the run files (run.json, evaluation.json) and the CLI's
 * {@code --json} line, so the training bundle needs no library.
 *
 * <p>Java shapes: object -> {@code Map<String, Object>} in file order, array -> {@code List<Object>},
 * number -> {@code Double}, string -> {@code String}, true/false -> {@code Boolean}, null -> {@code null}.
 * The writer also takes {@code int[]}, {@code long[]}, {@code float[]}, {@code double[]}, {@code int[][]},
 * any {@link Number} (NaN and infinities are written as {@code null}, which JSON has no other word for)
 * and {@link Enum}s (by name). The reader is strict: trailing commas, comments and text after the value
 * are errors whose message gives the offset.
 */
public final class Json {

    private static final int MAX_DEPTH = 128;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    // ---------------------------------------------------------------- writing

    /** The compact JSON text of {@code value} (one line). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1, 0);
        return sb.toString();
    }

    /** The JSON text of {@code value}, indented by two spaces per level, for files people may read. */
    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 2, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d);
            } else {
                sb.append(v instanceof Float f ? Float.toString(f) : Double.toString(d));
            }
        } else if (v instanceof Number n) {
            sb.append(n.longValue());
        } else if (v instanceof Enum<?> e) {
            quote(sb, e.name());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent, level + 1);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(indent >= 0 ? ": " : ":");
                write(sb, e.getValue(), indent, level + 1);
            }
            if (!m.isEmpty()) newline(sb, indent, level);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            writeArray(sb, list, indent, level);
        } else if (v instanceof int[] a) {
            List<Object> l = new ArrayList<>(a.length);
            for (int x : a) l.add(x);
            writeFlat(sb, l);
        } else if (v instanceof long[] a) {
            List<Object> l = new ArrayList<>(a.length);
            for (long x : a) l.add(x);
            writeFlat(sb, l);
        } else if (v instanceof float[] a) {
            List<Object> l = new ArrayList<>(a.length);
            for (float x : a) l.add(x);
            writeFlat(sb, l);
        } else if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>(a.length);
            for (double x : a) l.add(x);
            writeFlat(sb, l);
        } else if (v instanceof Object[] a) {
            writeArray(sb, List.of(a), indent, level);
        } else {
            quote(sb, v.toString());
        }
    }

    private static void writeArray(StringBuilder sb, List<?> list, int indent, int level) {
        // Arrays of plain values stay on one line even in pretty output (a confusion-matrix row, a config list).
        boolean flat = list.stream().noneMatch(x -> x instanceof Map || x instanceof List || x instanceof Object[]
                || x instanceof int[] || x instanceof float[] || x instanceof double[] || x instanceof long[]);
        if (flat) {
            writeFlat(sb, list);
            return;
        }
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) sb.append(',');
            newline(sb, indent, level + 1);
            write(sb, list.get(i), indent, level + 1);
        }
        if (!list.isEmpty()) newline(sb, indent, level);
        sb.append(']');
    }

    private static void writeFlat(StringBuilder sb, List<?> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) sb.append(',');
            write(sb, list.get(i), -1, 0);
        }
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent < 0) return;
        sb.append('\n');
        sb.append(" ".repeat(indent * level));
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    // ---------------------------------------------------------------- reading

    /**
     * Parses one JSON value that fills {@code text} (surrounding white space allowed).
     *
     * @throws IllegalArgumentException with the problem and its character offset
     */
    public static Object parse(String text) {
        Json p = new Json(text);
        p.space();
        Object v = p.value();
        p.space();
        if (p.pos < text.length()) throw p.error("unexpected text after the value");
        return v;
    }

    /** Parses a JSON object; see {@link #parse}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) throw new IllegalArgumentException("expected a JSON object");
        return (Map<String, Object>) v;
    }

    private Object value() {
        if (pos >= text.length()) throw error("unexpected end of text");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            space();
            if (peek() != '"') throw error("expected a member name in quotes");
            String key = string();
            space();
            expect(':');
            space();
            if (map.containsKey(key)) throw error("duplicate member \"" + key + "\"");
            map.put(key, value());
            space();
            char c = next();
            if (c == '}') break;
            if (c != ',') throw error("expected ',' or '}'");
        }
        depth--;
        return map;
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        space();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            space();
            list.add(value());
            space();
            char c = next();
            if (c == ']') break;
            if (c != ',') throw error("expected ',' or ']'");
        }
        depth--;
        return list;
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("control character in a string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("short \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) pos++;
        String s = text.substring(start, pos);
        if (!s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) throw error("bad number '" + s + "'");
        return Double.valueOf(s);
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, pos)) throw error("unexpected word");
        pos += word.length();
        return v;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw error("nested more than " + MAX_DEPTH + " levels deep");
    }

    private void space() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) throw error("unexpected end of text");
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) throw error("expected '" + c + "'");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
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

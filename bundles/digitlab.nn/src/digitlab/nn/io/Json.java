package digitlab.nn.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer, so the core needs no library.
 *
 * <p>Values map to Java as: object -> {@code Map<String, Object>} (insertion order), array ->
 * {@code List<Object>}, number -> {@code Double}, string -> {@code String}, true/false ->
 * {@code Boolean}, null -> {@code null}. The reader rejects everything outside the grammar
 * (trailing commas, comments, NaN, single quotes, leading zeros, duplicate keys, text after the
 * value) with a message giving the line and column; nesting deeper than {@value #MAX_DEPTH} is refused.
 *
 * <p>Why this stays hand-written rather than Gson (which the lab uses for the benchmark's JSON): model files
 * must fail with a message that names the problem, and the core has no dependencies. Gson 2.15 in its
 * strictest mode ({@code Strictness.STRICT}) was tried on the cases of JsonTest: it silently keeps the last of
 * two duplicate keys ({@code {"a":1,"a":2}} reads as {@code {"a":2}}), and reports a leading zero, a trailing
 * comma, NaN or single quotes all alike as "Use JsonReader.setStrictness(Strictness.LENIENT) to accept
 * malformed JSON at line 1 column 2 path $[0] See https://github.com/google/gson/...", without the problem.
 * The writer stays next to the reader so that what the lab writes is what it reads back (integral numbers
 * without ".0", non-finite numbers as null, plain arrays on one line in the pretty form).
 */
public final class Json {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 256;

    /** A syntax error, with its line and column in the message. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value filling the whole text (surrounding whitespace allowed). */
    public static Object parse(String text) throws SyntaxException {
        Json p = new Json(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected text after the JSON value");
        return value;
    }

    private Object value() throws SyntaxException {
        if (pos >= text.length()) throw error("unexpected end of text, expected a value");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                if (text.startsWith("NaN", pos) || text.startsWith("Infinity", pos)) {
                    throw error("'" + (c == 'N' ? "NaN" : "Infinity") + "' is not valid JSON (numbers must be finite)");
                }
                throw error("unexpected character '" + c + "', expected a value");
        }
    }

    private Map<String, Object> object() throws SyntaxException {
        enter();
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a string key in quotes");
            int keyPos = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value();
            if (map.containsKey(key)) {
                pos = keyPos;
                throw error("duplicate key \"" + key + "\"");
            }
            map.put(key, v);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') break;
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
        depth--;
        return map;
    }

    private List<Object> array() throws SyntaxException {
        enter();
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') break;
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
        depth--;
        return list;
    }

    private String string() throws SyntaxException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) {
                pos--;
                throw error("control character in string (must be escaped)");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) throw error("unterminated escape");
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("incomplete \\u escape");
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(pos + i), 16);
                        if (d < 0) throw error("bad hex digit in \\u escape");
                        code = code * 16 + d;
                    }
                    pos += 4;
                    sb.append((char) code);
                }
                default -> {
                    pos--;
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
    }

    private Double number() throws SyntaxException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("leading zero in number");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after the decimal point");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        double d = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number out of range");
        }
        return d;
    }

    private Object literal(String word, Object value) throws SyntaxException {
        if (!text.startsWith(word, pos)) throw error("unexpected word, expected " + word);
        pos += word.length();
        return value;
    }

    private void enter() throws SyntaxException {
        if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            pos++;
        }
    }

    private SyntaxException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SyntaxException(what + " at line " + line + ", column " + col);
    }

    /**
     * Writes a value as compact JSON (one line). Accepted: {@code Map} (keys written with
     * {@code String.valueOf}), {@code List}, {@code Object[]}, {@code int[]}, {@code long[]},
     * {@code float[]}, {@code double[]}, any {@code Number}, {@code String}, {@code Boolean}, an
     * {@code Enum} (its name) and {@code null}. Non-finite numbers are written as {@code null} (JSON has
     * no other word for them); whole numbers below 10^15 without a fraction.
     *
     * @throws IllegalArgumentException for a value of any other type, naming it
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1, 0);
        return sb.toString();
    }

    /**
     * The same as {@link #write}, indented by two spaces per level and ending with a newline, for files
     * people may read. Arrays of plain values (a confusion-matrix row, a list of sizes) stay on one line.
     */
    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 2, 0);
        return sb.append('\n').toString();
    }

    /** {@code indent < 0}: compact. */
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
        } else if (v instanceof Object[] a) {
            writeArray(sb, java.util.Arrays.asList(a), indent, level);
        } else if (v instanceof int[] a) {
            writeFlat(sb, a.length, i -> sb.append(a[i]));
        } else if (v instanceof long[] a) {
            writeFlat(sb, a.length, i -> sb.append(a[i]));
        } else if (v instanceof float[] a) {
            writeFlat(sb, a.length, i -> write(sb, a[i], -1, 0));
        } else if (v instanceof double[] a) {
            writeFlat(sb, a.length, i -> write(sb, a[i], -1, 0));
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void writeArray(StringBuilder sb, List<?> list, int indent, int level) {
        boolean flat = list.stream().noneMatch(x -> x instanceof Map || x instanceof List || x instanceof Object[]
                || x instanceof int[] || x instanceof float[] || x instanceof double[] || x instanceof long[]);
        if (flat || indent < 0) {
            writeFlat(sb, list.size(), i -> write(sb, list.get(i), -1, 0));
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

    /** {@code [e0,e1,...]} on one line, element {@code i} written by {@code element}. */
    private static void writeFlat(StringBuilder sb, int n, java.util.function.IntConsumer element) {
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            element.accept(i);
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
}

package digitlab.sdk;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plugin's id: its bundle symbolic name, which is also its root Java package (the lab's convention), e.g.
 * {@code com.example.swish}. Lower-case segments of letters, digits and '_' starting with a letter, no Java
 * keyword, not in the lab's own namespace {@code digitlab}. The last segment names the contribution (the layer
 * type, the optimizer, the dataset, the view's title).
 *
 * @param value the id
 */
public record PluginId(String value) {

    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null");
    private static final int MAX_LENGTH = 100;

    /**
     * Validates {@code value}.
     *
     * @throws IllegalArgumentException saying what is wrong with it and what an id looks like
     */
    public PluginId {
        String why = problem(value);
        if (why != null) {
            throw new IllegalArgumentException("'" + value + "' is not a plugin id: " + why
                    + " (an id is a bundle symbolic name and Java package such as com.example.swish)");
        }
    }

    private static String problem(String id) {
        if (id == null || id.isEmpty()) return "it is empty";
        if (id.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters";
        String[] segments = id.split("\\.", -1);
        if (segments.length < 2) return "give at least two segments";
        for (String s : segments) {
            if (s.isEmpty()) return "it has an empty segment";
            if (!SEGMENT.matcher(s).matches()) {
                return "segment '" + s + "' must be lower-case letters, digits or '_', starting with a letter";
            }
            if (KEYWORDS.contains(s)) return "segment '" + s + "' is a Java keyword";
        }
        if (segments[0].equals("digitlab")) return "ids starting with 'digitlab.' are the lab's own";
        return null;
    }

    /** The last segment, e.g. {@code swish}: the name of the contribution (layer type, optimizer, dataset id). */
    public String shortName() {
        return value.substring(value.lastIndexOf('.') + 1);
    }

    /** The last segment as a Java class name's start, e.g. {@code Swish} ({@code my_layer} gives {@code MyLayer}). */
    public String className() {
        StringBuilder b = new StringBuilder();
        for (String part : shortName().split("_")) {
            if (part.isEmpty()) continue;
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }

    /** The package as a path, e.g. {@code com/example/swish}. */
    public String packagePath() {
        return value.replace('.', '/');
    }

    @Override
    public String toString() {
        return value;
    }
}

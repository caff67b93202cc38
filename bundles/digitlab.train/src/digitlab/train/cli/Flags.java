package digitlab.train.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed flags of one command: {@code --name value}, {@code --name=value} and switches without a
 * value. Unknown flags, missing values and stray arguments are {@link UsageException}s naming the flag.
 */
final class Flags {

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final java.util.List<String> operands = new java.util.ArrayList<>();

    private Flags(String command) {
        this.command = command;
    }

    /**
     * Parses {@code args}.
     *
     * @param withValue flags that take a value
     * @param switches  flags without a value
     */
    static Flags parse(String command, String[] args, Set<String> withValue, Set<String> switches) throws UsageException {
        return parse(command, args, withValue, switches, false);
    }

    /**
     * Parses {@code args}; with {@code operands}, arguments that are not options (and everything after
     * {@code --}) are kept in order as {@link #operands()}.
     */
    static Flags parse(String command, String[] args, Set<String> withValue, Set<String> switches, boolean operands)
            throws UsageException {
        Flags f = new Flags(command);
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (operands && (optionsEnded || !a.startsWith("--"))) {
                f.operands.add(a);
                continue;
            }
            if (operands && a.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "'; options start with --");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) throw new UsageException("--" + name + " takes no value");
                value = "true";
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || (args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
            if (f.values.put(name, value) != null) throw new UsageException("--" + name + " is given twice");
        }
        return f;
    }

    /** The arguments that are not options, in order (only when parsed with operands). */
    java.util.List<String> operands() {
        return java.util.List.copyOf(operands);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new UsageException("--" + name + " is required");
        return v;
    }

    int integer(String name, int fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a whole number");
        }
    }

    long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a whole number");
        }
    }

    double number(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a number");
        }
    }

    /** A comma-separated list of whole numbers, e.g. {@code 256,128}. */
    List<Integer> integers(String name) throws UsageException {
        String v = values.get(name);
        List<Integer> out = new ArrayList<>();
        if (v == null) return out;
        for (String part : v.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + ": '" + part.strip()
                        + "' is not a whole number (write the layer sizes like 256,128)");
            }
        }
        return out;
    }

    String command() {
        return command;
    }
}

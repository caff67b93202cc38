package digitlab.train.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's parse errors in the words of the lab's other messages: one line that starts with the flag
 * ({@code --epochs needs a value}, {@code unknown option --epoch; did you mean --epochs?},
 * {@code --lr: 'fast' is not a number}); {@link Cli} adds the command and the pointer to {@code --help}.
 */
final class UsageMessages {

    private UsageMessages() {
    }

    /** The one-line message for {@code e}. */
    static String of(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String arg = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
                String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> suggestions = u.getSuggestions();
                return "unknown option " + flag + (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?");
            }
            return "unexpected argument '" + arg + "'; options start with --";
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " is given twice";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return name(m.getMissing().get(0)) + " needs a value";
        }
        ArgSpec spec = e.getArgSpec();
        if (spec instanceof OptionSpec option) {
            if (option.arity().max() == 0 || option.type() == boolean.class) return name(option) + " takes no value";
            if (e.getCause() instanceof CommandLine.TypeConversionException t) return name(option) + ": " + t.getMessage();
        }
        String m = e.getMessage();
        // "Expected parameter for option '--epochs' but found '--limit'": the next word is another option.
        java.util.regex.Matcher expected = java.util.regex.Pattern.compile("^Expected parameter for option '([^']+)'").matcher(m == null ? "" : m);
        if (expected.find()) return expected.group(1) + " needs a value";
        return m == null ? e.toString() : m.replace('\n', ' ');
    }

    /**
     * Refuses a value attached to a switch ({@code --json=yes}, {@code --augment=false}): picocli would read it
     * as a boolean, the lab's switches take none (a switch is on when given, {@code --no-augment} turns one off).
     */
    static void refuseSwitchValues(CommandLine cl, String[] args) throws UsageException {
        for (String a : args) {
            if (a.equals("--")) return;
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) continue;
            OptionSpec o = cl.getCommandSpec().findOption(a.substring(0, eq));
            if (o != null && (o.type() == boolean.class || o.type() == Boolean.class)) throw new UsageException(o.longestName() + " takes no value");
        }
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}

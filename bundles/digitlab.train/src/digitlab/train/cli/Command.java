package digitlab.train.cli;

import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One headless command ({@code train}, {@code eval}, {@code predict}, ...): a picocli command object whose
 * annotated fields are its options; {@link Cli} parses the command line into a fresh instance, then calls
 * {@link #run()}.
 *
 * <p>The style to copy for a new command:
 * <pre>{@code
 * @picocli.CommandLine.Command(name = "embed", sortOptions = false, descriptionHeading = "%n",
 *         description = "What it does, in a sentence or two.",
 *         footer = "Exit codes: 0 done, 1 failed, 2 bad options.")
 * final class EmbedCommand extends Command {
 *     @Option(names = "--model", paramLabel = "FILE", description = "the model (default: the current model)")
 *     Path model;
 *     @Option(names = "--json", description = "end with one JSON line: ...")
 *     boolean json;
 *
 *     @Override
 *     int run() throws UsageException, IOException { ... out.println(...); return Cli.OK; }
 * }
 * }</pre>
 * then list it in {@link Cli#COMMANDS}. Numbers are read by {@link Converters} (messages like
 * {@code --epochs: 'abc' is not a whole number}); a value's range is checked in {@code run()} (or by the
 * setting's own validation) and refused with a {@link UsageException} whose message starts with the flag.
 * The first line of {@code description} is the command's line in {@code digitlab --help}. Operands are a
 * {@code @Parameters List<String>} field. Every mistake ends as one line and exit code 2, never a stack trace.
 */
abstract class Command {

    /** Where the command prints its results. */
    PrintStream out;
    /** Where the command prints its problems (one line each). */
    PrintStream err;

    /** The parsed command line (which options were given). */
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 1000, description = "show this help")
    boolean help;

    /**
     * Runs the command with its options set.
     *
     * @return the exit code (0 ok, 1 failure)
     * @throws UsageException for bad flags (exit 2)
     * @throws IOException    for missing or broken files (exit 1; the message names the file)
     */
    abstract int run() throws UsageException, IOException;

    /**
     * Adds options that are not fields of the class, e.g. one per {@link digitlab.train.TrainingSetting} (called by
     * {@link Cli} before parsing; the parsed values are read from {@link #spec}). Nothing by default.
     */
    void addOptions(CommandSpec commandSpec) {
    }

    /** Whether {@code option} (e.g. {@code "--lr"}) was on the command line. */
    final boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}

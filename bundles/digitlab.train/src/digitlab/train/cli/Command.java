package digitlab.train.cli;

import java.io.IOException;
import java.io.PrintStream;

/** One headless command ({@code train}, {@code eval}, {@code predict}, {@code bench}). */
interface Command {

    /** The command's name. */
    String name();

    /** One line for the overview. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /**
     * Runs the command.
     *
     * @return the exit code (0 ok, 1 failure)
     * @throws UsageException for bad flags (exit 2)
     * @throws IOException    for missing or broken files (exit 1; the message names the file)
     */
    int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException;
}

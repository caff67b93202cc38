package digitlab.train.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The headless commands of {@code ./digitlab}: {@code train}, {@code eval}, {@code predict}, {@code bench}, ...
 * Plain Java (no OSGi needed), so tests call {@link #run} directly; the product runs it through the Equinox
 * application {@code digitlab.train.cli} ({@link CliApplication}). Each command is a picocli command object
 * ({@link Command}); picocli parses its options, {@link UsageMessages} words its parse errors.
 *
 * <p>Exit codes: {@value #OK} success, {@value #FAILURE} failure (missing or broken file, unavailable dataset,
 * diverged or failed training), {@value #USAGE} usage error (unknown command or flag, bad value, unknown
 * dataset or preset). Every error is one line on {@code err}, never a stack trace. With {@code --json} the last
 * line of {@code out} is one JSON object.
 */
public final class Cli {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the command failed. */
    public static final int FAILURE = 1;
    /** Exit code: the command line is wrong. */
    public static final int USAGE = 2;

    /** The commands, in the order of the overview; a fresh object for every run (picocli fills its fields). */
    static final List<Supplier<Command>> COMMANDS = List.of(TrainCommand::new, SweepCommand::new, EvalCommand::new, PredictCommand::new,
            EvalImagesCommand::new, BenchCommand::new, FineTuneCommand::new, ExportCommand::new, ImportCommand::new,
            EmbedCommand::new);

    /**
     * Runs {@code args[0]} with the remaining arguments.
     *
     * @return the exit code
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("digitlab: a command is needed: " + String.join(", ", names()) + " (digitlab --help)");
            return USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(overview());
            return OK;
        }
        CommandLine cl = COMMANDS.stream().map(s -> commandLine(s.get())).filter(c -> c.getCommandName().equals(name))
                .findFirst().orElse(null);
        if (cl == null) {
            err.println("digitlab: unknown command '" + name + "'; commands: " + String.join(", ", names()));
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.print(usage(cl));
            return OK;
        }
        boolean json = Arrays.asList(rest).contains("--json");
        String message;
        int code;
        try {
            UsageMessages.refuseSwitchValues(cl, rest);
            try {
                cl.parseArgs(rest);
            } catch (CommandLine.ParameterException e) {
                throw new UsageException(UsageMessages.of(e));
            }
            Command command = cl.getCommand();
            command.out = out;
            command.err = err;
            return command.run();
        } catch (UsageException e) {
            message = e.getMessage() + " (see digitlab " + name + " --help)";
            code = USAGE;
        } catch (IOException e) {
            message = oneLine(e);
            code = FAILURE;
        } catch (OutOfMemoryError e) {
            message = "out of memory; set a larger heap with DIGITLAB_HEAP (e.g. 8g)";
            code = FAILURE;
        } catch (RuntimeException e) {
            message = "internal error: " + e;
            code = FAILURE;
            if (System.getenv("DIGITLAB_DEBUG") != null) e.printStackTrace(err);
        }
        err.println("digitlab " + name + ": " + message);
        if (json) {
            // Scripts reading the last line get an object for errors too.
            java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("error", message);
            j.put("exit_code", code);
            out.println(digitlab.train.internal.Json.write(j));
        }
        return code;
    }

    /** A command's picocli command line, with the house's number converters. */
    static CommandLine commandLine(Command command) {
        CommandLine cl = new CommandLine(command);
        command.addOptions(cl.getCommandSpec());
        Converters.register(cl);
        return cl;
    }

    /** A command's {@code --help} text: "Usage: digitlab NAME ...", what it does, its options, exit codes. */
    static String usage(CommandLine cl) {
        String name = cl.getCommandName();
        cl.setCommandName("digitlab " + name);
        cl.setUsageHelpWidth(110);
        cl.setUsageHelpLongOptionsMaxWidth(28);
        String text = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
        cl.setCommandName(name);
        return text;
    }

    private static List<String> names() {
        return COMMANDS.stream().map(s -> commandLine(s.get()).getCommandName()).toList();
    }

    /** The overview printed by {@code --help}: each command with the first line of its description. */
    String overview() {
        StringBuilder sb = new StringBuilder("Usage: digitlab COMMAND [OPTIONS]\n\nHeadless commands:\n");
        for (Supplier<Command> s : COMMANDS) {
            CommandLine cl = commandLine(s.get());
            sb.append(String.format("  %-12s %s%n", cl.getCommandName(), cl.getCommandSpec().usageMessage().description()[0]));
        }
        sb.append("\nRun \"digitlab COMMAND --help\" for a command's options.\n"
                + "Exit codes: 0 success, 1 failure, 2 usage error.\n");
        return sb.toString();
    }

    /**
     * Loads a model file named on the command line: a .dlm, the original project's JSON network or ONNX,
     * recognised by content ({@link digitlab.train.ModelFiles}); or, when no such file exists, {@code RUN@EPOCH}:
     * the model a run of the workspace kept at the end of that epoch ({@link RunEpochModel}).
     *
     * @throws IOException naming the file: missing, a folder, not a model, or the format reader's problem
     * @throws UsageException for RUN@EPOCH: an unknown run, an epoch it does not have or did not keep
     */
    static digitlab.nn.Model loadModel(java.nio.file.Path file) throws IOException, UsageException {
        digitlab.train.internal.Contributions.ensureLoaded(); // layer types contributed by plugins
        String arg = file.toString();
        if (!java.nio.file.Files.exists(file) && RunEpochModel.matches(arg)) {
            return RunEpochModel.load(digitlab.train.RunStore.workspace(), arg);
        }
        return digitlab.train.ModelFiles.load(file);
    }

    /** A command's model and how to name it in its output. */
    record ChosenModel(digitlab.nn.Model model, String name) {
    }

    /**
     * The model named by {@code --model} ({@link #loadModel}: a file, named by its absolute path, or RUN@EPOCH,
     * named as given), or the current model when {@code file} is null (the ready model unless the user chose
     * another), named by its source.
     *
     * @throws IOException    a missing or broken file, or no current model (the message says why)
     * @throws UsageException a bad RUN@EPOCH
     */
    static ChosenModel modelOrCurrent(java.nio.file.Path file) throws IOException, UsageException {
        if (file != null) {
            boolean runEpoch = !java.nio.file.Files.exists(file) && RunEpochModel.matches(file.toString());
            return new ChosenModel(loadModel(file), runEpoch ? file.toString() : file.toAbsolutePath().toString());
        }
        digitlab.train.CurrentModel current;
        try {
            current = digitlab.train.ModelService.get().current();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new ChosenModel(current.model(), current.source());
    }

    /** The message of an I/O error in one line (these messages name the file). */
    static String oneLine(Throwable e) {
        String m;
        if (e instanceof java.nio.file.NoSuchFileException n) {
            m = (n.getReason() != null ? n.getReason() + ": " : "no such file: ") + n.getFile();
        } else if (e instanceof java.nio.file.AccessDeniedException a) {
            m = a.getFile() + ": permission denied";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            m = f.getFile() + ": " + f.getReason();
        } else {
            m = e.getMessage() != null ? e.getMessage() : e.toString();
        }
        return m.replace('\n', ' ');
    }
}

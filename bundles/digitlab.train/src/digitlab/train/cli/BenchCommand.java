package digitlab.train.cli;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Model;
import digitlab.train.Datasets;
import digitlab.train.ModelService;
import digitlab.train.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code digitlab bench}: hands over to the core's benchmark ({@code digitlab.nn.internal.bench.Benchmark}),
 * which the performance work provides. It is looked up by name so this bundle does not need it at build time;
 * it may offer {@code static int run(String[], PrintStream, PrintStream)} (preferred) or {@code static void main(String[])}.
 */
@CommandLine.Command(name = "bench", sortOptions = false, descriptionHeading = "%n",
        customSynopsis = "digitlab bench [--json] [--quick] [--threads 1,2] [--batches 1,32,64,256]",
        description = {"measure training and inference speed", "",
                "Trains and times the built-in networks (original 784-28-28-10 sigmoid, mlp 784-256-128-10 ReLU, and the"
                        + " lenet CNN when the conv plugin is present) on synthetic data at each batch size and thread"
                        + " count: training samples per second (median of timed epochs after warm-up; for 1 thread also"
                        + " the rate by the thread's CPU time), single-image inference latency, GFLOP/s of the matrix"
                        + " kernel over a training step's products, and the machine's measured FP32 peak; then the"
                        + " latency of a canvas guess with the current model. A full run takes two to three minutes;"
                        + " --quick about a third.", ""},
        footer = {"", "Exit codes: 0 measured, 1 failed, 2 bad options."})
final class BenchCommand extends Command {

    static final String BENCHMARK = "digitlab.nn.internal.bench.Benchmark";

    @Option(names = "--json", description = "end with one JSON object (the figures of every table and the canvas guess)")
    boolean json;
    @Option(names = "--quick", description = "shorter repetitions (about a third of the time)")
    boolean quick;
    @Option(names = "--threads", paramLabel = "1,2", description = "thread counts to measure (default 1,2)")
    String threads;
    @Option(names = "--batches", paramLabel = "1,32,64,256", description = "batch sizes to measure (default 1,32,64,256)")
    String batches;

    @Override
    int run() throws UsageException {
        // Checked here, so a mistake gets the same one-line message as every command (and the benchmark never
        // has to end the process over it).
        for (String list : new String[] {"--threads", "--batches"}) {
            for (int v : Converters.integers(list, list.equals("--threads") ? threads : batches, list.equals("--threads") ? "1,2" : "1,32,64")) {
                if (v < 1 || v > 65_536) throw new UsageException(list + ": " + v + " must be between 1 and 65536");
            }
        }
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        Method run = method("run", String[].class, PrintStream.class, PrintStream.class);
        Method main = run == null ? method("main", String[].class) : null;
        if (run == null && main == null) {
            err.println("digitlab bench: the benchmark is not part of this build (" + BENCHMARK + " is missing)");
            return Cli.FAILURE;
        }
        try {
            if (run != null) {
                // With --json the benchmark's last line is its JSON object: held back, so the canvas figure joins it.
                HeldLastLine held = new HeldLastLine(out);
                PrintStream target = json ? new PrintStream(held, true, StandardCharsets.UTF_8) : out;
                Object code = run.invoke(null, args, target, err);
                target.flush();
                int exit = code instanceof Integer i ? i : Cli.OK;
                Map<String, Object> canvas = exit == Cli.OK ? canvasLatency(quick, out) : null;
                if (json) out.println(withCanvas(held.last(), canvas));
                return exit;
            }
            main.invoke(null, (Object) args);
            return Cli.OK;
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            err.println("digitlab bench: " + (c instanceof IllegalArgumentException ? c.getMessage() : "failed: " + c));
            return c instanceof IllegalArgumentException ? Cli.USAGE : Cli.FAILURE;
        } catch (IllegalAccessException e) {
            err.println("digitlab bench: cannot call " + BENCHMARK + ": " + e.getMessage());
            return Cli.FAILURE;
        }
    }

    /**
     * Measures a canvas guess ({@link CanvasLatency}) with the current model on MNIST test digits and prints one
     * line; returns the figures for the JSON object, or null (with a line saying why) when MNIST or the model is
     * not available.
     */
    private static Map<String, Object> canvasLatency(boolean quick, PrintStream out) {
        try {
            Model model = ModelService.get().current().model();
            ImageSet test = Datasets.load("mnist", -1).part(Split.TEST);
            CanvasLatency.Result r = CanvasLatency.measure(model, test, 200, quick ? 300 : 2000,
                    quick ? 300_000_000L : 2_000_000_000L);
            out.println(String.format(Locale.ROOT, "%ncanvas guess (MNIST test digits drawn at 280x280 -> preprocessing"
                    + " -> forward pass of the current model, 1 thread): median %.3f ms, p90 %.3f ms over %,d guesses",
                    r.medianMillis(), r.p90Millis(), r.guesses()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("median", r.medianMillis());
            m.put("p90", r.p90Millis());
            m.put("guesses", r.guesses());
            return m;
        } catch (IOException | RuntimeException e) {
            out.println("canvas guess: skipped (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The benchmark's JSON line with {@code "canvas_guess_ms"} added; the line as it was if it is not an object. */
    private static String withCanvas(String jsonLine, Map<String, Object> canvas) {
        if (jsonLine == null) return "";
        try {
            Map<String, Object> m = new LinkedHashMap<>(Json.parseObject(jsonLine));
            m.put("canvas_guess_ms", canvas);
            return Json.write(m);
        } catch (IllegalArgumentException e) {
            return jsonLine;
        }
    }

    /**
     * Passes lines on to {@code out} as they come, except the latest one, which it holds until the next line
     * arrives or {@link #last()} takes it.
     */
    static final class HeldLastLine extends OutputStream {

        private final PrintStream out;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private String pending;

        HeldLastLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                if (pending != null) out.println(pending);
                pending = current.toString(StandardCharsets.UTF_8);
                current.reset();
            } else {
                current.write(b);
            }
        }

        /** The last line (the unfinished rest, if output did not end with a line break), taken: it is not passed on. */
        String last() {
            String rest = current.toString(StandardCharsets.UTF_8);
            current.reset();
            String last = pending;
            pending = null;
            if (!rest.isEmpty()) {
                if (last != null) out.println(last);
                last = rest;
            }
            return last;
        }
    }

    private static Method method(String name, Class<?>... types) {
        Class<?> c = benchmarkClass();
        if (c == null) return null;
        try {
            Method m = c.getMethod(name, types);
            return java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    /**
     * The benchmark class: through this bundle's class loader (plain class path, or when digitlab.nn exports the
     * package), else through the digitlab.nn bundle itself, which can load its own internal packages.
     */
    private static Class<?> benchmarkClass() {
        try {
            return Class.forName(BENCHMARK, true, BenchCommand.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // not visible from here: ask the bundle that holds it
        }
        try {
            org.osgi.framework.Bundle nn = org.osgi.framework.FrameworkUtil.getBundle(digitlab.nn.Network.class);
            return nn == null ? null : nn.loadClass(BENCHMARK);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}

package digitlab.train.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@code digitlab bench}: hands over to the core's benchmark ({@code digitlab.nn.internal.bench.Benchmark}),
 * which the performance work provides. It is looked up by name so this bundle does not need it at build time;
 * it may offer {@code static int run(String[], PrintStream, PrintStream)} (preferred) or {@code static void main(String[])}.
 */
final class BenchCommand implements Command {

    static final String BENCHMARK = "digitlab.nn.internal.bench.Benchmark";

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure training and inference speed";
    }

    @Override
    public String help() {
        Method run = method("run", String[].class, PrintStream.class, PrintStream.class);
        if (run != null) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
            try {
                run.invoke(null, new String[] {"--help"}, ps, ps);
                return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
            } catch (ReflectiveOperationException e) {
                // fall through to the short help
            }
        }
        return """
                Usage: digitlab bench [--json] [--quick] [--threads 1,2] [--batches 1,32,64,256]

                Trains and times the built-in networks (original, mlp) at several batch sizes and thread
                counts: training samples per second, single-image inference latency, GFLOP/s of the main
                kernels against the machine's measured peak. With --json the last line is one JSON object.
                """;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException {
        // Checked here, so a mistake gets the same one-line message as every command (and the benchmark never
        // has to end the process over it).
        Flags f = Flags.parse(name(), args, java.util.Set.of("threads", "batches"), java.util.Set.of("json", "quick"));
        for (String list : new String[] {"threads", "batches"}) {
            for (int v : f.integers(list)) {
                if (v < 1 || v > 65_536) throw new UsageException("--" + list + ": " + v + " must be between 1 and 65536");
            }
        }
        Method run = method("run", String[].class, PrintStream.class, PrintStream.class);
        Method main = run == null ? method("main", String[].class) : null;
        if (run == null && main == null) {
            err.println("digitlab bench: the benchmark is not part of this build (" + BENCHMARK + " is missing)");
            return Cli.FAILURE;
        }
        try {
            if (run != null) {
                Object code = run.invoke(null, args, out, err);
                return code instanceof Integer i ? i : Cli.OK;
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

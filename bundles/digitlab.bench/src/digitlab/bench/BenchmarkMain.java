package digitlab.bench;

import com.google.gson.Gson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark from a plain class path, without the lab (bench/compare-pytorch.sh compiles the core and
 * runs this): the same options and output as {@code ./digitlab bench} without the canvas figure. In the
 * product, {@code digitlab bench} (digitlab.train's BenchCommand) calls {@link Benchmark#run} itself.
 */
@Command(name = "digitlab.bench.BenchmarkMain", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Trains and times the built-in networks on synthetic data (see bench/README.md).")
public final class BenchmarkMain implements Callable<Integer> {

    /**
     * Registers the conv plugin's presets (lenet) when its classes are on the class path; by name, because
     * this bundle does not depend on the plugin (in the product the lab registers its plugins' presets).
     */
    static final String CONV_REGISTRAR = "digitlab.nn.conv.ConvLayers";

    @Option(names = "--json", description = "end with one JSON object")
    boolean json;
    @Option(names = "--quick", description = "shorter repetitions")
    boolean quick;
    @Option(names = "--threads", split = ",", paramLabel = "N", description = "thread counts (default 1,2)")
    int[] threads = {1, 2};
    @Option(names = "--batches", split = ",", paramLabel = "N", description = "batch sizes (default 1,32,64,256)")
    int[] batches = {1, 32, 64, 256};

    /** Runs the benchmark; exit code 2 for a bad option. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkMain()).execute(args));
    }

    @Override
    public Integer call() {
        Benchmark.Options options;
        try {
            options = new Benchmark.Options(quick, threads, batches);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: --" + e.getMessage());
            return 2;
        }
        try {
            Class.forName(CONV_REGISTRAR).getMethod("registerStandard").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // absent (or unusable) conv classes: the dense networks are still measured
        }
        BenchmarkResult result = Benchmark.run(options, System.out);
        if (json) System.out.println(new Gson().toJson(BenchmarkJson.toJson(result)));
        System.out.flush();
        return 0;
    }
}

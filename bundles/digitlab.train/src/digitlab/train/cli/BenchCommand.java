package digitlab.train.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import digitlab.bench.Benchmark;
import digitlab.bench.BenchmarkJson;
import digitlab.bench.BenchmarkResult;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Model;
import digitlab.train.Datasets;
import digitlab.train.ModelService;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code digitlab bench}: runs the benchmark ({@link Benchmark#run}, bundle digitlab.bench), which prints its
 * tables as it measures, then times a canvas guess with the current model ({@link CanvasLatency}); with
 * {@code --json} the benchmark's figures and the canvas figure end the output as one JSON object.
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
        Benchmark.Options defaults = Benchmark.Options.defaults();
        int[] threadCounts = threads == null ? defaults.threads() : list("--threads", threads, "1,2");
        int[] batchSizes = batches == null ? defaults.batches() : list("--batches", batches, "1,32,64");
        BenchmarkResult result = Benchmark.run(new Benchmark.Options(quick, threadCounts, batchSizes), out);
        Map<String, Object> canvas = canvasLatency(quick, out);
        if (json) {
            JsonObject j = BenchmarkJson.toJson(result);
            j.add("canvas_guess_ms", new Gson().toJsonTree(canvas));
            out.println(new GsonBuilder().serializeNulls().create().toJson(j));
        }
        return Cli.OK;
    }

    /** A comma-separated list of thread counts or batch sizes, each 1..{@value Benchmark#MAX_SETTING}. */
    private static int[] list(String option, String value, String example) throws UsageException {
        int[] values = Converters.integers(option, value, example).stream().mapToInt(Integer::intValue).toArray();
        for (int v : values) {
            if (v < 1 || v > Benchmark.MAX_SETTING) {
                throw new UsageException(option + ": " + v + " must be between 1 and " + Benchmark.MAX_SETTING);
            }
        }
        return values;
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
}

package digitlab.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import digitlab.nn.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * A {@link BenchmarkResult} as the JSON object {@code ./digitlab bench --json} ends with (and
 * bench/compare-pytorch.sh reads): {@code framework, kernels, cores, java, data, peak_gflops,
 * peak_cpu_gflops, networks{name: {shape, config, training_flops_per_sample, training[], inference_us,
 * inference_cpu_us}}, seconds, load_average}; figures rounded to two decimals, per-thread maps keyed
 * by the thread count, CPU-time figures only where measured (1 thread).
 */
public final class BenchmarkJson {

    private BenchmarkJson() {
    }

    /** The JSON tree of {@code r}. */
    public static JsonObject toJson(BenchmarkResult r) {
        JsonObject j = new JsonObject();
        j.addProperty("framework", "digitlab");
        j.addProperty("kernels", r.kernels());
        j.addProperty("cores", r.cores());
        j.addProperty("java", r.java());
        j.addProperty("data", "synthetic random inputs and labels");
        j.add("peak_gflops", perThread(r.peakGflops()));
        j.add("peak_cpu_gflops", perThread(r.peakCpuGflops()));
        JsonObject networks = new JsonObject();
        for (BenchmarkResult.NetworkFigures f : r.networks()) {
            JsonObject n = new JsonObject();
            n.addProperty("shape", f.shape());
            n.add("config", config(f.config()));
            n.addProperty("training_flops_per_sample", Math.round(f.flopsPerSample()));
            n.add("training", training(f.training()));
            n.add("inference_us", perThread(f.inferenceMicros()));
            n.add("inference_cpu_us", perThread(f.inferenceCpuMicros()));
            networks.add(f.network(), n);
        }
        j.add("networks", networks);
        j.addProperty("seconds", Math.round(r.seconds()));
        JsonArray load = new JsonArray();
        load.add(round(r.loadBefore()));
        load.add(round(r.loadAfter()));
        j.add("load_average", load);
        return j;
    }

    private static JsonObject config(TrainingConfig c) {
        JsonObject j = new JsonObject();
        j.addProperty("loss", c.loss());
        j.addProperty("optimizer", c.optimizer());
        j.addProperty("learning_rate", c.learningRate());
        j.addProperty("momentum", c.momentum());
        j.addProperty("nesterov", c.nesterov());
        j.addProperty("weight_decay", c.weightDecay());
        j.addProperty("beta1", c.beta1());
        j.addProperty("beta2", c.beta2());
        j.addProperty("epsilon", c.epsilon());
        return j;
    }

    private static JsonArray training(List<BenchmarkResult.TrainingFigure> rows) {
        JsonArray a = new JsonArray();
        for (BenchmarkResult.TrainingFigure t : rows) {
            JsonObject j = new JsonObject();
            j.addProperty("threads", t.threads());
            j.addProperty("batch", t.batch());
            j.addProperty("samples_per_second", round(t.samplesPerSecond()));
            if (!Double.isNaN(t.cpuSamplesPerSecond())) j.addProperty("cpu_samples_per_second", round(t.cpuSamplesPerSecond()));
            j.addProperty("kernel_gflops", round(t.kernelGflops()));
            if (!Double.isNaN(t.kernelCpuGflops())) j.addProperty("kernel_cpu_gflops", round(t.kernelCpuGflops()));
            j.addProperty("training_gflops", round(t.trainingGflops()));
            j.addProperty("allocated_bytes_per_step", Math.round(t.allocatedBytesPerStep()));
            a.add(j);
        }
        return a;
    }

    private static JsonObject perThread(Map<Integer, Double> values) {
        JsonObject j = new JsonObject();
        values.forEach((threads, v) -> j.addProperty(Integer.toString(threads), round(v)));
        return j;
    }

    /** Two decimals; null for a figure that is not a number (JSON has no NaN). */
    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }
}

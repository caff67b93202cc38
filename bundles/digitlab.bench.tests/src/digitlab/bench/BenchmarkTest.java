package digitlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import digitlab.nn.Presets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    /** A short real run: the tables are printed as it measures, the result holds what they show. */
    @Test
    void aQuickRunMeasuresTheDenseNetworksAndReturnsTheFigures() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BenchmarkResult r = Benchmark.run(new Benchmark.Options(true, new int[] {1}, new int[] {32}),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("original", "mlp"), r.networks().stream().map(BenchmarkResult.NetworkFigures::network).toList()
                .subList(0, 2));
        BenchmarkResult.NetworkFigures mlp = r.networks().get(1);
        assertEquals("784-256-128-10", mlp.shape());
        assertEquals(Presets.MLP.config(), mlp.config());
        assertEquals(1, mlp.training().size());
        BenchmarkResult.TrainingFigure row = mlp.training().get(0);
        assertEquals(32, row.batch());
        assertTrue(row.samplesPerSecond() > 0 && row.kernelGflops() > 0 && row.cpuSamplesPerSecond() > 0, row.toString());
        assertTrue(mlp.inferenceMicros().get(1) > 0);
        assertTrue(r.peakGflops().get(1) > 0);
        assertTrue(printed.startsWith("Digit Lab benchmark: "), printed);
        assertTrue(printed.contains("mlp (784-256-128-10, adam, xent)"), printed);
        assertTrue(printed.contains("single-image forward pass (median)"), printed);
        // the whole training step's share of the measured peak (issue 18): the row's train GFLOP/s over the peak
        assertTrue(printed.contains("train/peak"), printed);
        String share = String.format(java.util.Locale.ROOT, "%.0f%%", 100 * row.trainingGflops() / r.peakGflops().get(1));
        assertTrue(printed.lines().anyMatch(l -> l.trim().startsWith("1     32") && l.contains(" " + share + " ")), share + " in\n" + printed);
    }

    @Test
    void theJsonHasTheDocumentedShape() {
        BenchmarkResult.TrainingFigure one = new BenchmarkResult.TrainingFigure(1, 64, 12345.678, 12000.0, 20.456, 21.0, 3.3333, 40);
        BenchmarkResult.TrainingFigure two = new BenchmarkResult.TrainingFigure(2, 64, 20000, Double.NaN, 35, Double.NaN, 5.5, -1);
        BenchmarkResult r = new BenchmarkResult("vector", 2, "25", Map.of(1, 60.123), Map.of(1, 59.0),
                List.of(new BenchmarkResult.NetworkFigures("mlp", "784-256-128-10", Presets.MLP.config(), 1.6e6,
                        List.of(one, two), Map.of(1, 35.25), Map.of(1, 34.0))), 123.4, 0.5, Double.NaN);
        JsonObject j = JsonParser.parseString(BenchmarkJson.toJson(r).toString()).getAsJsonObject();
        assertEquals("digitlab", j.get("framework").getAsString());
        assertEquals(60.12, j.getAsJsonObject("peak_gflops").get("1").getAsDouble());
        JsonObject mlp = j.getAsJsonObject("networks").getAsJsonObject("mlp");
        assertEquals("adam", mlp.getAsJsonObject("config").get("optimizer").getAsString());
        assertEquals(0.002, mlp.getAsJsonObject("config").get("learning_rate").getAsDouble());
        assertEquals(1600000, mlp.get("training_flops_per_sample").getAsLong());
        JsonObject first = mlp.getAsJsonArray("training").get(0).getAsJsonObject();
        assertEquals(12345.68, first.get("samples_per_second").getAsDouble());
        assertEquals(12000.0, first.get("cpu_samples_per_second").getAsDouble());
        JsonObject second = mlp.getAsJsonArray("training").get(1).getAsJsonObject();
        assertFalse(second.has("cpu_samples_per_second"), "CPU-time figures only where measured");
        assertFalse(second.has("kernel_cpu_gflops"));
        assertEquals(35.25, mlp.getAsJsonObject("inference_us").get("1").getAsDouble());
        assertEquals(123, j.get("seconds").getAsLong());
        assertTrue(j.getAsJsonArray("load_average").get(1).isJsonNull(), "an unknown load is null, not NaN");
    }

    @Test
    void badOptionsNameTheListAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Benchmark.Options(false, new int[] {1, 0}, new int[] {32}));
        assertEquals("threads: 0 must be between 1 and 4096", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Benchmark.Options(false, new int[] {1}, new int[0]));
        assertEquals("batches: give at least one value", e.getMessage());
    }

    @Test
    void syntheticSamplesCycleThroughTheirPool() {
        SyntheticSamples s = new SyntheticSamples(4, 10);
        s.resize(10_000);
        float[] a = new float[4];
        float[] b = new float[4];
        s.copyInput(3, a, 0);
        s.copyInput(3 + SyntheticSamples.POOL, b, 0);
        assertEquals(10_000, s.size());
        assertTrue(java.util.Arrays.equals(a, b));
        assertEquals(s.label(3), s.label(3 + SyntheticSamples.POOL));
        for (float v : a) assertTrue(v >= 0 && v < 1);
    }
}

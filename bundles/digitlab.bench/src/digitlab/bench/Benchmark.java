package digitlab.bench;

import digitlab.nn.Network;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.BatchBuffers;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What {@code ./digitlab bench} prints: for the {@code original} network (784-28-28-10 sigmoid), the
 * {@code mlp} (784-256-128-10 ReLU) and, when the conv plugin is there, the {@code lenet} CNN (see
 * {@link #LENET}), at batch sizes 1, 32, 64 and 256 and with 1 and 2 threads,
 * <ul>
 * <li>training samples per second: the real {@link Trainer} with the preset's loss and optimizer on
 *     synthetic data (random inputs in [0, 1), random labels: speed does not depend on the values),
 *     each epoch one timed repetition, the median of {@value #REPETITIONS} epochs after a warm-up;</li>
 * <li>the achieved GFLOP/s of the matrix kernel on the products of one training step, next to the
 *     machine's FP32 peak measured by {@link PeakFlops};</li>
 * <li>single-image inference latency: the median of one forward pass at batch 1, microseconds.</li>
 * </ul>
 * Call {@link #run(Options, PrintStream)}: it prints the tables as it measures ({@link BenchmarkTable}) and
 * returns the figures ({@link BenchmarkResult}; as JSON through {@link BenchmarkJson}). {@link BenchmarkMain}
 * runs it from a plain class path (bench/compare-pytorch.sh).
 */
public final class Benchmark {

    /** Timed repetitions whose median is reported. */
    static final int REPETITIONS = 5;
    /** The convolutional preset, measured when a plugin registered it in {@link Presets}. */
    static final String LENET = "lenet";
    /** The largest thread count or batch size measured. */
    public static final int MAX_SETTING = 4096;

    /**
     * What to measure.
     *
     * @param quick   shorter repetitions (about a third of the time)
     * @param threads thread counts, each 1..{@value Benchmark#MAX_SETTING}
     * @param batches batch sizes, each 1..{@value Benchmark#MAX_SETTING}
     */
    public record Options(boolean quick, int[] threads, int[] batches) {

        /** Threads 1 and 2, batches 1, 32, 64 and 256, full length. */
        public static Options defaults() {
            return new Options(false, new int[] {1, 2}, new int[] {1, 32, 64, 256});
        }

        /** Checks the lists; the message names the list and the value. */
        public Options {
            check("threads", threads);
            check("batches", batches);
            threads = threads.clone();
            batches = batches.clone();
        }

        private static void check(String name, int[] values) {
            if (values.length == 0) throw new IllegalArgumentException(name + ": give at least one value");
            for (int v : values) {
                if (v < 1 || v > MAX_SETTING) throw new IllegalArgumentException(name + ": " + v + " must be between 1 and " + MAX_SETTING);
            }
        }
    }

    private final Options options;
    private final BenchmarkTable table;

    private Benchmark(Options options, PrintStream out) {
        this.options = options;
        this.table = new BenchmarkTable(out);
    }

    /**
     * Measures the built-in networks (and lenet when registered), printing the tables to {@code out} as
     * it goes; takes two to three minutes (quick: about a third).
     *
     * @return the figures
     */
    public static BenchmarkResult run(Options options, PrintStream out) {
        return new Benchmark(options, out).run();
    }

    private BenchmarkResult run() {
        int[] threads = options.threads();
        long start = System.nanoTime();
        String kernelsName = KernelSelector.create(1).name();
        int cores = Runtime.getRuntime().availableProcessors();
        double loadBefore = loadAverage();
        table.machine(cores, kernelsName, loadBefore);
        int maxThreads = Arrays.stream(threads).max().orElse(1);
        double[] peak = new double[maxThreads + 1];
        double[] peakCpu = new double[maxThreads + 1];
        for (int t : threads) {
            double[] both = PeakFlops.measureBoth(t, 3);
            peak[t] = both[0];
            peakCpu[t] = both[1];
        }
        table.peak(threads, peak, peakCpu);

        List<Preset> presets = presets();
        table.warmup(KernelWarmup.run(options.quick(), presets, threads, options.batches()));
        List<BenchmarkResult.NetworkFigures> all = new ArrayList<>();
        for (Preset preset : presets) {
            all.add(measure(preset, peak, peakCpu));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double loadAfter = loadAverage();
        table.end(seconds, loadBefore, loadAfter, cores);
        return new BenchmarkResult(kernelsName, cores, Runtime.version().toString(), perThread(threads, peak),
                perThread(threads, peakCpu), List.copyOf(all), seconds, loadBefore, loadAfter);
    }

    /** The networks to measure: {@code original}, {@code mlp}, and {@code lenet} when it is registered. */
    private List<Preset> presets() {
        List<Preset> presets = new ArrayList<>(List.of(Presets.ORIGINAL, Presets.MLP));
        if (Presets.names().contains(LENET)) {
            presets.add(Presets.get(LENET));
        } else {
            table.skipped("lenet: skipped (the conv plugin is not installed)");
        }
        return presets;
    }

    private BenchmarkResult.NetworkFigures measure(Preset preset, double[] peak, double[] peakCpu) {
        Network network = new Network(preset.architecture());
        double flopsPerSample = NetworkProducts.trainingFlopsPerSample(network);
        String shape = NetworkProducts.describe(network);
        table.network(preset.name(), shape, preset.config().optimizer(), preset.config().loss(), flopsPerSample);
        SyntheticSamples samples = new SyntheticSamples(network.inputSize(), network.outputSize());
        TrainingRate trainingRate = new TrainingRate(options.quick());
        List<BenchmarkResult.TrainingFigure> training = new ArrayList<>();
        Map<Integer, Double> inference = new LinkedHashMap<>();
        Map<Integer, Double> inferenceCpu = new LinkedHashMap<>();
        for (int t : options.threads()) {
            Kernels kernels = KernelSelector.create(t);
            for (int batch : options.batches()) {
                double[] rate = trainingRate.measure(preset, network, kernels, batch, samples);
                double[] kernel = kernelGflops(network, batch, kernels);
                BenchmarkResult.TrainingFigure f = new BenchmarkResult.TrainingFigure(t, batch, rate[0],
                        t == 1 ? rate[1] : Double.NaN, kernel[0], t == 1 ? kernel[1] : Double.NaN,
                        rate[0] * flopsPerSample / 1e9, rate[2]);
                training.add(f);
                table.training(f, peak[t], peakCpu[t]);
            }
            Timing.Result infer = inferenceNanos(network, kernels);
            inference.put(t, infer.wallNanos() / 1000);
            inferenceCpu.put(t, infer.cpuNanos() / 1000);
            table.inference(t, inference.get(t), inferenceCpu.get(t));
        }
        return new BenchmarkResult.NetworkFigures(preset.name(), shape, preset.config(), flopsPerSample, List.copyOf(training),
                inference, inferenceCpu);
    }

    private static Map<Integer, Double> perThread(int[] threads, double[] values) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int t : threads) m.put(t, values[t]);
        return m;
    }

    /** GFLOP/s of the kernel over all matrix products of one training step at this batch size: {wall, CPU time}. */
    private double[] kernelGflops(Network network, int batch, Kernels kernels) {
        SplittableRandom rnd = new SplittableRandom(3);
        // A conv layer's per-group products repeat: like the layer, they reuse one set of operands.
        Map<GemmShapes.Shape, GemmBench.Operands> operands = new HashMap<>();
        List<GemmBench.Operands> step = NetworkProducts.trainingStep(network, batch).stream()
                .map(s -> operands.computeIfAbsent(s, x -> new GemmBench.Operands(x, rnd))).toList();
        return GemmBench.stepGflopsBoth(step, kernels, options.quick() ? 20_000_000L : 60_000_000L, REPETITIONS, options.quick() ? 2_000_000L : 4_000_000L);
    }

    /** Median nanoseconds (wall and CPU) of a forward pass of one image, in inference mode. */
    private Timing.Result inferenceNanos(Network network, Kernels kernels) {
        float[] params = network.initialParameters(11);
        BatchBuffers ws = network.newBuffers(1, kernels);
        SplittableRandom rnd = new SplittableRandom(5);
        float[] input = ws.input();
        for (int i = 0; i < network.inputSize(); i++) {
            input[i] = (float) rnd.nextDouble();
        }
        return Timing.measure(() -> ws.forward(params, 1, false, 0), options.quick() ? 100_000_000L : 300_000_000L,
                REPETITIONS * 2 + 1, 1_000_000L);
    }

    /** The system load average over the last minute (-1 where unknown). */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

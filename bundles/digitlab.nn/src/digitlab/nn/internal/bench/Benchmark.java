package digitlab.nn.internal.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import digitlab.nn.BatchMetrics;
import digitlab.nn.EpochMetrics;
import digitlab.nn.Network;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.SampleSource;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingConfig;
import digitlab.nn.TrainerListener;
import digitlab.nn.BatchBuffers;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;

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
 * Prints a table; with {@code --json} the last line is one JSON object. Options: {@code --quick}
 * (shorter repetitions), {@code --threads 1,2}, {@code --batches 1,32,64,256}.
 */
public final class Benchmark {

    static final int REPETITIONS = 5;
    /**
     * The convolutional preset measured when it is registered in {@link Presets} (the lab registers
     * its plugins' presets before {@code digitlab bench} runs); on a plain classpath the benchmark
     * registers it through {@value #CONV_REGISTRAR}{@code .registerStandard()} when that class is
     * present, found by name so that this bundle does not depend on the conv bundle.
     */
    static final String LENET = "lenet";
    static final String CONV_REGISTRAR = "digitlab.nn.conv.ConvLayers";
    private static final int POOL = 4096;

    private final boolean quick;
    private final PrintStream out;
    private final double epochSeconds;
    /** The FP32 peak by the threads' CPU time, per thread count. */
    private double[] peakCpu;

    private Benchmark(boolean quick, PrintStream out) {
        this.quick = quick;
        this.out = out;
        this.epochSeconds = quick ? 0.08 : 0.2;
    }

    /** One row of the training table. */
    record TrainingFigure(String network, int threads, int batch, double samplesPerSecond,
                          double cpuSamplesPerSecond, double kernelGflops, double kernelCpuGflops,
                          double trainingGflops, double allocatedBytesPerStep) {
    }

    /** The figures for one network. */
    record NetworkFigures(String network, String shape, TrainingConfig config, double flopsPerSample,
                          List<TrainingFigure> training, double[] inferenceMicros, double[] inferenceCpuMicros) {
    }

    static final String USAGE = """
            Usage: digitlab bench [--json] [--quick] [--threads 1,2] [--batches 1,32,64,256]

            Trains and times the built-in networks (original 784-28-28-10 sigmoid, mlp 784-256-128-10 ReLU,
            and the lenet CNN when the conv plugin is present) on synthetic data at each batch size and thread count: training samples per second (median of
            timed epochs after warm-up; for 1 thread also the rate by the thread's CPU time), single-image
            inference latency, GFLOP/s of the matrix kernel over a training step's products, and the
            machine's measured FP32 peak. A full run takes two to three minutes; --quick about a third.
            With --json the last line is one JSON object.
            """;

    /** Command line entry: exits with 2 on a bad option. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the benchmark with the given options, printing to {@code out} (and a usage error to
     * {@code err}); returns the exit code: 0, or 2 for a bad option. For {@code digitlab bench},
     * which calls it in process.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean quick = false;
        int[] threads = {1, 2};
        int[] batches = {1, 32, 64, 256};
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--quick" -> quick = true;
                    case "--threads" -> threads = intList(args, ++i, "--threads");
                    case "--batches" -> batches = intList(args, ++i, "--batches");
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "' (usage: bench [--json] [--quick] [--threads 1,2] [--batches 1,32,64,256])");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
        new Benchmark(quick, out).run(threads, batches, json);
        return 0;
    }

    private static int[] intList(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a comma-separated list of positive numbers");
        }
        try {
            int[] values = Arrays.stream(args[i].split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            for (int v : values) {
                if (v < 1 || v > 4096) throw new NumberFormatException();
            }
            return values;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " '" + args[i] + "' is not a comma-separated list of numbers 1..4096");
        }
    }

    private void run(int[] threads, int[] batches, boolean json) {
        long start = System.nanoTime();
        String kernelsName = KernelSelector.create(1).name();
        int cores = Runtime.getRuntime().availableProcessors();
        double loadBefore = loadAverage();
        out.printf(Locale.ROOT, "Digit Lab benchmark: %d cores, Java %s, kernels %s, load average %.2f%n", cores,
                Runtime.version(), kernelsName, loadBefore);
        out.println("Training on synthetic data (random inputs in [0,1), random labels); medians of "
                + REPETITIONS + " timed epochs after warm-up.");
        int maxThreads = Arrays.stream(threads).max().orElse(1);
        double[] peak = new double[maxThreads + 1];
        peakCpu = new double[maxThreads + 1];
        for (int t : threads) {
            double[] both = PeakFlops.measureBoth(t, 3);
            peak[t] = both[0];
            peakCpu[t] = both[1];
        }
        out.print("FP32 peak (FMA loop):");
        for (int t : threads) {
            out.printf(Locale.ROOT, "  %d thread%s %.1f GFLOP/s (by CPU time %.1f)", t, t == 1 ? "" : "s",
                    peak[t], peakCpu[t]);
        }
        out.println();

        List<Preset> presets = presets();
        out.printf(Locale.ROOT, "JIT warm-up of the kernels: %.1f s%n", primeKernels(presets, threads, batches));
        List<NetworkFigures> all = new ArrayList<>();
        for (Preset preset : presets) {
            all.add(measure(preset, threads, batches, peak));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double loadAfter = loadAverage();
        out.printf(Locale.ROOT, "(%.0f s; load average %.2f before, %.2f after: other processes competing for the"
                + " %d cores lower every figure)%n", seconds, loadBefore, loadAfter, cores);
        if (json) {
            out.println(toJson(all, threads, peak, peakCpu, kernelsName, cores, seconds, loadBefore, loadAfter));
        }
    }

    /**
     * The networks to measure: {@code original}, {@code mlp}, and {@code lenet} when it is registered
     * or its registrar is on the classpath (else one line says it is skipped).
     */
    private List<Preset> presets() {
        List<Preset> presets = new ArrayList<>(List.of(Presets.ORIGINAL, Presets.MLP));
        if (!Presets.names().contains(LENET)) {
            try {
                Class.forName(CONV_REGISTRAR).getMethod("registerStandard").invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                // absent (or unusable) conv classes: the dense networks are still measured
            }
        }
        if (Presets.names().contains(LENET)) {
            presets.add(Presets.get(LENET));
        } else {
            out.println("lenet: skipped (the conv plugin, " + CONV_REGISTRAR + ", is not on the classpath)");
        }
        return presets;
    }

    private NetworkFigures measure(Preset preset, int[] threads, int[] batches, double[] peak) {
        Network network = new Network(preset.architecture());
        double flopsPerSample = NetworkProducts.trainingFlopsPerSample(network);
        String shape = NetworkProducts.describe(network);
        out.printf(Locale.ROOT, "%n%s (%s, %s, %s): %.2f MFLOP per training sample%n", preset.name(), shape,
                preset.config().optimizer(), preset.config().loss(), flopsPerSample / 1e6);
        out.printf("%7s %6s %12s %16s %14s %11s %13s %14s %12s%n", "threads", "batch", "samples/s", "(CPU-time rate)",
                "kernel GFLOP/s", "(CPU time)", "train GFLOP/s", "kernel/peak", "alloc B/step");
        SyntheticSamples samples = new SyntheticSamples(network.inputSize(), network.outputSize());
        List<TrainingFigure> training = new ArrayList<>();
        double[] inference = new double[peak.length];
        double[] inferenceCpu = new double[peak.length];
        for (int t : threads) {
            Kernels kernels = KernelSelector.create(t);
            for (int batch : batches) {
                double[] rate = trainingRate(preset, network, kernels, batch, samples);
                double cpuRate = t == 1 ? rate[1] : Double.NaN;
                double[] kernel = kernelGflops(network, batch, kernels);
                double kernelCpu = t == 1 ? kernel[1] : Double.NaN;
                TrainingFigure f = new TrainingFigure(preset.name(), t, batch, rate[0], cpuRate, kernel[0], kernelCpu,
                        rate[0] * flopsPerSample / 1e9, rate[2]);
                training.add(f);
                out.printf(Locale.ROOT, "%7d %6d %,12.0f %16s %14.1f %11s %13.1f %14s %12s%n", t, batch, rate[0],
                        t == 1 ? String.format(Locale.ROOT, "(%,.0f)", cpuRate) : "", kernel[0],
                        t == 1 ? String.format(Locale.ROOT, "(%.1f)", kernelCpu) : "", f.trainingGflops(),
                        t == 1 ? String.format(Locale.ROOT, "%.0f%% (%.0f%%)", 100 * kernel[0] / peak[t], 100 * kernelCpu / peakCpu[t])
                                : String.format(Locale.ROOT, "%.0f%%", 100 * kernel[0] / peak[t]),
                        rate[2] < 0 ? "?" : String.format(Locale.ROOT, "%,.0f", rate[2]));
            }
            Timing.Result infer = inferenceNanos(network, kernels);
            inference[t] = infer.wallNanos() / 1000;
            inferenceCpu[t] = infer.cpuNanos() / 1000;
            out.printf(Locale.ROOT, "%7d %6s %9.1f us  (CPU time %.1f us) single-image forward pass (median)%n", t,
                    "infer", inference[t], inferenceCpu[t]);
        }
        return new NetworkFigures(preset.name(), shape, preset.config(), flopsPerSample, training, inference, inferenceCpu);
    }

    /**
     * Runs every matrix product of the networks at every batch size, and single-image forward
     * passes, until a whole pass stops getting faster (at least 1 s, at most 15 s), so that the JIT
     * has compiled every kernel before anything is timed: before C2 compiles it, Vector API code
     * runs a hundred times slower, and on a busy machine compilations can wait in line for seconds.
     * Returns the seconds spent.
     */
    private double primeKernels(List<Preset> presets, int[] threads, int[] batches) {
        long start = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(9);
        List<Runnable> work = new ArrayList<>();
        for (int t : threads) {
            Kernels kernels = KernelSelector.create(t);
            for (Preset preset : presets) {
                Network network = new Network(preset.architecture());
                for (int batch : batches) {
                    for (GemmShapes.Shape shape : NetworkProducts.trainingStep(network, batch).stream().distinct().toList()) {
                        GemmBench.Operands ops = new GemmBench.Operands(shape, rnd);
                        work.add(() -> ops.run(kernels));
                    }
                }
                float[] params = network.initialParameters(1);
                BatchBuffers ws = network.newBuffers(1, kernels);
                work.add(() -> ws.forward(params, 1, false, 0));
            }
        }
        // A pass runs every item for at least 2 ms (so that even the small ones are called often
        // enough to be compiled) and scores the sum of the items' times per run.
        double best = Double.MAX_VALUE;
        int stable = 0;
        while (true) {
            double pass = 0;
            for (Runnable r : work) {
                long t0 = System.nanoTime();
                int runs = 0;
                do {
                    r.run();
                    runs++;
                } while (System.nanoTime() - t0 < 2_000_000L);
                pass += (System.nanoTime() - t0) / (double) runs;
            }
            best = Math.min(best, pass);
            stable = pass <= 1.03 * best ? stable + 1 : 0;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed > (quick ? 8 : 15) || (stable >= 2 && elapsed > (quick ? 0.5 : 1.0))) {
                return elapsed;
            }
        }
    }

    /**
     * Training samples per second, the median of timed epochs of the real trainer: {wall-clock rate,
     * rate by the training thread's CPU time (meaningful for 1 thread only), bytes the training thread
     * allocated per step (-1 when unknown)}.
     */
    /**
     * Bytes per step above which a training step is taken to be still running uncompiled Vector API
     * code (compiled, a step allocates at most the listener's event: tens of bytes per thread hand-over).
     */
    private static final double UNCOMPILED_BYTES_PER_STEP = 64 * 1024;

    private double[] trainingRate(Preset preset, Network network, Kernels kernels, int batch, SyntheticSamples samples) {
        // Warm-up runs until the rate stops improving (the JIT may take seconds on a busy machine);
        // they also tell how many samples make an epoch of about epochSeconds.
        long start = System.nanoTime();
        samples.resize(Math.max(4 * batch, 512));
        double best = 0;
        int stable = 0;
        long compiled = Timing.compilationMillis();
        while (true) {
            double[][] rates = epochs(preset, network, kernels, batch, samples, 2);
            double rate = rates[0][1];
            long nowCompiled = Timing.compilationMillis();
            // Vector API code that C2 has not compiled yet allocates a Java object per vector operation:
            // a step that allocates is still running interpreted or C1 code, whatever its rate says.
            boolean compiledCode = rates[2][1] < UNCOMPILED_BYTES_PER_STEP;
            best = Math.max(best, rate);
            stable = rate >= best / 1.03 && nowCompiled == compiled && compiledCode ? stable + 1 : 0;
            compiled = nowCompiled;
            long elapsed = System.nanoTime() - start;
            long limit = compiledCode ? 6_000_000_000L : 30_000_000_000L; // a busy machine's JIT queue can take long
            if (elapsed > limit || (stable >= 1 && elapsed > (quick ? 100_000_000L : 300_000_000L))) {
                break;
            }
            samples.resize(sizeFor(best * epochSeconds / 2, batch));
        }
        samples.resize(sizeFor(best * epochSeconds, batch));
        double[][] rates = epochs(preset, network, kernels, batch, samples, REPETITIONS + 1);
        double[] wall = Arrays.copyOfRange(rates[0], 1, rates[0].length);
        double[] cpu = Arrays.copyOfRange(rates[1], 1, rates[1].length);
        double[] allocated = Arrays.copyOfRange(rates[2], 1, rates[2].length);
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(allocated);
        return new double[] {wall[wall.length / 2], cpu[cpu.length / 2], allocated[allocated.length / 2]};
    }

    private static int sizeFor(double samples, int batch) {
        return (int) Math.max(4L * batch, Math.min(60_000L, Math.round(samples)));
    }

    /**
     * Trains {@code count} epochs of a fresh trainer and returns for each epoch: {samples per second as
     * the trainer reports them (wall clock), samples per second by the CPU time of this (the training)
     * thread, bytes this thread allocated per step}. The allocation is counted from the end of an epoch's
     * first batch to the end of its last, so it is what a step costs in the loop (the batch event to the
     * listener included), not the epoch-end snapshot; -1 where the JVM does not count.
     */
    private static double[][] epochs(Preset preset, Network network, Kernels kernels, int batch, SampleSource samples,
                                     int count) {
        TrainingConfig config = preset.config().withBatchSize(batch).withEpochs(count).withThreads(kernels.threads())
                .withSnapshotInterval(Integer.MAX_VALUE).withSeed(7);
        double[][] rates = new double[3][count];
        int[] epochs = {0};
        long[] cpuMark = {Timing.threadCpuNanos()};
        long[] allocatedMark = {-1};
        new Trainer(network, config, kernels).train(samples, null, new TrainerListener() {
            @Override
            public void onBatch(BatchMetrics metrics) {
                if (metrics.batch() == 0) {
                    allocatedMark[0] = Timing.threadAllocatedBytes();
                } else if (metrics.batch() == metrics.batchesPerEpoch() - 1 && epochs[0] < count) {
                    long now = Timing.threadAllocatedBytes();
                    rates[2][epochs[0]] = now < 0 || allocatedMark[0] < 0 ? -1
                            : (now - allocatedMark[0]) / (double) (metrics.batchesPerEpoch() - 1);
                }
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                long now = Timing.threadCpuNanos();
                if (epochs[0] < count) {
                    rates[0][epochs[0]] = metrics.samplesPerSecond();
                    rates[1][epochs[0]] = samples.size() / Math.max(1e-9, (now - cpuMark[0]) / 1e9);
                }
                epochs[0]++;
                cpuMark[0] = now;
            }
        }, null);
        if (epochs[0] != count) {
            throw new IllegalStateException("the trainer reported " + epochs[0] + " epochs of " + count);
        }
        return rates;
    }

    /** GFLOP/s of the kernel over all matrix products of one training step at this batch size: {wall, CPU time}. */
    private double[] kernelGflops(Network network, int batch, Kernels kernels) {
        SplittableRandom rnd = new SplittableRandom(3);
        // A conv layer's per-group products repeat: like the layer, they reuse one set of operands.
        Map<GemmShapes.Shape, GemmBench.Operands> operands = new HashMap<>();
        List<GemmBench.Operands> step = NetworkProducts.trainingStep(network, batch).stream()
                .map(s -> operands.computeIfAbsent(s, x -> new GemmBench.Operands(x, rnd))).toList();
        return GemmBench.stepGflopsBoth(step, kernels, quick ? 20_000_000L : 60_000_000L, REPETITIONS, quick ? 2_000_000L : 4_000_000L);
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
        return Timing.measure(() -> ws.forward(params, 1, false, 0), quick ? 100_000_000L : 300_000_000L,
                REPETITIONS * 2 + 1, 1_000_000L);
    }

    /** The system load average over the last minute (-1 where unknown). */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String toJson(List<NetworkFigures> all, int[] threads, double[] peak, double[] peakCpu, String kernels, int cores,
                                 double seconds, double loadBefore, double loadAfter) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"framework\":\"digitlab\",\"kernels\":\"").append(kernels).append("\",\"cores\":").append(cores)
                .append(",\"java\":\"").append(Runtime.version()).append("\"")
                .append(",\"data\":\"synthetic random inputs and labels\"")
                .append(",\"peak_gflops\":{");
        for (int i = 0; i < threads.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(threads[i]).append("\":").append(round(peak[threads[i]]));
        }
        sb.append("},\"peak_cpu_gflops\":{");
        for (int i = 0; i < threads.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(threads[i]).append("\":").append(round(peakCpu[threads[i]]));
        }
        sb.append("},\"networks\":{");
        for (int n = 0; n < all.size(); n++) {
            NetworkFigures f = all.get(n);
            TrainingConfig c = f.config();
            sb.append(n == 0 ? "" : ",").append('"').append(f.network()).append("\":{\"shape\":\"").append(f.shape())
                    .append("\",\"config\":{\"loss\":\"").append(c.loss()).append("\",\"optimizer\":\"").append(c.optimizer())
                    .append("\",\"learning_rate\":").append(c.learningRate()).append(",\"momentum\":").append(c.momentum())
                    .append(",\"nesterov\":").append(c.nesterov()).append(",\"weight_decay\":").append(c.weightDecay())
                    .append(",\"beta1\":").append(c.beta1()).append(",\"beta2\":").append(c.beta2())
                    .append(",\"epsilon\":").append(c.epsilon()).append('}')
                    .append(",\"training_flops_per_sample\":").append(Math.round(f.flopsPerSample()))
                    .append(",\"training\":[");
            for (int i = 0; i < f.training().size(); i++) {
                TrainingFigure t = f.training().get(i);
                sb.append(i == 0 ? "" : ",").append("{\"threads\":").append(t.threads()).append(",\"batch\":")
                        .append(t.batch()).append(",\"samples_per_second\":").append(round(t.samplesPerSecond()))
                        .append(Double.isNaN(t.cpuSamplesPerSecond()) ? ""
                                : ",\"cpu_samples_per_second\":" + round(t.cpuSamplesPerSecond()))
                        .append(",\"kernel_gflops\":").append(round(t.kernelGflops()))
                        .append(Double.isNaN(t.kernelCpuGflops()) ? "" : ",\"kernel_cpu_gflops\":" + round(t.kernelCpuGflops()))
                        .append(",\"training_gflops\":").append(round(t.trainingGflops()))
                        .append(",\"allocated_bytes_per_step\":").append(Math.round(t.allocatedBytesPerStep())).append('}');
            }
            sb.append("],\"inference_us\":{");
            for (int i = 0; i < threads.length; i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(threads[i]).append("\":")
                        .append(round(f.inferenceMicros()[threads[i]]));
            }
            sb.append("},\"inference_cpu_us\":{");
            for (int i = 0; i < threads.length; i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(threads[i]).append("\":")
                        .append(round(f.inferenceCpuMicros()[threads[i]]));
            }
            sb.append("}}");
        }
        sb.append("},\"seconds\":").append(Math.round(seconds))
                .append(",\"load_average\":[").append(round(loadBefore)).append(',').append(round(loadAfter)).append("]}");
        return sb.toString();
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Random samples: a pool of {@value #POOL} random images (values in [0, 1)) and labels, any
     * number of samples cycling through it. Speed does not depend on the values.
     */
    private static final class SyntheticSamples implements SampleSource {
        private final int inputSize;
        private final float[] pool;
        private final int[] labels;
        private int size;

        SyntheticSamples(int inputSize, int classes) {
            this.inputSize = inputSize;
            SplittableRandom rnd = new SplittableRandom(42);
            pool = new float[POOL * inputSize];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = (float) rnd.nextDouble();
            }
            labels = new int[POOL];
            for (int i = 0; i < POOL; i++) {
                labels[i] = rnd.nextInt(classes);
            }
        }

        void resize(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int inputSize() {
            return inputSize;
        }

        @Override
        public int label(int i) {
            return labels[i % POOL];
        }

        @Override
        public void copyInput(int i, float[] dst, int off) {
            System.arraycopy(pool, (i % POOL) * inputSize, dst, off, inputSize);
        }
    }
}

package digitlab.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The lines {@code ./digitlab bench} prints while it measures: the machine, then a table per network. */
final class BenchmarkTable {

    private final PrintStream out;

    BenchmarkTable(PrintStream out) {
        this.out = out;
    }

    void machine(int cores, String kernels, double load) {
        out.printf(Locale.ROOT, "Digit Lab benchmark: %d cores, Java %s, kernels %s, load average %.2f%n", cores,
                Runtime.version(), kernels, load);
        out.println("Training on synthetic data (random inputs in [0,1), random labels); medians of "
                + Benchmark.REPETITIONS + " timed epochs after warm-up.");
    }

    void peak(int[] threads, double[] peak, double[] peakCpu) {
        out.print("FP32 peak (FMA loop):");
        for (int t : threads) {
            out.printf(Locale.ROOT, "  %d thread%s %.1f GFLOP/s (by CPU time %.1f)", t, t == 1 ? "" : "s", peak[t], peakCpu[t]);
        }
        out.println();
    }

    void warmup(double seconds) {
        out.printf(Locale.ROOT, "JIT warm-up of the kernels: %.1f s%n", seconds);
    }

    void skipped(String line) {
        out.println(line);
    }

    void network(String name, String shape, String optimizer, String loss, double flopsPerSample) {
        out.printf(Locale.ROOT, "%n%s (%s, %s, %s): %.2f MFLOP per training sample%n", name, shape, optimizer, loss,
                flopsPerSample / 1e6);
        out.printf("%7s %6s %12s %16s %14s %11s %13s %11s %14s %12s%n", "threads", "batch", "samples/s", "(CPU-time rate)",
                "kernel GFLOP/s", "(CPU time)", "train GFLOP/s", "train/peak", "kernel/peak", "alloc B/step");
    }

    void training(BenchmarkResult.TrainingFigure f, double peak, double peakCpu) {
        int t = f.threads();
        // train/peak: the whole training step's counted products per second, as a share of this thread count's peak
        out.printf(Locale.ROOT, "%7d %6d %,12.0f %16s %14.1f %11s %13.1f %10.0f%% %14s %12s%n", t, f.batch(), f.samplesPerSecond(),
                t == 1 ? String.format(Locale.ROOT, "(%,.0f)", f.cpuSamplesPerSecond()) : "", f.kernelGflops(),
                t == 1 ? String.format(Locale.ROOT, "(%.1f)", f.kernelCpuGflops()) : "", f.trainingGflops(),
                100 * f.trainingGflops() / peak,
                t == 1 ? String.format(Locale.ROOT, "%.0f%% (%.0f%%)", 100 * f.kernelGflops() / peak, 100 * f.kernelCpuGflops() / peakCpu)
                        : String.format(Locale.ROOT, "%.0f%%", 100 * f.kernelGflops() / peak),
                f.allocatedBytesPerStep() < 0 ? "?" : String.format(Locale.ROOT, "%,.0f", f.allocatedBytesPerStep()));
    }

    void inference(int threads, double micros, double cpuMicros) {
        out.printf(Locale.ROOT, "%7d %6s %9.1f us  (CPU time %.1f us) single-image forward pass (median)%n", threads,
                "infer", micros, cpuMicros);
    }

    void end(double seconds, double loadBefore, double loadAfter, int cores) {
        out.printf(Locale.ROOT, "(%.0f s; load average %.2f before, %.2f after: other processes competing for the"
                + " %d cores lower every figure)%n", seconds, loadBefore, loadAfter, cores);
    }
}

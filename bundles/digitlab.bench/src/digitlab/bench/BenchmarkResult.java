package digitlab.bench;

import digitlab.nn.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * The figures of one {@link Benchmark} run (what {@code ./digitlab bench} prints as tables and, with
 * {@code --json}, as one object; see {@link BenchmarkJson}).
 *
 * @param kernels       the kernel implementation measured (e.g. "vector (AVX2, 256-bit)")
 * @param cores         the processors Java sees
 * @param java          the Java version
 * @param peakGflops    the machine's FP32 peak by wall clock, GFLOP/s, per thread count
 * @param peakCpuGflops the peak by the threads' CPU time, per thread count
 * @param networks      the figures of each network, in the order measured
 * @param seconds       the run's duration
 * @param loadBefore    the system load average before the run (-1 where unknown)
 * @param loadAfter     the load average after the run
 */
public record BenchmarkResult(String kernels, int cores, String java, Map<Integer, Double> peakGflops,
                              Map<Integer, Double> peakCpuGflops, List<NetworkFigures> networks, double seconds,
                              double loadBefore, double loadAfter) {

    /**
     * One network's figures.
     *
     * @param network            the preset's name
     * @param shape              the layers, e.g. "784-256-128-10"
     * @param config             the preset's training configuration (loss, optimizer and its settings)
     * @param flopsPerSample     floating-point operations of the matrix products per training sample
     * @param training           one row per thread count and batch size
     * @param inferenceMicros    median single-image forward pass, microseconds, per thread count
     * @param inferenceCpuMicros the same by the thread's CPU time
     */
    public record NetworkFigures(String network, String shape, TrainingConfig config, double flopsPerSample,
                                 List<TrainingFigure> training, Map<Integer, Double> inferenceMicros,
                                 Map<Integer, Double> inferenceCpuMicros) {
    }

    /**
     * One row of a training table.
     *
     * @param threads               threads of the kernels
     * @param batch                 mini-batch size
     * @param samplesPerSecond      median training rate by wall clock
     * @param cpuSamplesPerSecond   the rate by the training thread's CPU time (1 thread only, else NaN)
     * @param kernelGflops          GFLOP/s of the matrix kernel over one training step's products
     * @param kernelCpuGflops       the same by CPU time (1 thread only, else NaN)
     * @param trainingGflops        the training rate in GFLOP/s of the products
     * @param allocatedBytesPerStep bytes the training thread allocated per step (-1 where unknown)
     */
    public record TrainingFigure(int threads, int batch, double samplesPerSecond, double cpuSamplesPerSecond,
                                 double kernelGflops, double kernelCpuGflops, double trainingGflops,
                                 double allocatedBytesPerStep) {
    }
}

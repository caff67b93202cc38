package digitlab.bench;

import digitlab.nn.BatchMetrics;
import digitlab.nn.EpochMetrics;
import digitlab.nn.Network;
import digitlab.nn.Preset;
import digitlab.nn.SampleSource;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingConfig;
import digitlab.nn.TrainerListener;
import digitlab.nn.kernel.Kernels;
import java.util.Arrays;

/**
 * The training rate of a preset's network with the real {@link Trainer} (the preset's loss and
 * optimizer) on {@link SyntheticSamples}: warm-up epochs until the rate stops improving and the JIT is
 * quiet, then the median of {@value Benchmark#REPETITIONS} timed epochs of about the epoch length asked for.
 */
final class TrainingRate {

    private final boolean quick;
    private final double epochSeconds;

    TrainingRate(boolean quick) {
        this.quick = quick;
        this.epochSeconds = quick ? 0.08 : 0.2;
    }

    /**
     * Bytes per step above which a training step is taken to be still running uncompiled Vector API
     * code (compiled, a step allocates at most the listener's event: tens of bytes per thread hand-over).
     */
    private static final double UNCOMPILED_BYTES_PER_STEP = 64 * 1024;

    /**
     * Training samples per second, the median of timed epochs of the real trainer: {wall-clock rate,
     * rate by the training thread's CPU time (meaningful for 1 thread only), bytes the training thread
     * allocated per step (-1 when unknown)}.
     */
    double[] measure(Preset preset, Network network, Kernels kernels, int batch, SyntheticSamples samples) {
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
        double[][] rates = epochs(preset, network, kernels, batch, samples, Benchmark.REPETITIONS + 1);
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
}

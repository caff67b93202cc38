package digitlab.nn.internal.bench;

import java.util.Arrays;

/**
 * Times an operation the way every Digit Lab benchmark does: warm up (so the JIT has compiled the
 * hot code), then take several samples, each running the operation often enough to last at least
 * a few milliseconds, and report the median time of one run of the operation.
 */
public final class Timing {

    private Timing() {
    }

    /**
     * The median nanoseconds of one run of {@code op}.
     *
     * @param warmupNanos how long to run it untimed first
     * @param samples     how many timed samples to take (the median is reported)
     * @param sampleNanos the least duration of one sample
     */
    public static double medianNanos(Runnable op, long warmupNanos, int samples, long sampleNanos) {
        long start = System.nanoTime();
        long runs = 0;
        do {
            op.run();
            runs++;
        } while (System.nanoTime() - start < warmupNanos || runs < 3);
        // Runs per sample, from the warm-up rate.
        double perRun = (System.nanoTime() - start) / (double) runs;
        int repeat = (int) Math.max(1, Math.min(1_000_000, sampleNanos / Math.max(1.0, perRun)));
        double[] times = new double[samples];
        for (int s = 0; s < samples; s++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                op.run();
            }
            times[s] = (System.nanoTime() - t0) / (double) repeat;
        }
        Arrays.sort(times);
        return times[samples / 2];
    }
}

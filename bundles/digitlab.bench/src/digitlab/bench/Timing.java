package digitlab.bench;

import java.util.Arrays;

/**
 * Times an operation the way every Digit Lab benchmark does: warm up (so the JIT has compiled the
 * hot code), then take several samples, each running the operation often enough to last at least
 * a few milliseconds, and report the median time of one run of the operation.
 */
public final class Timing {

    private static final long CHUNK_NANOS = 20_000_000L;
    private static final long MAX_WARMUP_NANOS = 5_000_000_000L;
    /** Enough calls for the JIT's thresholds to have sent everything the operation runs to C2. */
    private static final long MIN_WARMUP_RUNS = 20_000;
    /** ... or this much warm-up for operations too slow for that many calls. */
    private static final long LONG_WARMUP_NANOS = 1_000_000_000L;

    private Timing() {
    }

    /** CPU time of the calling thread in nanoseconds (or wall time where the JVM cannot tell). */
    public static long threadCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Bytes the calling thread has allocated so far (HotSpot's per-thread counter, read through
     * {@code com.sun.management.ThreadMXBean} by reflection, so no import is needed), or -1 where the
     * JVM does not count them.
     */
    public static long threadAllocatedBytes() {
        if (ALLOCATED_BYTES == null) return -1;
        try {
            return (long) ALLOCATED_BYTES.invoke(java.lang.management.ManagementFactory.getThreadMXBean());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static final java.lang.reflect.Method ALLOCATED_BYTES = allocatedBytesMethod();

    private static java.lang.reflect.Method allocatedBytesMethod() {
        try {
            Object bean = java.lang.management.ManagementFactory.getThreadMXBean();
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean", false, ClassLoader.getPlatformClassLoader());
            if (!type.isInstance(bean)) return null;
            java.lang.reflect.Method m = type.getMethod("getCurrentThreadAllocatedBytes");
            return (long) m.invoke(bean) < 0 ? null : m;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Milliseconds the JIT compilers have worked so far (-1 if unknown). Warm-up goes on until
     * this stops growing: timings taken while hot code is still being compiled are meaningless.
     */
    public static long compilationMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /**
     * The median nanoseconds of one run of {@code op}.
     *
     * @param warmupNanos how long to run it untimed first
     * @param samples     how many timed samples to take (the median is reported)
     * @param sampleNanos the least duration of one sample
     */
    public static double medianNanos(Runnable op, long warmupNanos, int samples, long sampleNanos) {
        return measure(op, warmupNanos, samples, sampleNanos).wallNanos();
    }

    /**
     * Medians of one run of an operation: wall-clock nanoseconds, and nanoseconds of CPU time of the
     * calling thread. For work done on the calling thread alone the CPU figure is what the code
     * costs when it has a core to itself; the wall figure also holds the time other processes had
     * the core.
     */
    public record Result(double wallNanos, double cpuNanos) {
    }

    /** Like {@link #medianNanos}, with the calling thread's CPU time too. */
    public static Result measure(Runnable op, long warmupNanos, int samples, long sampleNanos) {
        return measure(op, warmupNanos, samples, sampleNanos, true);
    }

    /**
     * Like {@link #measure(Runnable, long, int, long)}; {@code untilCompiled} false drops the
     * demand for {@value #MIN_WARMUP_RUNS} calls or a second of warm-up, for code a priming run has
     * already sent through the JIT.
     */
    public static Result measure(Runnable op, long warmupNanos, int samples, long sampleNanos, boolean untilCompiled) {
        // Warm up in chunks until the time per run stops improving and the JIT is idle (it may need
        // seconds on a busy machine, and Vector API code runs 100x slower before C2 compiles it);
        // at least warmupNanos, at most MAX_WARMUP_NANOS.
        long start = System.nanoTime();
        double best = Double.MAX_VALUE;
        int stable = 0;
        double perRun;
        long compiled = compilationMillis();
        long totalRuns = 0;
        while (true) {
            long t0 = System.nanoTime();
            long runs = 0;
            do {
                op.run();
                runs++;
            } while (System.nanoTime() - t0 < CHUNK_NANOS);
            perRun = (System.nanoTime() - t0) / (double) runs;
            totalRuns += runs;
            long nowCompiled = compilationMillis();
            // Stable: no faster than before, and not slower either (a deoptimization makes it slower).
            best = Math.min(best, perRun);
            stable = perRun <= 1.03 * best && nowCompiled == compiled ? stable + 1 : 0;
            compiled = nowCompiled;
            long elapsed = System.nanoTime() - start;
            if (elapsed >= MAX_WARMUP_NANOS
                    || (elapsed >= warmupNanos && stable >= 3
                        && (!untilCompiled || totalRuns >= MIN_WARMUP_RUNS || elapsed >= LONG_WARMUP_NANOS))) {
                break;
            }
        }
        int repeat = (int) Math.max(1, Math.min(1_000_000, sampleNanos / Math.max(1.0, perRun)));
        double[] times = new double[samples];
        double[] cpu = new double[samples];
        for (int s = 0; s < samples; s++) {
            long c0 = threadCpuNanos();
            long t0 = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                op.run();
            }
            times[s] = (System.nanoTime() - t0) / (double) repeat;
            cpu[s] = (threadCpuNanos() - c0) / (double) repeat;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        return new Result(times[samples / 2], cpu[samples / 2]);
    }
}

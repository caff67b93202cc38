package digitlab.bench;

import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures the machine's FP32 peak as Java can reach it: a loop of fused multiply-adds on
 * independent {@link FloatVector} accumulators (enough of them to hide the FMA latency on every
 * FMA pipe), nothing loaded or stored inside the loop. Run on 1 and on N threads at once.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector digitlab.nn.internal.bench.PeakFlops}
 */
public final class PeakFlops {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int ITERATIONS = 4_000_000;

    private PeakFlops() {
    }

    /** Floating-point operations done by one call of {@link #fmaLoop}. */
    static long flopsPerLoop() {
        return 2L * 16 * S.length() * ITERATIONS;
    }

    /** 16 independent accumulators, each updated by one FMA per iteration: 16 FMAs per iteration. */
    static float fmaLoop(float seed) {
        FloatVector x = FloatVector.broadcast(S, 0.999999f);
        FloatVector y = FloatVector.broadcast(S, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(S, seed), a1 = a0.add(1f), a2 = a0.add(2f), a3 = a0.add(3f);
        FloatVector a4 = a0.add(4f), a5 = a0.add(5f), a6 = a0.add(6f), a7 = a0.add(7f);
        FloatVector a8 = a0.add(8f), a9 = a0.add(9f), a10 = a0.add(10f), a11 = a0.add(11f);
        FloatVector a12 = a0.add(12f), a13 = a0.add(13f), a14 = a0.add(14f), a15 = a0.add(15f);
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
            a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
            a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
            a12 = a12.fma(x, y); a13 = a13.fma(x, y); a14 = a14.fma(x, y); a15 = a15.fma(x, y);
        }
        FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
                .add(a8).add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15);
        return s.lane(0);
    }

    /**
     * The FP32 peak in GFLOP/s with {@code threads} threads running the FMA loop at the same time:
     * the median of {@code repetitions} timed rounds after warm-up rounds, summed over threads.
     */
    public static double measure(int threads, int repetitions) {
        return measureBoth(threads, repetitions)[0];
    }

    /**
     * {wall-clock peak, peak by each thread's CPU time} in GFLOP/s, medians as in {@link #measure}.
     * The second is what the threads reach while they have a core: it is not lowered by other
     * processes competing for the cores.
     */
    public static double[] measureBoth(int threads, int repetitions) {
        for (int w = 0; w < 3; w++) {
            sink += fmaLoop(w);
        }
        double[] wall = new double[repetitions];
        double[] cpu = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            double[] both = round(threads);
            wall[r] = both[0];
            cpu[r] = both[1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[repetitions / 2], cpu[repetitions / 2]};
    }

    private static volatile float sink;

    private static double[] round(int threads) {
        CyclicBarrier start = new CyclicBarrier(threads);
        long[] nanos = new long[threads];
        long[] cpuNanos = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long c0 = Timing.threadCpuNanos();
                long t0 = System.nanoTime();
                sink += fmaLoop(id);
                nanos[id] = System.nanoTime() - t0;
                cpuNanos[id] = Timing.threadCpuNanos() - c0;
            }, "peak-flops-" + t);
            workers[t].start();
        }
        double total = 0;
        double totalCpu = 0;
        for (int t = 0; t < threads; t++) {
            try {
                workers[t].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring peak FLOPS", e);
            }
            total += flopsPerLoop() / (double) nanos[t];
            totalCpu += flopsPerLoop() / (double) Math.max(1, cpuNanos[t]);
        }
        return new double[] {total, totalCpu};
    }

    /** The vector width used, in bits. */
    public static int vectorBits() {
        return S.vectorBitSize();
    }

    public static void main(String[] args) {
        System.out.printf("vector width %d bits%n", vectorBits());
        int max = Runtime.getRuntime().availableProcessors();
        for (int threads = 1; threads <= max; threads++) {
            double[] both = measureBoth(threads, 5);
            System.out.printf("peak FP32 with %d thread(s): %.1f GFLOP/s (by CPU time %.1f)%n", threads, both[0], both[1]);
        }
    }
}

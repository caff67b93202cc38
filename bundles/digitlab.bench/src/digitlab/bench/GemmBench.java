package digitlab.bench;

import java.util.List;
import java.util.SplittableRandom;

import digitlab.nn.internal.vector.VectorKernels;
import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.ReferenceKernels;

/**
 * GEMM microbenchmark: GFLOP/s of every product of a training step of the MLP (784-256-128-10)
 * and of the original network (784-28-28-10) at batch 1, 32, 64 and 256, for the reference and the
 * vector kernels on 1 and 2 threads (medians after warm-up, see {@link Timing}), plus the whole
 * step's products together, next to the machine's measured FP32 peak.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector digitlab.nn.internal.bench.GemmBench [--quick] [--no-reference]}
 */
public final class GemmBench {

    static final int[] MLP = {784, 256, 128, 10};
    static final int[] ORIGINAL = {784, 28, 28, 10};
    static final int[] BATCHES = {1, 32, 64, 256};

    private GemmBench() {
    }

    /** Operands for one shape, allocated once. */
    static final class Operands {
        final GemmShapes.Shape s;
        final float[] a, b, c;

        Operands(GemmShapes.Shape s, SplittableRandom rnd) {
            this.s = s;
            a = random(s.m() * s.k(), rnd);
            b = random(s.k() * s.n(), rnd);
            c = random(s.m() * s.n(), rnd);
        }

        void run(Kernels kernels) {
            int lda = s.transA() ? s.m() : s.k();
            int ldb = s.transB() ? s.k() : s.n();
            kernels.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), a, 0, lda, b, 0, ldb, s.accumulate(), c, 0, s.n());
        }

        private static float[] random(int size, SplittableRandom rnd) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = (float) (rnd.nextDouble() - 0.5) * 0.1f;
            }
            return x;
        }
    }

    /** Median GFLOP/s of one product: {wall clock, by the calling thread's CPU time}. */
    static double[] gflops(Operands ops, Kernels kernels, long warmup, int samples, long sampleNanos) {
        Timing.Result r = Timing.measure(() -> ops.run(kernels), warmup, samples, sampleNanos, false);
        return new double[] {ops.s.flops() / r.wallNanos(), ops.s.flops() / r.cpuNanos()};
    }

    /** Median GFLOP/s of all products of a training step, run back to back (total flops / total time). */
    static double stepGflops(List<Operands> step, Kernels kernels, long warmup, int samples, long sampleNanos) {
        return stepGflopsBoth(step, kernels, warmup, samples, sampleNanos)[0];
    }

    /** Like {@link #stepGflops}: {wall clock, by the calling thread's CPU time}. */
    static double[] stepGflopsBoth(List<Operands> step, Kernels kernels, long warmup, int samples, long sampleNanos) {
        double flops = 0;
        for (Operands o : step) {
            flops += o.s.flops();
        }
        Timing.Result r = Timing.measure(() -> {
            for (Operands o : step) {
                o.run(kernels);
            }
        }, warmup, samples, sampleNanos, false);
        return new double[] {flops / r.wallNanos(), flops / r.cpuNanos()};
    }

    /**
     * Runs every product of both networks at every batch size on every kernel set until a whole
     * pass stops getting faster (at most 20 s), so that all kernel code is compiled by C2 before
     * anything is timed (each measurement then needs only a short warm-up).
     */
    private static void prime(Kernels[] kernels, SplittableRandom rnd) {
        List<Runnable> work = new java.util.ArrayList<>();
        for (Kernels k : kernels) {
            for (int[] widths : new int[][] {MLP, ORIGINAL}) {
                for (int batch : BATCHES) {
                    for (GemmShapes.Shape s : GemmShapes.trainingStep(widths, batch)) {
                        Operands o = new Operands(s, rnd);
                        work.add(() -> o.run(k));
                    }
                }
            }
        }
        long start = System.nanoTime();
        double best = Double.MAX_VALUE;
        int stable = 0;
        while (System.nanoTime() - start < 20_000_000_000L && stable < 2) {
            double pass = KernelWarmup.pass(work, 1_000_000L);
            best = Math.min(best, pass);
            stable = pass <= 1.03 * best ? stable + 1 : 0;
        }
        System.out.printf("(JIT warm-up of all products: %.1f s)%n", (System.nanoTime() - start) / 1e9);
    }

    private static void print(double[] gflops, Kernels k) {
        System.out.print(k.threads() == 1 ? String.format(" %9.1f (%8.1f)", gflops[0], gflops[1])
                : String.format(" %20.1f", gflops[0]));
    }

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        boolean withReference = !List.of(args).contains("--no-reference");
        long warmup = quick ? 30_000_000L : 150_000_000L;
        int samples = quick ? 5 : 7;
        long sampleNanos = quick ? 2_000_000L : 5_000_000L;
        double[] peak1 = PeakFlops.measureBoth(1, 3);
        double[] peak2 = PeakFlops.measureBoth(2, 3);
        System.out.printf("FP32 peak (FMA loop): 1 thread %.1f GFLOP/s (by CPU time %.1f), 2 threads %.1f (by CPU time %.1f)%n",
                peak1[0], peak1[1], peak2[0], peak2[1]);
        System.out.println("GFLOP/s are medians of wall-clock time; for 1 thread, (by CPU time of the thread) beside them.");
        Kernels[] kernels = withReference
                ? new Kernels[] {new ReferenceKernels(1), new VectorKernels(1), new ReferenceKernels(2), new VectorKernels(2)}
                : new Kernels[] {new VectorKernels(1), new VectorKernels(2)};
        SplittableRandom rnd = new SplittableRandom(1);
        prime(kernels, rnd);
        for (int[] widths : new int[][] {MLP, ORIGINAL}) {
            String net = widths == MLP ? "MLP 784-256-128-10" : "original 784-28-28-10";
            System.out.printf("%n%s, GFLOP/s per product (median)%n%-28s", net, "product");
            for (Kernels k : kernels) {
                System.out.printf(" %20s", k.name());
            }
            System.out.println();
            for (int batch : BATCHES) {
                List<Operands> step = GemmShapes.trainingStep(widths, batch).stream().map(s -> new Operands(s, rnd)).toList();
                for (Operands o : step) {
                    System.out.printf("B=%-3d %-22s", batch, o.s.describe().replaceAll(" +", " "));
                    for (Kernels k : kernels) {
                        print(gflops(o, k, warmup / 4, samples, sampleNanos), k);
                    }
                    System.out.println();
                }
                System.out.printf("B=%-3d %-22s", batch, "whole step");
                for (Kernels k : kernels) {
                    print(stepGflopsBoth(step, k, warmup / 2, samples, sampleNanos), k);
                }
                System.out.println();
            }
        }
    }
}

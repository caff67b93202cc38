package digitlab.bench;

import digitlab.nn.Network;
import digitlab.nn.Preset;
import digitlab.nn.BatchBuffers;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The JIT warm-up before anything is timed. */
final class KernelWarmup {

    private KernelWarmup() {
    }

    /**
     * Runs every matrix product of the networks at every batch size, and single-image forward
     * passes, until a whole pass stops getting faster (at least 1 s, at most 15 s), so that the JIT
     * has compiled every kernel before anything is timed: before C2 compiles it, Vector API code
     * runs a hundred times slower, and on a busy machine compilations can wait in line for seconds.
     * Returns the seconds spent.
     */
    static double run(boolean quick, List<Preset> presets, int[] threads, int[] batches) {
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
            double pass = pass(work, 2_000_000L);
            best = Math.min(best, pass);
            stable = pass <= 1.03 * best ? stable + 1 : 0;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed > (quick ? 8 : 15) || (stable >= 2 && elapsed > (quick ? 0.5 : 1.0))) {
                return elapsed;
            }
        }
    }

    /**
     * One warm-up pass: runs each item for at least {@code itemNanos} and returns the sum of the items' times per
     * run (nanoseconds); passes are repeated until this score is stable, i.e. the JIT has compiled what they call.
     */
    static double pass(List<Runnable> work, long itemNanos) {
        double pass = 0;
        for (Runnable r : work) {
            long t0 = System.nanoTime();
            int runs = 0;
            do {
                r.run();
                runs++;
            } while (System.nanoTime() - t0 < itemNanos);
            pass += (System.nanoTime() - t0) / (double) runs;
        }
        return pass;
    }
}

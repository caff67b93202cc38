package digitlab.bench;

import digitlab.nn.Layer;
import digitlab.nn.Network;
import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerRegistry;
import digitlab.nn.Pass;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a training step's time goes, layer by layer: a preset's network run forward and backward on random
 * inputs with the layers called one by one (as {@code BatchBuffers} calls them; softmax fused with the
 * cross-entropy gradient), then the preset's optimizer step, each part timed. After a warm-up that lasts
 * until a step no longer allocates (compiled Vector API code) and the JIT is quiet, it times steps for the
 * given seconds and prints the mean per step of each part.
 *
 * <pre>
 *   java ... digitlab.bench.LayerTimes PRESET BATCH THREADS [SECONDS] [--wall]
 * </pre>
 * By default the parts are timed by the <b>CPU time of the calling thread</b>: what a part costs while it
 * has a core, the figure that stays meaningful on a busy machine, but which leaves out the other threads'
 * work (with 2 threads, use {@code --wall}: the wall clock, what the step waits for). Not part of
 * {@code ./digitlab bench}: a profiling aid whose figures are in bench/README.md (issue 18).
 */
public final class LayerTimes {

    private LayerTimes() {
    }

    /** Runs the measurement (see the class comment for the arguments). */
    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length < 3) {
            System.err.println("usage: LayerTimes PRESET BATCH THREADS [SECONDS] [--wall]");
            System.exit(2);
        }
        try {
            Class.forName(BenchmarkMain.CONV_REGISTRAR).getMethod("registerStandard").invoke(null);
        } catch (ClassNotFoundException e) {
            // no conv classes: the dense presets only
        }
        Preset preset = Presets.get(args[0]);
        int batch = Integer.parseInt(args[1]);
        Kernels kernels = KernelSelector.create(Integer.parseInt(args[2]));
        double seconds = args.length > 3 && !args[3].startsWith("--") ? Double.parseDouble(args[3]) : 5;
        boolean wall = Arrays.asList(args).contains("--wall");
        new LayerTimes().run(preset, batch, kernels, seconds, wall);
    }

    private void run(Preset preset, int batch, Kernels kernels, double seconds, boolean wall) {
        Network net = new Network(preset.architecture());
        List<Layer> layers = net.layers();
        int n = layers.size();
        float[][] acts = new float[n + 1][];
        float[][] grads = new float[n + 1][];
        float[][] scratch = new float[n][];
        acts[0] = new float[batch * net.inputSize()];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < acts[0].length; i++) acts[0][i] = random.nextFloat();
        for (int i = 0; i < n; i++) {
            int size = batch * layers.get(i).outputShape().size();
            acts[i + 1] = new float[size];
            grads[i + 1] = new float[size];
            scratch[i] = new float[layers.get(i).scratchSize(batch)];
        }
        float[] params = net.initialParameters(7);
        float[] g = new float[params.length];
        Optimizer optimizer = OptimizerRegistry.standard().create(preset.config().withBatchSize(batch)
                .withThreads(kernels.threads()), params.length);
        float[] mask = net.decayMask();
        Pass pass = new Pass(kernels);
        boolean fused = layers.get(n - 1).type().equals("softmax");
        // parts: forward of each layer, backward of each layer, zeroing the gradients, the optimizer step
        long[] part = new long[2 * n + 2];
        long start = System.nanoTime();
        long end = Long.MAX_VALUE;
        long allocated = Timing.threadAllocatedBytes();
        long compiled = Timing.compilationMillis();
        long stepWall = 0;
        long stepCpu = 0;
        int steps = 0;
        for (int step = 1; System.nanoTime() < end; step++) {
            long s = clock(wall);
            Arrays.fill(g, 0f);
            part[2 * n] += clock(wall) - s;
            pass.set(batch, true);
            for (int i = 0; i < n; i++) {
                s = clock(wall);
                pass.setSeed(i);
                layers.get(i).forward(pass, params, net.parameterOffset(i), acts[i], acts[i + 1], scratch[i]);
                part[i] += clock(wall) - s;
            }
            int classes = net.outputSize();
            if (fused) { // dL/dz = (p - onehot) / B, labels b mod classes
                for (int b = 0; b < batch; b++) {
                    for (int c = 0; c < classes; c++) grads[n - 1][b * classes + c] = acts[n][b * classes + c] / batch;
                    grads[n - 1][b * classes + b % classes] -= 1f / batch;
                }
            }
            for (int i = fused ? n - 2 : n - 1; i >= 0; i--) {
                s = clock(wall);
                pass.setSeed(i);
                layers.get(i).backward(pass, params, net.parameterOffset(i), acts[i], acts[i + 1], grads[i + 1],
                        i == 0 ? null : grads[i], g, scratch[i]);
                part[n + i] += clock(wall) - s;
            }
            s = clock(wall);
            optimizer.step(params, g, mask, 1e-5f);
            part[2 * n + 1] += clock(wall) - s;
            steps++;
            if (end == Long.MAX_VALUE && step % 10 == 0) { // warm until 10 steps allocate little and the JIT is quiet
                long nowAllocated = Timing.threadAllocatedBytes();
                long nowCompiled = Timing.compilationMillis();
                boolean warm = (nowAllocated - allocated) / 10 < 16 * 1024 && nowCompiled == compiled
                        && System.nanoTime() - start > 3_000_000_000L;
                allocated = nowAllocated;
                compiled = nowCompiled;
                if (warm || System.nanoTime() - start > 60_000_000_000L) {
                    Arrays.fill(part, 0);
                    steps = 0;
                    stepWall = System.nanoTime();
                    stepCpu = Timing.threadCpuNanos();
                    end = stepWall + (long) (seconds * 1e9);
                }
            }
        }
        double wallMicros = (System.nanoTime() - stepWall) / 1e3 / steps;
        double cpuMicros = (Timing.threadCpuNanos() - stepCpu) / 1e3 / steps;
        System.out.printf(Locale.ROOT, "%s, batch %d, %s, warm-up %.1f s, load average %.2f: %d steps, %.1f us per step"
                        + " (%,.0f samples/s), CPU time of this thread %.1f us per step (%,.0f samples/s)%n",
                preset.name(), batch, kernels.name(), (stepWall - start) / 1e9, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), steps, wallMicros,
                batch * 1e6 / wallMicros, cpuMicros, batch * 1e6 / cpuMicros);
        System.out.printf(Locale.ROOT, "per step, %s:%n", wall ? "wall clock" : "CPU time of this thread");
        for (int i = 0; i < n; i++) {
            System.out.printf(Locale.ROOT, "  %-48s forward %9.1f us  backward %9.1f us%n", layers.get(i).spec(),
                    part[i] / 1e3 / steps, part[n + i] / 1e3 / steps);
        }
        System.out.printf(Locale.ROOT, "  zeroing the gradients %.1f us, optimizer step %.1f us%n", part[2 * n] / 1e3 / steps,
                part[2 * n + 1] / 1e3 / steps);
    }

    private static long clock(boolean wall) {
        return wall ? System.nanoTime() : Timing.threadCpuNanos();
    }
}

package digitlab.data.mnist;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.preprocess.DigitPreprocessor;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A benchmark, not a test (no timed assertions): how long loading the embedded MNIST takes, in a fresh JVM and
 * warm, wall-clock and CPU; and how long preprocessing a 400x400 canvas drawing takes. Run with the classes
 * of digitlab.data, digitlab.data.mnist (and its {@code data/} folder) and this fragment on the class path:
 * {@code java -cp ... digitlab.data.mnist.MnistLoadBenchmark}.
 */
public final class MnistLoadBenchmark {

    private MnistLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int run = 0; run < 6; run++) {
            long cpu = cpuNanos();
            long t = System.nanoTime();
            ImageSet train = MnistDataset.load().part(Split.TRAIN);
            System.out.printf("MNIST load %s: %4.0f ms wall, %4.0f ms CPU (%d training images)%n",
                    run == 0 ? "(fresh JVM)" : "(warm)     ", (System.nanoTime() - t) / 1e6, (cpuNanos() - cpu) / 1e6,
                    train.size());
        }
        // a 400x400 canvas with an anti-aliased "7", as the digit canvas produces
        int n = 400;
        float[] canvas = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double top = Math.abs(y - 80) - 12;
                double stem = Math.abs((x - 300) + (y - 80) * 0.45) - 14;
                double d = Math.min(x >= 100 && x <= 300 ? top : 99, y >= 80 && y <= 340 ? stem : 99);
                canvas[y * n + x] = (float) Math.max(0, Math.min(1, 0.5 - d));
            }
        }
        DigitPreprocessor pre = new DigitPreprocessor();
        for (int i = 0; i < 3000; i++) {
            pre.process(canvas, n, n).orElseThrow();
        }
        long[] times = new long[2000];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            pre.process(canvas, n, n).orElseThrow();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf("preprocess a 400x400 canvas: median %.0f us, 90th percentile %.0f us%n",
                times[times.length / 2] / 1e3, times[times.length * 9 / 10] / 1e3);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

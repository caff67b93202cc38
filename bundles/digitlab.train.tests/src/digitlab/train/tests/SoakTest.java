package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.ModelSnapshot;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.core.runtime.IStatus;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The soak test, NOT part of the default run: only with {@code -Ddigitlab.soak.minutes=N} (see
 * {@code bench/soak.sh}). Trains runs back to back as Eclipse Jobs (a small MLP, one epoch on 6,000 MNIST
 * images each, a second run started halfway through every third one so two train side by side), while a
 * "canvas" thread predicts continuously from the newest snapshot; finished runs are deleted from the store, as
 * a user would. Every minute it samples heap-after-GC and the JVM's thread count and prints a table row; at
 * the end it asserts both stayed flat (generous bounds: +64 MB and +6 threads from the first sample).
 * Headless: the views are not open (the UI bundle's own tests cover their resources).
 */
class SoakTest {

    private Path dir;

    record Sample(double minute, int runs, long predictions, double heapMb, int threads) {
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * No test at all in a default run (an empty factory, so nothing is reported as passed without running);
     * one test of N minutes with {@code -Ddigitlab.soak.minutes=N}.
     */
    @TestFactory
    Stream<DynamicTest> soak() {
        double minutes = Double.parseDouble(System.getProperty("digitlab.soak.minutes", "0"));
        if (minutes <= 0) return Stream.empty();
        return Stream.of(DynamicTest.dynamicTest("training runs back to back for " + minutes + " minutes keep heap and threads flat",
                () -> trainingRunsBackToBackKeepHeapAndThreadsFlat(minutes)));
    }

    void trainingRunsBackToBackKeepHeapAndThreadsFlat(double minutes) throws Exception {
        dir = Files.createTempDirectory("digitlab-soak-");
        RunStore store = new RunStore(dir);
        TrainingRequest base = TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(128, 64)).trainingLimit(6000)
                .validationImages(1000).epochs(1).batchSize(64).threads(1).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong predictions = new AtomicLong();
        List<TrainingJob> current = new java.util.concurrent.CopyOnWriteArrayList<>();
        float[] input = new float[784];
        for (int i = 0; i < input.length; i++) input[i] = (i * 37 % 255) / 255f;
        Thread canvas = new Thread(() -> {
            while (!stop.get()) {
                for (TrainingJob j : current) {
                    ModelSnapshot s = j.latestSnapshot();
                    if (s != null) {
                        s.predict(input);
                        predictions.incrementAndGet();
                    }
                }
                try {
                    Thread.sleep(2); // a canvas guesses at most a few hundred times a second
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak canvas");
        canvas.setDaemon(true);
        canvas.start();

        long start = System.nanoTime();
        long deadline = start + (long) (minutes * 60e9);
        long nextSample = start;
        List<Sample> samples = new ArrayList<>();
        int runs = 0;
        int failures = 0;
        String header = String.format(Locale.ROOT, "%7s %6s %12s %14s %8s", "minute", "runs", "predictions", "heap-after-GC", "threads");
        System.out.println("soak: " + minutes + " minutes\n" + header);
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextSample) {
                Sample s = new Sample((System.nanoTime() - start) / 60e9, runs, predictions.get(), heapAfterGc() / 1e6,
                        ManagementFactory.getThreadMXBean().getThreadCount());
                samples.add(s);
                System.out.println(String.format(Locale.ROOT, "%7.1f %6d %12d %11.1f MB %8d", s.minute(), s.runs(),
                        s.predictions(), s.heapMb(), s.threads()));
                nextSample += TimeUnit.MINUTES.toNanos(1);
            }
            TrainingJob a = TrainingJob.start(store, base.toBuilder().seed(runs).build());
            current.add(a);
            a.schedule();
            TrainingJob b = null;
            if (runs % 3 == 2) {
                Thread.sleep(500);
                b = TrainingJob.start(store, base.toBuilder().seed(runs + 1000).build());
                current.add(b);
                b.schedule();
            }
            for (TrainingJob j : b == null ? List.of(a) : List.of(a, b)) {
                j.join(TimeUnit.MINUTES.toMillis(5), null);
                if (j.getResult() == null || j.getResult().getSeverity() != IStatus.OK) failures++;
                current.remove(j);
                store.delete(j.run().id());
                runs++;
            }
        }
        stop.set(true);
        canvas.join(5000);
        Sample last = new Sample((System.nanoTime() - start) / 60e9, runs, predictions.get(), heapAfterGc() / 1e6,
                ManagementFactory.getThreadMXBean().getThreadCount());
        samples.add(last);
        StringBuilder table = new StringBuilder(header).append('\n');
        for (Sample s : samples) {
            table.append(String.format(Locale.ROOT, "%7.1f %6d %12d %11.1f MB %8d%n", s.minute(), s.runs(), s.predictions(), s.heapMb(), s.threads()));
        }
        System.out.println("soak result (" + runs + " runs, " + failures + " not OK):\n" + table);
        String report = System.getProperty("digitlab.soak.report");
        if (report != null) Files.writeString(Path.of(report), table.toString());
        Sample first = samples.get(Math.min(1, samples.size() - 1)); // after the first minute's warm-up
        assertTrue(failures == 0, failures + " runs did not complete");
        assertTrue(last.heapMb() <= first.heapMb() + 64, "heap after GC grew: " + first.heapMb() + " -> " + last.heapMb() + " MB");
        assertTrue(last.threads() <= first.threads() + 6, "threads grew: " + first.threads() + " -> " + last.threads());
        try (var left = Files.list(dir)) {
            assertTrue(left.filter(p -> !p.getFileName().toString().startsWith(".")).count() == 0, "deleted runs left folders");
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

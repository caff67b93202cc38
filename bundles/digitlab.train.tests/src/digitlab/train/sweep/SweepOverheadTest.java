package digitlab.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import digitlab.train.TrainingSetting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's measurement: what the sweep machinery costs per run. The same {@value #POINTS} one-epoch requests (the
 * mlp preset, {@value #IMAGES} training images, 1,000 validation images, one thread, seeds 1..N) are trained
 * <ul>
 * <li>directly: one {@link TrainingSession} after the other in this thread (what N {@code digitlab train} calls do,
 * without their JVM starts), and</li>
 * <li>as a sweep: {@link SweepRunner} with parallel 1 (a run made when its point starts, a {@code TrainingJob} per
 * point, listeners, sweep.json written after every change, the lock),</li>
 * </ul>
 * interleaved ({@value #PAIRS} pairs, medians) so a busy shared machine hurts both alike. The overhead per run is the
 * difference of the wall times divided by N; also timed: one write of a sweep.json of N points. Figures go to
 * bench/README.md, "Sweeps (issue 17)".
 */
// A timing, so not part of the default run: -Ddigitlab.measure.sweeps=true (command in bench/README.md).
@EnabledIfSystemProperty(named = "digitlab.measure.sweeps", matches = "true")
class SweepOverheadTest {

    private static final int POINTS = 16;
    private static final int IMAGES = 2_000;
    private static final int PAIRS = 3;

    @TempDir
    Path dir;

    @Test
    void theSweepMachineryCostsLittlePerRun() throws IOException {
        TrainingRequest base = TrainingRequest.forPreset("mlp").toBuilder().epochs(1).trainingLimit(IMAGES)
                .validationImages(1000).threads(1).build();
        StringBuilder seeds = new StringBuilder();
        for (int i = 1; i <= POINTS; i++) seeds.append(i > 1 ? "," : "").append(i);
        SweepSpec spec = SweepSpec.builder(base).axis(SweepAxis.parse(TrainingSetting.SEED, seeds.toString())).build();
        List<Map<TrainingSetting, Object>> points = spec.points();

        direct(spec, points, dir.resolve("warm-up")); // JIT, the dataset's cache
        List<Double> direct = new ArrayList<>(), swept = new ArrayList<>(), trainedDirect = new ArrayList<>(),
                trainedSwept = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            long t0 = System.nanoTime();
            double trained = direct(spec, points, dir.resolve("direct-" + pair));
            direct.add((System.nanoTime() - t0) / 1e9);
            trainedDirect.add(trained);

            SweepStore store = SweepStore.beside(new RunStore(dir.resolve("sweep-" + pair).resolve("runs")));
            String id = store.create(spec).id();
            t0 = System.nanoTime();
            SweepRecord r = new SweepRunner(store).run(id, null);
            swept.add((System.nanoTime() - t0) / 1e9);
            assertEquals(SweepStatus.COMPLETED, r.status(), r.message());
            trainedSwept.add(r.points().stream().mapToDouble(SweepPoint::seconds).sum());
        }
        SweepStore store = SweepStore.beside(new RunStore(dir.resolve("writes").resolve("runs")));
        SweepRecord r = store.create(spec);
        int writes = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < writes; i++) store.write(r);
        double writeMs = (System.nanoTime() - t0) / 1e6 / writes;

        double d = median(direct), s = median(swept);
        System.out.printf(Locale.ROOT, "sweep overhead: %d one-epoch runs of %,d images: direct %s s (median %.2f), sweep %s s"
                        + " (median %.2f); training time direct %.2f s, sweep %.2f s; overhead %.1f ms per run;"
                        + " one sweep.json write (%d points) %.2f ms%n", POINTS, IMAGES, direct, d, swept, s,
                median(trainedDirect), median(trainedSwept), 1000 * (s - d) / POINTS, POINTS, writeMs);
    }

    /** Trains the points one after the other; returns the sum of their training times. */
    private static double direct(SweepSpec spec, List<Map<TrainingSetting, Object>> points, Path runs) throws IOException {
        RunStore store = new RunStore(runs);
        double trained = 0;
        for (int i = 0; i < points.size(); i++) {
            RunOutcome o = TrainingSession.start(store, spec.request(i, points.get(i))).execute(null, null);
            assertEquals(RunStatus.COMPLETED, o.status(), o.message());
            trained += o.seconds();
        }
        return trained;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}

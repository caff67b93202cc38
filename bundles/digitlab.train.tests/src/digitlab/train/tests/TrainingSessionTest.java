package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.SplitPolicy;
import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.io.ModelFormat;
import digitlab.train.BatchPoint;
import digitlab.train.Datasets;
import digitlab.train.EpochPoint;
import digitlab.train.MetricHistory;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingListener;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import digitlab.train.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on small slices of the real MNIST (a few hundred images, one or two epochs). */
class TrainingSessionTest {

    @TempDir
    Path dir;

    /** A quick request: a small MLP on the first {@code limit} MNIST training images. */
    static TrainingRequest small(int limit, int epochs) {
        return TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(32)).trainingLimit(limit).epochs(epochs)
                .batchSize(20).validationImages(200).threads(1).seed(5).build();
    }

    @Test
    void aCompletedRunKeepsEverything() throws IOException {
        RunStore store = new RunStore(dir);
        TrainingSession s = TrainingSession.start(store, small(600, 1));
        List<String> events = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        s.addListener(new TrainingListener() {
            @Override public void started(Run run, MetricHistory h) { events.add("started"); }
            @Override public void batch(Run run, BatchPoint p) {
                events.add("batch");
                threads.add(Thread.currentThread().getName());
            }
            @Override public void epoch(Run run, EpochPoint p) { events.add("epoch"); }
            @Override public void snapshot(Run run, Model m) { events.add("snapshot"); }
            @Override public void finished(Run run, RunOutcome o) { events.add("finished"); }
        });
        RunOutcome o = s.execute(null, null);
        assertEquals(RunStatus.COMPLETED, o.status(), o.message());
        assertEquals(1, o.epochsCompleted());
        assertNotNull(o.evaluation());
        assertEquals(10_000, o.evaluation().size());
        assertTrue(o.evaluation().accuracy() > 0.3, "600 images give far better than chance (0.1): " + o.evaluation().accuracy());

        assertEquals("started", events.get(0));
        assertEquals("finished", events.get(events.size() - 1));
        assertEquals(3, events.stream().filter("batch"::equals).count(), "30 batches, a point every 10");
        assertTrue(events.contains("epoch") && events.contains("snapshot"));
        assertTrue(threads.stream().allMatch(t -> t.startsWith("digitlab training events")), threads.toString());

        Run run = s.run();
        RunInfo info = run.info();
        assertEquals(RunStatus.COMPLETED, info.status());
        assertEquals(o.evaluation().accuracy(), info.testAccuracy());
        assertTrue(info.architecture().contains("dense(units=32"), info.architecture());
        MetricHistory h = run.history();
        assertEquals(3, h.batches().size());
        assertEquals(1, h.epochs().size());
        assertEquals(30, h.epochs().get(0).step());
        assertTrue(run.evaluation().isPresent());
        Model m = run.loadModel();
        assertEquals("mnist", m.metadata().datasetId());
        assertEquals(o.evaluation().accuracy(), m.metadata().metrics().get("test_accuracy"));
        assertThrows(IllegalStateException.class, () -> s.execute(null, null));
    }

    @Test
    void cancellationAtRandomMomentsLeavesALoadableModel() throws IOException {
        RunStore store = new RunStore(dir);
        Random random = new Random(42);
        for (int trial = 0; trial < 4; trial++) {
            int stopAfter = random.nextInt(45); // 2 epochs of 30 batches: anywhere in the first one and a half
            AtomicInteger asked = new AtomicInteger();
            TrainingSession s = TrainingSession.start(store, small(600, 2));
            RunOutcome o = s.execute(() -> asked.incrementAndGet() > stopAfter, null);
            assertEquals(RunStatus.CANCELLED, o.status(), o.message());
            Run run = s.run();
            assertEquals(RunStatus.CANCELLED, run.info().status());
            assertTrue(run.info().canResume());
            Model m = ModelFormat.load(run.modelFile());
            float[] p = m.snapshot().parameters();
            for (float v : p) assertTrue(Float.isFinite(v));
            assertEquals(stopAfter, m.snapshot().step(), "the model is that of the last completed batch");
            assertEquals(stopAfter, CheckpointFormat.load(run.checkpointFile()).optimizerSteps());
            float[] out = m.predictPixels(new float[784]);
            assertEquals(10, out.length);
        }
    }

    @Test
    void aResumedRunEqualsAnUninterruptedOne() throws IOException {
        RunStore store = new RunStore(dir);
        TrainingRequest r = small(400, 2);
        RunOutcome straight = TrainingSession.start(store, r).execute(null, null);
        assertEquals(RunStatus.COMPLETED, straight.status());

        TrainingSession first = TrainingSession.start(store, r);
        AtomicInteger asked = new AtomicInteger();
        assertEquals(RunStatus.CANCELLED, first.execute(() -> asked.incrementAndGet() > 27, null).status());
        Run run = first.run();
        RunOutcome resumed = TrainingSession.resume(run).execute(null, null);
        assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());

        assertArrayEquals(ModelFormat.load(straight.model()).snapshot().parameters(),
                run.loadModel().snapshot().parameters(), "bit-identical to the uninterrupted run");
        assertEquals(straight.evaluation().accuracy(), resumed.evaluation().accuracy());

        MetricHistory h = run.history();
        MetricHistory reference = store.open(straight.model().getParent().getFileName().toString()).history();
        List<Long> steps = h.batches().stream().map(BatchPoint::step).toList();
        assertEquals(reference.batches().stream().map(BatchPoint::step).toList(), steps, "no gap, no repeat");
        assertEquals(List.of(10L, 20L, 30L, 40L), steps);
        assertEquals(List.of(1, 2), h.epochs().stream().map(EpochPoint::epoch).toList());
        for (int e = 0; e < 2; e++) {
            assertEquals(reference.epochs().get(e).trainLoss(), h.epochs().get(e).trainLoss(), 1e-12);
            assertEquals(reference.epochs().get(e).validationAccuracy(), h.epochs().get(e).validationAccuracy());
        }
        assertTrue(h.epochs().get(1).elapsedSeconds() >= h.epochs().get(0).elapsedSeconds());
        assertThrows(IllegalStateException.class, () -> TrainingSession.resume(run), "a completed run cannot be resumed");
    }

    @Test
    void aFullDiskEndsTheRunWhichThenResumesWithoutGap() throws IOException {
        RunStore store = new RunStore(dir);
        TrainingRequest r = small(400, 3);
        RunOutcome straight = TrainingSession.start(store, r).execute(null, null);
        MetricHistory reference = store.open(straight.model().getParent().getFileName().toString()).history();

        // The second epoch's save fails as on a full disk: the run stops with the disk's message.
        AtomicInteger historyWrites = new AtomicInteger();
        AtomicFiles.faultInjector = target -> {
            if (target.getFileName().toString().equals(Run.HISTORY_FILE) && historyWrites.incrementAndGet() >= 2) {
                throw new IOException(target + ": No space left on device (simulated)");
            }
        };
        TrainingSession broken = TrainingSession.start(store, r);
        RunOutcome failed;
        try {
            failed = broken.execute(null, null);
        } finally {
            AtomicFiles.faultInjector = null;
        }
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.message().contains("No space left on device"), failed.message());
        Run run = broken.run();
        assertEquals(RunStatus.FAILED, run.info().status());
        assertTrue(run.info().canResume());
        assertEquals(20, run.loadModel().snapshot().step(), "the last good model: after epoch 1");

        RunOutcome resumed = TrainingSession.resume(run).execute(null, null);
        assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
        assertArrayEquals(ModelFormat.load(straight.model()).snapshot().parameters(),
                run.loadModel().snapshot().parameters());
        assertEquals(reference.batches().stream().map(BatchPoint::step).toList(),
                run.history().batches().stream().map(BatchPoint::step).toList());
        assertEquals(List.of(1, 2, 3), run.history().epochs().stream().map(EpochPoint::epoch).toList());
    }

    @Test
    void aNaNLossStopsTheRunWithAClearMessage() throws IOException {
        RunStore store = new RunStore(dir);
        // Three ReLU layers and plain SGD at the highest rate allowed: the activations overflow within a few batches.
        TrainingRequest r = small(600, 2).toBuilder().hiddenLayers(List.of(64, 64, 64)).optimizer("sgd")
                .learningRate(1000).build();
        RunOutcome o = TrainingSession.start(store, r).execute(null, null);
        assertEquals(RunStatus.DIVERGED, o.status(), o.message());
        assertTrue(Pattern.matches("loss became (NaN|infinite) at epoch \\d+, batch \\d+; try a lower learning rate.*", o.message()),
                o.message());
        Run run = store.open(o.model().getParent().getFileName().toString());
        assertEquals(RunStatus.DIVERGED, run.info().status());
        assertEquals(o.message(), run.info().message());
        Model last = run.loadModel();
        for (float v : last.snapshot().parameters()) assertTrue(Float.isFinite(v), "the last good model is kept");
        assertThrows(IllegalStateException.class, () -> TrainingSession.resume(run));
    }

    @Test
    void anUnknownDatasetIsRefusedBeforeARunIsCreated() {
        RunStore store = new RunStore(dir);
        TrainingRequest r = small(100, 1).toBuilder().dataset("idx:" + dir.resolve("nothing-here")).build();
        // The folder does not exist: the run fails with a message naming it, and keeps no model.
        try {
            RunOutcome o = TrainingSession.start(store, r).execute(null, null);
            assertEquals(RunStatus.FAILED, o.status());
            assertTrue(o.message().contains("nothing-here"), o.message());
        } catch (IOException | IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("nothing-here"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.start(store, small(100, 1).toBuilder().dataset("no-such-set").build()));
    }

    @Test
    void aBlockedListenerDoesNotHoldUpTraining() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingSession s = TrainingSession.start(store, small(400, 1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        s.addListener(new TrainingListener() {
            @Override public void batch(Run run, BatchPoint p) {
                calls.incrementAndGet();
                try {
                    release.await(60, TimeUnit.SECONDS); // a view that hangs on its first update
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicReference<RunOutcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> outcome.set(s.execute(null, null)));
        t.start();
        // Training reaches its end (the epoch point is recorded) while the listener is still stuck in call 1.
        for (int i = 0; i < 6000 && s.history().epochs().isEmpty(); i++) Thread.sleep(10);
        assertEquals(1, s.history().epochs().size(), "training finished its epoch");
        assertEquals(1, calls.get(), "the listener is still blocked in its first call");
        release.countDown();
        t.join();
        assertEquals(RunStatus.COMPLETED, outcome.get().status());
        assertEquals(2, calls.get(), "queued events are delivered after the listener returns: 20 batches, 2 points");
    }

    /** Fashion-MNIST's class names (digitlab.data.fashion), for a dataset that is not digits. */
    static final List<String> FASHION_LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's images under other class names and another id: a run on it must not be labelled as digits. */
    record Relabelled(String id, List<String> classNames, Dataset images) implements Dataset, DatasetProvider {
        @Override public String displayName() { return "relabelled " + images.displayName(); }
        @Override public int imageWidth() { return images.imageWidth(); }
        @Override public int imageHeight() { return images.imageHeight(); }
        @Override public ImageSet part(Split split) { return images.part(split); }
        @Override public SplitPolicy splitPolicy() { return images.splitPolicy(); }
        @Override public Dataset withSplitPolicy(SplitPolicy p) { return new Relabelled(id, classNames, images.withSplitPolicy(p)); }
        @Override public Dataset load() { return this; }
    }

    @Test
    void theLiveModelCarriesTheRunsDatasetAndLabels() throws Exception {
        Relabelled fashion = new Relabelled("fashion-test", FASHION_LABELS, Datasets.load("mnist", -1));
        Datasets.registry().register(fashion);
        try {
            TrainingSession s = TrainingSession.start(new RunStore(dir), small(400, 1).toBuilder().dataset(fashion.id()).build());
            List<Model> live = new CopyOnWriteArrayList<>();
            s.addListener(new TrainingListener() {
                @Override public void snapshot(Run run, Model m) { live.add(m); }
            });
            RunOutcome o = s.execute(null, null);
            assertEquals(RunStatus.COMPLETED, o.status(), o.message());
            assertTrue(live.size() >= 2, "live models: " + live.size());
            for (Model m : live) {
                assertEquals("fashion-test", m.metadata().datasetId());
                assertEquals(FASHION_LABELS, m.metadata().classLabels());
            }
            assertSame(live.get(live.size() - 1).snapshot(), s.latestModel().snapshot(), "one model object, kept once");
            assertEquals(FASHION_LABELS, s.latestModel().metadata().classLabels());
            assertEquals(FASHION_LABELS, s.run().loadModel().metadata().classLabels());
        } finally {
            Datasets.registry().unregister(fashion.id());
        }
    }

    @Test
    void snapshotsAreNewObjects() throws IOException {
        RunStore store = new RunStore(dir);
        List<ModelSnapshot> snaps = new CopyOnWriteArrayList<>();
        TrainingSession s = TrainingSession.start(store, small(400, 1));
        s.addListener(new TrainingListener() {
            @Override public void snapshot(Run run, Model m) { snaps.add(m.snapshot()); }
        });
        s.execute(null, null);
        assertTrue(snaps.size() >= 2, "snapshots: " + snaps.size());
        assertNotSame(snaps.get(0), snaps.get(snaps.size() - 1));
        assertTrue(snaps.get(0).step() < snaps.get(snaps.size() - 1).step());
    }
}

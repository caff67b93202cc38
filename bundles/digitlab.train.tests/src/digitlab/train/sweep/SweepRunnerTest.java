package digitlab.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.EpochPoint;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import digitlab.train.TrainingSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps that train: small MLPs on a few hundred MNIST images, one or two epochs a run. */
class SweepRunnerTest {

    @TempDir
    Path dir;

    /** A quick base request: 16 hidden units, {@code limit} training images, 200 for validation, one thread. */
    static TrainingRequest small(int limit, int epochs) {
        return TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(16)).trainingLimit(limit).epochs(epochs)
                .batchSize(20).validationImages(200).threads(1).seed(5).build();
    }

    SweepStore store() {
        return SweepStore.beside(new RunStore(dir.resolve("runs")));
    }

    @Test
    void aTwoByTwoGridMakesFourOrdinaryRunsWithTheRightSettings() throws IOException {
        SweepStore store = store();
        SweepSpec spec = SweepSpec.builder(small(600, 1)).axis(SweepAxis.parse(TrainingSetting.LEARNING_RATE, "0.003,0.01"))
                .axis(SweepAxis.parse(TrainingSetting.HIDDEN_LAYERS, "8 16,8")).parallel(2).build();
        String id = store.create(spec).id();
        SweepRunner runner = new SweepRunner(store);
        List<String> events = new CopyOnWriteArrayList<>();
        runner.addListener(new SweepListener() {
            @Override public void sweepStarted(SweepRecord s) { events.add("started " + s.status()); }
            @Override public void pointQueued(SweepRecord s, SweepPoint p) { events.add("queued " + p.index()); }
            @Override public void pointStarted(SweepRecord s, SweepPoint p, TrainingJob j) { events.add("start " + p.index()); }
            @Override public void pointEpoch(SweepRecord s, SweepPoint p, EpochPoint e) { events.add("epoch " + p.index()); }
            @Override public void pointFinished(SweepRecord s, SweepPoint p) { events.add("end " + p.index() + " " + p.state()); }
            @Override public void sweepFinished(SweepRecord s) { events.add("finished " + s.status()); }
        });
        SweepRecord r = runner.run(id, null);

        assertEquals(SweepStatus.COMPLETED, r.status(), r.message());
        assertEquals(4, r.count(PointState.COMPLETED));
        List<RunInfo> runs = store.runs().list();
        assertEquals(4, runs.size(), "one ordinary run per point");
        double[] lrs = {0.003, 0.003, 0.01, 0.01};
        List<List<Integer>> layers = List.of(List.of(8), List.of(16, 8), List.of(8), List.of(16, 8));
        for (SweepPoint p : r.points()) {
            Run run = store.runs().open(p.runId());
            TrainingRequest req = run.request();
            assertEquals(lrs[p.index()], req.learningRate(), "point " + p.index());
            assertEquals(layers.get(p.index()), req.hiddenLayers(), "point " + p.index());
            assertEquals(1, req.epochs());
            assertEquals(RunStatus.COMPLETED, run.info().status());
            assertEquals(run.info().validationAccuracy(), p.validationAccuracy());
            assertEquals(run.info().testAccuracy(), p.testAccuracy());
            assertTrue(p.validationAccuracy() > 0.2, "better than chance (0.1): " + p.validationAccuracy());
        }
        SweepPoint best = r.best().orElseThrow();
        assertTrue(r.points().stream().allMatch(p -> p.validationAccuracy() <= best.validationAccuracy()));
        assertEquals(r, store.open(id), "the record on disk is what the runner returned");
        assertEquals("started RUNNING", events.get(0));
        assertEquals(List.of("queued 0", "queued 1", "queued 2", "queued 3"), events.subList(1, 5));
        assertEquals("finished COMPLETED", events.get(events.size() - 1));
        for (int i = 0; i < 4; i++) {
            assertTrue(events.indexOf("start " + i) < events.indexOf("epoch " + i), events.toString());
            assertTrue(events.indexOf("epoch " + i) < events.indexOf("end " + i + " COMPLETED"), events.toString());
        }
        String csv = r.toCsv();
        assertEquals(5, csv.lines().count(), csv);
        assertTrue(csv.startsWith("point,run,state,learningRate,hiddenLayers,epochs,"), csv);
        assertTrue(csv.contains(",completed,0.01,\"16,8\",1,"), csv);
    }

    @Test
    void cancelKeepsFinishedRunsLeavesNoHalfWrittenRunAndResumeFinishes() throws IOException {
        SweepStore store = store();
        // 3 epochs: the cancel (from the listener, on its own thread) comes long before the second point could finish.
        SweepSpec spec = SweepSpec.builder(small(2000, 3)).axis(SweepAxis.parse(TrainingSetting.LEARNING_RATE, "0.002,0.004,0.006,0.008")).build();
        String id = store.create(spec).id();
        SweepRunner runner = new SweepRunner(store);
        runner.addListener(new SweepListener() {
            @Override
            public void pointEpoch(SweepRecord s, SweepPoint p, EpochPoint e) {
                if (p.index() == 1 && e.epoch() == 1) runner.cancel(); // in the middle of the second point
            }
        });
        SweepRecord r = runner.run(id, null);

        assertEquals(SweepStatus.CANCELLED, r.status());
        assertTrue(r.canResume());
        assertEquals(PointState.COMPLETED, r.points().get(0).state());
        SweepPoint second = r.points().get(1);
        assertTrue(second.state() == PointState.CANCELLED || second.state() == PointState.COMPLETED, second.toString());
        for (int i = 2; i < 4; i++) {
            assertEquals(PointState.PENDING, r.points().get(i).state(), "not started");
            assertNull(r.points().get(i).runId(), "no run for a point never started");
        }
        // Every run of the store is a point's, whole and readable: completed, or cancelled with model and checkpoint.
        List<RunInfo> runs = store.runs().list();
        assertEquals(2, runs.size());
        for (RunInfo info : runs) {
            assertTrue(info.status() == RunStatus.COMPLETED || info.status() == RunStatus.CANCELLED, info.toString());
            Run run = store.runs().open(info.id());
            assertTrue(info.hasModel(), info.toString());
            assertNotNull(run.loadModel());
            assertTrue(run.history().epochs().size() >= 1);
            if (info.status() == RunStatus.CANCELLED) assertTrue(info.hasCheckpoint() && info.canResume(), info.toString());
        }
        assertEquals(List.of(), leftovers(dir), "no temporary file is left");

        SweepRecord resumed = new SweepRunner(store).run(id, null);
        assertEquals(SweepStatus.COMPLETED, resumed.status(), resumed.message());
        assertEquals(4, resumed.count(PointState.COMPLETED));
        assertEquals(r.points().get(0).runId(), resumed.points().get(0).runId(), "a finished point is kept as it was");
        assertEquals(second.runId(), resumed.points().get(1).runId(), "the cancelled point's run is resumed, not made again");
        assertEquals(4, store.runs().list().size());
        assertEquals(3, store.runs().open(second.runId()).history().epochs().size());
    }

    @Test
    void aRestartedLabResumesTheQueueWhereItStopped() throws IOException {
        SweepStore store = store();
        SweepSpec spec = SweepSpec.builder(small(300, 1)).axis(SweepAxis.parse(TrainingSetting.LEARNING_RATE, "0.003,0.01,0.03")).build();
        SweepRecord made = store.create(spec);
        // What a lab closed in the middle leaves: point 1 done, point 2 stopped mid-run (a checkpoint), point 3 not started,
        // and a sweep.json that still says RUNNING.
        RunOutcome done = TrainingSession.start(store.runs(), spec.request(0, made.points().get(0).settings())).execute(null, null);
        Run first = store.runs().open(done.model().getParent().getFileName().toString());
        TrainingSession second = TrainingSession.start(store.runs(), spec.request(1, made.points().get(1).settings()));
        AtomicInteger batches = new AtomicInteger();
        assertEquals(RunStatus.CANCELLED, second.execute(() -> batches.incrementAndGet() > 7, null).status());
        List<SweepPoint> points = new ArrayList<>(made.points());
        points.set(0, points.get(0).started(first.id()).ended(PointState.COMPLETED, done.message(), 1, done.seconds(),
                done.evaluation().accuracy()));
        points.set(1, points.get(1).started(second.run().id()));
        store.write(new SweepRecord(made.id(), made.name(), made.created(), made.updated(), SweepStatus.RUNNING, "",
                spec, points, 3.0));
        FileTime firstModel = Files.getLastModifiedTime(first.modelFile());

        SweepRecord found = store.open(made.id());
        assertEquals(SweepStatus.INTERRUPTED, found.status(), "RUNNING with no program holding it");
        assertEquals(List.of(made.id()), store.interrupted().stream().map(SweepRecord::id).toList());

        SweepRecord r = new SweepRunner(store).run(made.id(), null);
        assertEquals(SweepStatus.COMPLETED, r.status(), r.message());
        assertEquals(3, r.count(PointState.COMPLETED));
        assertEquals(first.id(), r.points().get(0).runId());
        assertEquals(firstModel, Files.getLastModifiedTime(first.modelFile()), "the finished run is not trained again");
        assertEquals(second.run().id(), r.points().get(1).runId(), "the stopped run is resumed");
        assertEquals(List.of(10L, 15L), store.runs().open(second.run().id()).history().batches().stream()
                .map(b -> b.step()).toList(), "its history goes on without a gap, as in a run never stopped");
        assertEquals(3, store.runs().list().size(), "one new run, for the point not started");
        assertTrue(r.seconds() > 3.0, "the time of both sessions");
        assertEquals(List.of(), store.interrupted());
    }

    @Test
    void earlyStoppingStopsADivergingLearningRateAsStoppedEarlyNotFailed() throws Exception {
        SweepStore store = store();
        SweepSpec spec = SweepSpec.builder(small(600, 2)).axis(SweepAxis.parse(TrainingSetting.LEARNING_RATE, "0.01,50"))
                .earlyStopping(EarlyStopping.DEFAULT).build();
        String id = store.create(spec).id();
        SweepJob job = SweepJob.of(store, id);
        List<Integer> stopped = new CopyOnWriteArrayList<>();
        job.runner().addListener(new SweepListener() {
            @Override public void pointStoppedEarly(SweepRecord s, SweepPoint p) { stopped.add(p.index()); }
        });
        job.schedule();
        job.join();
        SweepRecord r = job.result();
        assertNotNull(r, String.valueOf(job.getResult()));
        assertEquals(SweepStatus.COMPLETED, r.status(), r.message());
        assertTrue(job.getResult().isOK(), job.getResult().toString());

        SweepPoint good = r.points().get(0), wild = r.points().get(1);
        assertEquals(PointState.COMPLETED, good.state());
        assertEquals(PointState.STOPPED_EARLY, wild.state(), wild.message());
        assertEquals(List.of(1), stopped);
        assertEquals(1, wild.epochsCompleted(), "stopped at the first rung, after epoch 1");
        assertTrue(wild.message().startsWith("stopped early after epoch 1 of 2: validation accuracy"), wild.message());
        assertTrue(wild.rungs().get(1) < 0.3 && good.rungs().get(1) > 0.5, wild.rungs() + " " + good.rungs());
        RunInfo info = store.runs().open(wild.runId()).info();
        assertEquals(RunStatus.STOPPED_EARLY, info.status(), "a status of its own, not failed, not diverged");
        assertEquals(wild.message(), info.message());
        assertTrue(info.canResume() && info.hasModel() && info.hasCheckpoint(), info.toString());
        assertEquals(0, r.best().orElseThrow().index());
        assertTrue(r.rule().contains("after epoch 1"), r.rule());
    }

    @Test
    void aSweepRunsInOneProgramAtATime() throws Exception {
        SweepStore store = store();
        String id = store.create(SweepSpec.builder(small(2000, 2)).axis(SweepAxis.parse(TrainingSetting.SEED, "1,2")).build()).id();
        SweepJob job = SweepJob.of(store, id);
        job.schedule();
        while (job.runner().jobs().isEmpty() && job.getState() != org.eclipse.core.runtime.jobs.Job.NONE) Thread.sleep(20);
        assertEquals(SweepStatus.RUNNING, store.open(id).status());
        assertThrows(IllegalStateException.class, () -> new SweepRunner(store).run(id, null));
        assertThrows(IllegalStateException.class, () -> store.delete(id));
        assertTrue(SweepJob.all().contains(job));
        job.cancel();
        job.join();
        assertEquals(SweepStatus.CANCELLED, store.open(id).status());
        assertTrue(job.getResult().matches(org.eclipse.core.runtime.IStatus.CANCEL));
    }

    /** Temporary files of atomic writes left anywhere under {@code root}. */
    static List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
        }
    }
}

package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.io.ModelFormat;
import digitlab.train.BatchPoint;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingListener;
import digitlab.train.TrainingRequest;
import digitlab.train.internal.ThreadBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {

    @TempDir
    Path dir;

    @Test
    void aJobTrainsAndBelongsToTheFamily() throws Exception {
        TrainingJob job = TrainingJob.start(new RunStore(dir), TrainingSessionTest.small(400, 1));
        assertTrue(job.belongsTo(TrainingJob.FAMILY));
        job.schedule();
        assertTrue(List.of(Job.getJobManager().find(TrainingJob.FAMILY)).contains(job) || job.getResult() != null);
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        assertTrue(job.getResult().getMessage().startsWith("trained 1 epoch; test accuracy"), job.getResult().getMessage());
        assertEquals(RunStatus.COMPLETED, job.outcome().status());
        assertNotNull(job.latestSnapshot());
        assertEquals(1, job.history().epochs().size());
        assertTrue(TrainingJob.all().isEmpty());
    }

    @Test
    void aListenerAddedAfterTheRunEndedIsToldHowItEndedOnce() throws Exception {
        TrainingJob job = TrainingJob.start(new RunStore(dir), TrainingSessionTest.small(400, 1));
        List<RunOutcome> early = new CopyOnWriteArrayList<>();
        job.addListener(new TrainingListener() {
            @Override
            public void finished(Run run, RunOutcome outcome) {
                early.add(outcome);
            }
        });
        job.schedule();
        job.join();
        List<RunOutcome> late = new CopyOnWriteArrayList<>();
        job.addListener(new TrainingListener() {
            @Override
            public void finished(Run run, RunOutcome outcome) {
                late.add(outcome);
            }
        });
        assertEquals(List.of(job.outcome()), late, "told at once, on the adding thread");
        for (int i = 0; i < 100 && early.isEmpty(); i++) Thread.sleep(20); // the queued event's thread
        assertEquals(List.of(job.outcome()), early, "the listener added before the run heard it once");
        assertEquals(RunStatus.COMPLETED, late.get(0).status());
    }

    @Test
    void cancellingFromAListenerStopsWithinABatch() throws Exception {
        TrainingJob job = TrainingJob.start(new RunStore(dir), TrainingSessionTest.small(600, 3));
        job.addListener(new TrainingListener() {
            @Override
            public void batch(Run run, BatchPoint p) {
                job.cancel();
            }
        });
        job.schedule();
        job.join();
        assertSame(Status.CANCEL_STATUS, job.getResult());
        assertEquals(RunStatus.CANCELLED, job.run().info().status());
        long step = ModelFormat.load(job.run().modelFile()).snapshot().step();
        // The listener runs on its own thread, so training may go on a few batches before it calls cancel();
        // from then on the next batch boundary stops it (TrainingSessionTest checks "exactly at the boundary").
        assertTrue(step >= 10 && step < 90, "stopped after the first batch point, long before the end: step " + step);
    }

    @Test
    void twoRunsSideBySideShareTheCores() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingRequest r = TrainingSessionTest.small(400, 1).toBuilder().threads(64).build();
        TrainingJob a = TrainingJob.start(store, r);
        TrainingJob b = TrainingJob.start(store, r.toBuilder().seed(6).build());
        a.schedule();
        b.schedule();
        Job.getJobManager().join(TrainingJob.FAMILY, null);
        assertEquals(IStatus.OK, a.getResult().getSeverity(), a.getResult().getMessage());
        assertEquals(IStatus.OK, b.getResult().getSeverity(), b.getResult().getMessage());
        assertEquals(ThreadBudget.shared().total(), ThreadBudget.shared().free(), "all threads given back");
        assertEquals(2, store.list().size());
    }

    @Test
    void aDivergedRunEndsWithAWarningThatSaysWhatToDo() throws IOException, InterruptedException {
        TrainingRequest r = TrainingSessionTest.small(600, 1).toBuilder().hiddenLayers(List.of(64, 64, 64))
                .optimizer("sgd").learningRate(1000).build();
        TrainingJob job = TrainingJob.start(new RunStore(dir), r);
        job.schedule();
        job.join();
        IStatus s = job.getResult();
        assertEquals(IStatus.WARNING, s.getSeverity());
        assertEquals(TrainingJob.DIVERGED, s.getCode());
        assertTrue(s.getMessage().contains("try a lower learning rate"), s.getMessage());
        assertEquals(null, s.getException());
    }
}

package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {

    @TempDir
    Path dir;

    @Test
    void aJobTrainsAndBelongsToTheFamily() throws Exception {
        TrainingJob job = TrainingJob.start(new RunStore(dir), TrainingSessionTest.small(400, 1));
        assertTrue(job.belongsTo(TrainingJob.FAMILY));
        job.schedule(60_000); // asleep until woken: the job manager must list it under the family meanwhile
        assertTrue(List.of(Job.getJobManager().find(TrainingJob.FAMILY)).contains(job),
                "the job manager finds the scheduled job by its family");
        job.wakeUp();
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
        ThreadBudget budget = ThreadBudget.shared();
        assumeTrue(budget.total() >= 2, "two runs side by side need two cores");
        int half = budget.total() / 2;
        RunStore store = new RunStore(dir);
        TrainingRequest r = TrainingSessionTest.small(400, 1).toBuilder().threads(half).build();
        TrainingJob a = TrainingJob.start(store, r);
        TrainingJob b = TrainingJob.start(store, r.toBuilder().seed(6).build());
        // Each job's monitor is asked "cancelled?" on its training thread before its first batch (with cores
        // free, never before). There both wait for each other: they meet only if both train at once; at that
        // moment each holds its share of the budget.
        CyclicBarrier bothTraining = new CyclicBarrier(2);
        List<String> met = new CopyOnWriteArrayList<>();
        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return new NullProgressMonitor() {
                    boolean arrived;

                    @Override
                    public boolean isCanceled() {
                        if (!arrived && (job == a || job == b)) {
                            arrived = true;
                            try {
                                bothTraining.await(60, TimeUnit.SECONDS);
                                met.add((job == a ? "a" : "b") + " met the other; free threads " + budget.free());
                            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                                met.add((job == a ? "a" : "b") + " trained alone");
                                bothTraining.reset();
                            }
                        }
                        return super.isCanceled();
                    }
                };
            }
        });
        try {
            a.schedule();
            b.schedule();
            Job.getJobManager().join(TrainingJob.FAMILY, null);
        } finally {
            Job.getJobManager().setProgressProvider(null);
        }
        assertEquals(IStatus.OK, a.getResult().getSeverity(), a.getResult().getMessage());
        assertEquals(IStatus.OK, b.getResult().getSeverity(), b.getResult().getMessage());
        String both = "free threads " + (budget.total() - 2 * half);
        assertEquals(2, met.size(), met.toString());
        assertTrue(met.stream().allMatch(m -> m.endsWith(both)), met + ": both trained at once, each on its share");
        assertEquals(budget.total(), budget.free(), "all threads given back");
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

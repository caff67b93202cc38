package digitlab.train.sweep;

import digitlab.train.TrainingJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

/**
 * A sweep as an Eclipse {@link Job}: runs a {@link SweepRunner} in the background. It belongs to {@link #FAMILY}, and
 * it makes one progress group ({@code IJobManager.createProgressGroup()}, "Sweep NAME", one tick per point) that it
 * and every point's {@link TrainingJob} join: the Progress view shows one entry for the sweep with its runs under it.
 * Cancelling this job cancels the sweep (finished runs are kept, running ones stop with a checkpoint); cancelling one
 * point's job cancels that point only (resuming the sweep continues it).
 *
 * <pre>
 * SweepRecord made = SweepStore.workspace().create(spec);      // InvalidRequestException naming the setting
 * SweepJob job = SweepJob.of(SweepStore.workspace(), made.id());
 * job.runner().addListener(mySweepView);                        // live points, off the UI thread
 * job.schedule();
 * ...
 * for (SweepRecord r : SweepStore.workspace().interrupted()) ...  // after a restart: ask, then SweepJob.of(store, r.id()).schedule()
 * </pre>
 *
 * The result: OK with the sweep's summary when completed, CANCEL when cancelled, ERROR with the message when the
 * sweep could not run (a broken sweep.json, already running elsewhere).
 */
public final class SweepJob extends Job {

    /** The family of all sweep jobs, for {@code IJobManager.find/cancel/join}. */
    public static final Object FAMILY = "digitlab.train.sweep.SweepJob";

    private final SweepStore store;
    private final String sweepId;
    private final SweepRunner runner;
    private final IProgressMonitor group;
    private volatile SweepRecord result;

    private SweepJob(SweepStore store, SweepRecord sweep) {
        super("Sweep " + sweep.name());
        this.store = store;
        this.sweepId = sweep.id();
        this.runner = new SweepRunner(store);
        setPriority(LONG);
        group = Job.getJobManager().createProgressGroup();
        group.beginTask("Sweep " + sweep.name(), Math.max(1, sweep.points().size()));
        runner.setProgressGroup(group);
        setProgressGroup(group, 0);
        addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                group.done();
            }
        });
    }

    /**
     * A job that runs (or resumes) sweep {@code id} of {@code store}; not yet scheduled.
     *
     * @throws IOException naming the id or the file when there is no such sweep or its file is broken
     */
    public static SweepJob of(SweepStore store, String id) throws IOException {
        return new SweepJob(store, store.open(id));
    }

    /** The sweep jobs that are waiting, sleeping or running now. */
    public static List<SweepJob> all() {
        List<SweepJob> out = new ArrayList<>();
        for (Job j : Job.getJobManager().find(FAMILY)) if (j instanceof SweepJob s) out.add(s);
        return out;
    }

    /** The sweep's id. */
    public String sweepId() {
        return sweepId;
    }

    /** The store it belongs to. */
    public SweepStore store() {
        return store;
    }

    /** The runner: listeners, the running points' jobs, the record as it stands. */
    public SweepRunner runner() {
        return runner;
    }

    /** The sweep as it ended, or null while it runs. */
    public SweepRecord result() {
        return result;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected void canceling() {
        runner.cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            SweepRecord r = runner.run(sweepId, monitor);
            result = r;
            return r.status() == SweepStatus.CANCELLED ? Status.CANCEL_STATUS
                    : new Status(IStatus.OK, TrainingJob.PLUGIN_ID, r.message());
        } catch (IOException | RuntimeException e) {
            return new Status(IStatus.ERROR, TrainingJob.PLUGIN_ID, "sweep " + sweepId + ": " + e.getMessage());
        } finally {
            monitor.done();
        }
    }
}

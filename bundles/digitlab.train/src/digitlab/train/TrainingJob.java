package digitlab.train;

import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A training run as an Eclipse {@link Job}: shows in the Progress view and status bar (one unit of work
 * per batch; the sub-task says epoch, batch, loss, speed and ETA), stops within one batch when cancelled
 * (the run keeps the model of the last completed batch and can be resumed), and belongs to
 * {@link #FAMILY} so the UI can find and cancel all runs.
 *
 * <pre>
 * TrainingJob job = TrainingJob.start(RunStore.workspace(), request);   // IOException, InvalidRequestException
 * job.addListener(myChartUpdater);                                        // live metrics, off the UI thread
 * job.schedule();
 * ...
 * Job.getJobManager().cancel(TrainingJob.FAMILY);                         // cancel all runs
 * </pre>
 *
 * The job's result: {@link Status#OK_STATUS}-like OK with the outcome message when completed (or stopped early by
 * a rule, {@link TrainingSession#setEarlyStop}),
 * {@link Status#CANCEL_STATUS} when cancelled, WARNING with code {@link #DIVERGED} when the loss diverged,
 * ERROR with code {@link #FAILED} (a clear message, no exception) when it failed. {@link #outcome()} has details.
 * Several jobs may run at once: they share the machine's cores (a run waits while others hold them all).
 */
public final class TrainingJob extends Job {

    /** The family of all training jobs, for {@code IJobManager.find/cancel/join}. */
    public static final Object FAMILY = "digitlab.train.TrainingJob";

    /** Plug-in id for statuses. */
    public static final String PLUGIN_ID = "digitlab.train";

    /** Status code of a run stopped because its loss became NaN or infinite. */
    public static final int DIVERGED = 2;

    /** Status code of a run stopped by an error. */
    public static final int FAILED = 1;

    /** Progress-monitor updates at most this often (nanoseconds), so the UI is not flooded. */
    private static final long UPDATE_NANOS = 150_000_000L;

    private final TrainingSession session;
    private volatile RunOutcome outcome;

    /** A job that executes {@code session} (not yet scheduled). */
    public TrainingJob(TrainingSession session) {
        super("Training " + session.request().displayName());
        this.session = session;
        setPriority(LONG);
        // A job cancelled while it still waits never reaches run(): record the cancel on the run.
        addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                if (outcome == null && event.getResult() != null
                        && event.getResult().getSeverity() == IStatus.CANCEL) {
                    RunOutcome o = session.cancelBeforeStart();
                    if (o != null) outcome = o;
                }
            }
        });
    }

    /**
     * A job for a new run of {@code request} in {@code store} (not yet scheduled).
     *
     * @throws InvalidRequestException naming the first bad field
     * @throws IOException             when the run folder cannot be created
     */
    public static TrainingJob start(RunStore store, TrainingRequest request) throws IOException {
        return new TrainingJob(TrainingSession.start(store, request));
    }

    /**
     * A job that continues {@code run} from its last checkpoint (not yet scheduled).
     *
     * @throws IllegalStateException when the run cannot be resumed (the message says why)
     */
    public static TrainingJob resume(Run run) throws IOException {
        return new TrainingJob(TrainingSession.resume(run));
    }

    /** The training jobs that are waiting, sleeping or running now. */
    public static List<TrainingJob> all() {
        List<TrainingJob> out = new ArrayList<>();
        for (Job j : Job.getJobManager().find(FAMILY)) if (j instanceof TrainingJob t) out.add(t);
        return out;
    }

    /** The session (its run, request, live history and snapshot). */
    public TrainingSession session() {
        return session;
    }

    /** The run being trained. */
    public Run run() {
        return session.run();
    }

    /** The newest model snapshot, or null before training starts. Safe from any thread. */
    public ModelSnapshot latestSnapshot() {
        return session.latestSnapshot();
    }

    /** The newest model with its metadata (see {@link TrainingSession#latestModel()}). Safe from any thread. */
    public Model latestModel() {
        return session.latestModel();
    }

    /** The metric history so far. Safe from any thread. */
    public MetricHistory history() {
        return session.history();
    }

    /** How the run ended, or null while it has not. */
    public RunOutcome outcome() {
        return outcome;
    }

    /**
     * Adds a listener for live metrics (see {@link TrainingListener}). Add it before {@link #schedule()} to hear
     * every event; one added after the run ended is told {@code finished} at once.
     */
    public void addListener(TrainingListener l) {
        session.addListener(l);
    }

    /** Removes a listener. */
    public void removeListener(TrainingListener l) {
        session.removeListener(l);
    }

    /** See {@link TrainingSession#setEarlyStop}; call before {@link #schedule()}. */
    public void setEarlyStop(EarlyStop rule) {
        session.setEarlyStop(rule);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            RunOutcome o = session.execute(monitor::isCanceled, new MonitorProgress(monitor));
            outcome = o;
            return switch (o.status()) {
                case COMPLETED, STOPPED_EARLY -> new Status(IStatus.OK, PLUGIN_ID, o.message());
                case CANCELLED -> Status.CANCEL_STATUS;
                case DIVERGED -> new Status(IStatus.WARNING, PLUGIN_ID, DIVERGED, o.message(), null);
                default -> new Status(IStatus.ERROR, PLUGIN_ID, FAILED, o.message(), null);
            };
        } finally {
            monitor.done();
        }
    }

    /** Session progress -> progress monitor: work per batch, a sub-task line, at a bounded rate. */
    private static final class MonitorProgress implements TrainingSession.Progress {
        private final IProgressMonitor monitor;
        private long lastUpdate;
        private int unreported;

        MonitorProgress(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void phase(String text) {
            monitor.subTask(text);
        }

        @Override
        public void begin(int totalBatches, int doneBatches) {
            monitor.beginTask("Training", totalBatches);
            if (doneBatches > 0) monitor.worked(doneBatches);
        }

        @Override
        public void batch(int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond, double eta) {
            unreported++;
            long now = System.nanoTime();
            if (now - lastUpdate < UPDATE_NANOS && batch < batches) return;
            lastUpdate = now;
            monitor.worked(unreported);
            unreported = 0;
            monitor.subTask(String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d, loss %.4f, %,.0f samples/s, %s",
                    epoch, epochs, batch, batches, loss, samplesPerSecond, eta(eta)));
        }

        private static String eta(double seconds) {
            if (Double.isNaN(seconds)) return "ETA --";
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "ETA %d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "ETA %d:%02d", s / 60, s % 60);
        }
    }
}

package digitlab.train.sweep;

import digitlab.train.EpochPoint;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingListener;
import digitlab.train.TrainingRequest;
import digitlab.train.internal.ListenerDispatcher;
import digitlab.train.internal.ThreadBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

/**
 * Runs a sweep of a {@link SweepStore} in the calling thread: queues its points as ordinary {@link TrainingJob}s (each
 * point one run of the run store, openable, comparable and resumable like any other), {@link SweepSpec#parallel} at a
 * time, each with at most its share of the machine's cores ({@code cores / parallel}, at least 1; a run beyond the
 * cores waits for one), applies the early-stopping rule at the rungs, and writes sweep.json after every change.
 *
 * <p>{@link #run} starts a new sweep and resumes an interrupted or cancelled one alike: points done for good
 * (completed, stopped early, diverged, failed) stay; a point whose run was cancelled or interrupted resumes its run
 * from the last checkpoint; a pending point gets a new run. Early-stopping decisions already taken stand, and the
 * values recorded at the rungs are compared with the new ones.
 *
 * <p>{@link #cancel} (or the monitor's cancel) starts no further point and cancels the running ones through the
 * runs' own cancel (each stops within a batch and keeps a checkpoint: status cancelled, resumable); finished runs are
 * kept; a run cancelled before it trained anything is removed and its point is pending again.
 *
 * <p>For the workbench, {@link SweepJob} runs this in a job with a progress group; the command line calls it directly.
 */
public final class SweepRunner {

    private final SweepStore store;
    private final ListenerDispatcher<SweepListener> listeners;
    private final Object lock = new Object();
    private final Map<Integer, TrainingJob> running = new LinkedHashMap<>();
    private volatile boolean cancelled;
    /** Whether {@link #run} was called (once per runner: its listeners' thread ends with it). */
    private boolean used;
    private volatile IProgressMonitor group;
    /** The sweep as it stands; guarded by {@link #lock}. */
    private SweepRecord record;
    private Rungs rungs;
    private long startNanos;
    private double secondsBefore;
    private IProgressMonitor monitor = new NullProgressMonitor();
    /** Points ended on other threads, not yet told to the monitor (only the runner's thread calls the monitor). */
    private int unreported;

    /** A runner for sweeps of {@code store}. */
    public SweepRunner(SweepStore store) {
        this.store = Objects.requireNonNull(store);
        this.listeners = new ListenerDispatcher<>("digitlab sweep events");
    }

    /** Adds a listener (see {@link SweepListener} for the thread). Add it before {@link #run} to hear every event. */
    public void addListener(SweepListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    /** Removes a listener. */
    public void removeListener(SweepListener l) {
        listeners.remove(l);
    }

    /**
     * The progress group the points' jobs join ({@code Job.setProgressGroup(group, 1)}: one tick per point), or null
     * for none. Set before {@link #run}; {@link SweepJob} sets its own.
     */
    public void setProgressGroup(IProgressMonitor group) {
        this.group = group;
    }

    /** Stops the sweep: no further point starts, running points are cancelled. Returns at once; {@link #run} returns when they have stopped. */
    public void cancel() {
        cancelled = true;
        synchronized (lock) {
            for (TrainingJob j : running.values()) j.cancel();
            lock.notifyAll();
        }
    }

    /** Whether {@link #cancel} was called (or the monitor was cancelled). */
    public boolean isCancelled() {
        return cancelled;
    }

    /** The sweep as it stands now, or null before {@link #run} has read it. */
    public SweepRecord record() {
        synchronized (lock) {
            return record;
        }
    }

    /** The jobs of the points running now, in the order they started. */
    public List<TrainingJob> jobs() {
        synchronized (lock) {
            return new ArrayList<>(running.values());
        }
    }

    /**
     * Runs (or resumes) sweep {@code id} until every point is done or it is cancelled; once per runner.
     *
     * @param monitor one unit of work per point left; its cancel cancels the sweep; may be null
     * @return the sweep as it ended (status completed, cancelled or failed)
     * @throws java.nio.file.NoSuchFileException naming the id when there is no such sweep
     * @throws IOException                       when its file is broken or cannot be written at the start
     * @throws IllegalStateException             when a program runs the sweep already, or this runner ran before
     */
    public SweepRecord run(String id, IProgressMonitor monitor) throws IOException {
        synchronized (lock) {
            if (used) throw new IllegalStateException("a runner runs one sweep once; make a new runner to resume it");
            used = true;
        }
        if (monitor != null) this.monitor = monitor;
        SweepRecord r = store.open(id);
        if (!SweepLock.acquire(store.directory(id))) throw new IllegalStateException("sweep '" + id + "' is running already");
        try {
            return runLocked(r);
        } finally {
            SweepLock.release(store.directory(id));
            listeners.close(10);
        }
    }

    private SweepRecord runLocked(SweepRecord r) throws IOException {
        startNanos = System.nanoTime();
        secondsBefore = r.seconds();
        Deque<SweepPoint> queue = new ArrayDeque<>();
        for (SweepPoint p : r.points()) if (!p.state().isFinal()) queue.add(p);
        synchronized (lock) {
            rungs = new Rungs(r.spec(), r.points());
            record = new SweepRecord(r.id(), r.name(), r.created(), Instant.now(), SweepStatus.RUNNING, "", r.spec(),
                    r.points(), r.seconds());
            store.write(record); // the one write whose failure stops the sweep before anything is trained
        }
        SweepRecord started = record();
        listeners.fire(l -> l.sweepStarted(started));
        for (SweepPoint p : queue) listeners.fire(l -> l.pointQueued(started, p));
        monitor.beginTask(r.name(), queue.size());
        int parallel = Math.max(1, r.spec().parallel());
        synchronized (lock) {
            while (true) {
                if (monitor.isCanceled() && !cancelled) cancel();
                while (!cancelled && running.size() < parallel && !queue.isEmpty()) start(queue.poll(), parallel);
                if (unreported > 0) {
                    monitor.worked(unreported);
                    unreported = 0;
                    monitor.subTask(progressText());
                }
                if (running.isEmpty() && (queue.isEmpty() || cancelled)) break;
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                }
            }
            SweepRecord now = record;
            SweepStatus end = !now.hasWorkLeft() ? SweepStatus.COMPLETED : SweepStatus.CANCELLED;
            change(end, end == SweepStatus.CANCELLED ? "cancelled: " + now.summary() + "; resume it to continue" : now.summary());
        }
        monitor.done();
        SweepRecord done = record();
        listeners.fire(l -> l.sweepFinished(done));
        return done;
    }

    // ---------------------------------------------------------------- one point (called holding the lock)

    private void start(SweepPoint p, int parallel) {
        TrainingJob job;
        try {
            job = jobFor(p, parallel);
        } catch (IOException | RuntimeException e) {
            point(p.ended(PointState.FAILED, "could not start: " + e.getMessage(), p.epochsCompleted(), p.seconds(),
                    Double.NaN));
            monitor.worked(1);
            return;
        }
        if (job == null) return; // its run had finished already: recorded from the run
        int index = p.index();
        SweepPoint startedPoint = point(p.started(job.run().id()));
        job.addListener(new TrainingListener() {
            @Override
            public void epoch(Run run, EpochPoint e) {
                synchronized (lock) {
                    SweepPoint now = point(record.points().get(index).epoch(e));
                    SweepRecord snapshot = record;
                    listeners.fire(l -> l.pointEpoch(snapshot, now, e));
                }
            }
        });
        if (rungs != null && record.spec().earlyStopping() != null) job.setEarlyStop((run, e) -> rung(index, e));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                finished(index, job);
            }
        });
        IProgressMonitor g = group;
        if (g != null) job.setProgressGroup(g, 1);
        running.put(index, job);
        SweepRecord snapshot = record;
        listeners.fire(l -> l.pointStarted(snapshot, startedPoint, job));
        monitor.subTask(progressText());
        job.schedule();
    }

    /** The job of point {@code p}: its run resumed, or a new run; null when its run had ended already. */
    private TrainingJob jobFor(SweepPoint p, int parallel) throws IOException {
        Run run = null;
        if (p.runId() != null) {
            try {
                run = store.runs().open(p.runId());
            } catch (IOException e) {
                run = null; // deleted: the point starts again
            }
        }
        if (run != null) {
            RunInfo info = run.info();
            if (info.canResume()) return TrainingJob.resume(run);
            if (info.status() != RunStatus.CANCELLED && info.status() != RunStatus.INTERRUPTED && info.status().isFinished()) {
                // It ended while the sweep did not hear of it (the program ended right after): take its end.
                point(p.ended(PointState.of(info.status()), info.message(), info.epochsCompleted(), info.seconds(),
                        info.testAccuracy()));
                monitor.worked(1);
                return null;
            }
        }
        TrainingRequest request = record.spec().request(p.index(), p.settings());
        int share = Math.max(1, ThreadBudget.shared().total() / parallel);
        request = request.toBuilder().threads(Math.min(request.threads(), share)).build();
        return TrainingJob.start(store.runs(), request);
    }

    /** The early-stopping rule at the end of an epoch of point {@code index} (on its training thread). */
    private String rung(int index, EpochPoint e) {
        Rungs.Decision d = rungs.at(index, e);
        if (d == null) return null;
        synchronized (lock) {
            point(record.points().get(index).rung(d.epoch(), d.value()));
        }
        return d.stopReason();
    }

    /** A point's job is done (run or cancelled before it ran). */
    private void finished(int index, TrainingJob job) {
        RunOutcome o = job.outcome();
        if (o == null) o = job.session().cancelBeforeStart();
        synchronized (lock) {
            running.remove(index);
            SweepPoint p = record.points().get(index);
            Run run = job.run();
            if (o == null || o.status() == RunStatus.CANCELLED && o.epochsCompleted() == 0
                    && !Files.isRegularFile(run.modelFile())) {
                // Nothing was trained: no half-made run is left behind; the point is pending again.
                try {
                    store.runs().delete(run.id());
                } catch (IOException | RuntimeException e) {
                    System.getLogger(SweepRunner.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot remove the empty run " + run.id() + ": " + e.getMessage());
                }
                p = point(p.reset());
            } else {
                double test = o.evaluation() != null ? o.evaluation().accuracy() : Double.NaN;
                PointState s = PointState.of(o.status());
                p = point(p.ended(s, o.message(), o.epochsCompleted(), o.seconds(), test));
                if (s.isFinal()) unreported++;
            }
            SweepRecord snapshot = record;
            SweepPoint ended = p;
            if (ended.state() == PointState.STOPPED_EARLY) listeners.fire(l -> l.pointStoppedEarly(snapshot, ended));
            listeners.fire(l -> l.pointFinished(snapshot, ended));
            lock.notifyAll();
        }
    }

    // ---------------------------------------------------------------- the record (called holding the lock)

    /** Replaces a point in the record and saves it; returns the point. */
    private SweepPoint point(SweepPoint p) {
        List<SweepPoint> points = new ArrayList<>(record.points());
        points.set(p.index(), p);
        record = new SweepRecord(record.id(), record.name(), record.created(), Instant.now(), record.status(),
                record.message(), record.spec(), points, seconds());
        save();
        return p;
    }

    private void change(SweepStatus status, String message) {
        record = new SweepRecord(record.id(), record.name(), record.created(), Instant.now(), status, message,
                record.spec(), record.points(), seconds());
        save();
    }

    private void save() {
        try {
            store.write(record);
        } catch (IOException e) {
            // The runs go on (their own files are intact); the next change writes the record again.
            System.getLogger(SweepRunner.class.getName()).log(System.Logger.Level.WARNING,
                    "sweep " + record.id() + ": cannot save: " + e.getMessage());
        }
    }

    private double seconds() {
        return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    private String progressText() {
        StringBuilder sb = new StringBuilder(record.summary());
        if (!running.isEmpty()) {
            sb.append("; training");
            for (int i : running.keySet()) sb.append(" #").append(i + 1);
        }
        return sb.toString();
    }
}

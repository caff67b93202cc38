package digitlab.ui;

import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.eclipse.ui.progress.UIJob;

/**
 * The lab's one idiom for background work started from the workbench: the work runs in a platform
 * {@link Job} off the UI thread, and its result is delivered on the UI thread by a {@link UIJob}.
 *
 * <pre>{@code
 * loading = ViewJob.of("Loading dataset " + id, monitor -> Datasets.load(id))
 *         .whenDone(dataset -> show(dataset))             // UI thread
 *         .whenFailed(e -> status.setText(e.getMessage())) // UI thread
 *         .schedule(getSite(), table);                    // the view shows busy while it runs
 * ...
 * loading.cancel();                                       // e.g. in dispose(), or when a newer request replaces it
 * }</pre>
 *
 * <p>What the idiom guarantees:
 * <ul>
 * <li><b>Nothing heavy on the UI thread</b>: {@link Work#run} runs in a worker thread; only the
 * {@code whenDone}/{@code whenFailed} consumers run on the UI thread, and they should only touch widgets.</li>
 * <li><b>No result after dispose</b>: the consumers are skipped when the {@code owner} control is
 * disposed, or the display is (the {@link UIJob}'s own guard).</li>
 * <li><b>Cancel means no result</b>: after {@link #cancel()} neither consumer runs, even when the work
 * had already finished and its delivery was waiting for the UI thread (so "newest request wins" is just:
 * cancel the old one, start a new one). A work that sees {@code monitor.isCanceled()} may return anything.</li>
 * <li><b>The view shows busy</b>: with a site, the job is scheduled through the site's
 * {@link IWorkbenchSiteProgressService}, which shows the view busy while it runs (its title in
 * italics). Without a site (handlers, dialogs) it is scheduled plainly.</li>
 * <li><b>Failures are shown once</b>: an exception of the work goes to {@code whenFailed}; without a
 * {@code whenFailed} it becomes the job's error status, which the platform reports and logs.</li>
 * </ul>
 * For a stream of requests where only the newest counts (a guess per pen move, a picture per resize),
 * {@link Latest} runs one job at a time and drops the waiting ones a newer request replaces.
 *
 * <p>Events that arrive on other threads (listeners of runs and models) reach the UI thread through
 * {@link #inUi(Control, Runnable)}, the same {@link UIJob} delivery without background work.
 *
 * @param <T> the result of the work
 */
public final class ViewJob<T> {

    /** Background work that computes a result; may throw, may check {@code monitor} for cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        /** Computes the result in a worker thread (never the UI thread). */
        T run(IProgressMonitor monitor) throws Exception;
    }

    private final String name;
    private final Work<T> work;
    private Consumer<? super T> done = t -> { };
    private Consumer<? super Exception> failed;
    private boolean system = true;
    private int priority = Job.LONG;
    private Object family;
    private ISchedulingRule rule;
    private volatile boolean cancelled;
    private Job background;
    private UIJob delivery;

    private ViewJob(String name, Work<T> work) {
        this.name = Objects.requireNonNull(name);
        this.work = Objects.requireNonNull(work);
    }

    /** Background work named {@code name} (the name the Progress view shows for a user job). */
    public static <T> ViewJob<T> of(String name, Work<T> work) {
        return new ViewJob<>(name, work);
    }

    /** What to do with the result, on the UI thread (skipped after dispose or cancel). */
    public ViewJob<T> whenDone(Consumer<? super T> onUiThread) {
        done = Objects.requireNonNull(onUiThread);
        return this;
    }

    /** What to do when the work throws, on the UI thread (skipped after dispose or cancel). */
    public ViewJob<T> whenFailed(Consumer<? super Exception> onUiThread) {
        failed = Objects.requireNonNull(onUiThread);
        return this;
    }

    /**
     * Shows the job in the Progress view, where the user can follow and cancel it (work that takes
     * seconds: an evaluation, a file import); by default jobs are system jobs, which only show the view busy.
     */
    public ViewJob<T> inProgressView() {
        system = false;
        return this;
    }

    /** The job's priority ({@link Job#INTERACTIVE} for work the user waits for keystroke by keystroke). */
    public ViewJob<T> priority(int jobPriority) {
        priority = jobPriority;
        return this;
    }

    /** A scheduling rule: jobs with conflicting rules run one after the other. */
    public ViewJob<T> rule(ISchedulingRule schedulingRule) {
        rule = schedulingRule;
        return this;
    }

    /** The family {@link Job#belongsTo} answers true for (tests wait for families). */
    public ViewJob<T> family(Object jobFamily) {
        family = jobFamily;
        return this;
    }

    /**
     * Starts the work.
     *
     * @param site  the view's site, whose progress service shows the view busy; null outside a view
     * @param owner the control whose disposal drops the result (the view's or dialog's control)
     * @return this, to {@link #cancel()} later
     */
    public ViewJob<T> schedule(IWorkbenchPartSite site, Control owner) {
        if (background != null) throw new IllegalStateException("ViewJob " + name + " is already scheduled");
        Display display = owner.getDisplay();
        background = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return compute(monitor, display, owner);
            }

            @Override
            public boolean belongsTo(Object f) {
                return family != null && family == f;
            }
        };
        background.setSystem(system);
        background.setPriority(priority);
        background.setRule(rule);
        IWorkbenchSiteProgressService progress = site == null ? null : site.getService(IWorkbenchSiteProgressService.class);
        if (progress != null) progress.schedule(background);
        else background.schedule();
        return this;
    }

    /** Cancels the work (if still running) and the delivery of its result: no consumer runs after this. */
    public void cancel() {
        cancelled = true;
        Job b = background;
        if (b != null) b.cancel();
        UIJob d = delivery;
        if (d != null) d.cancel();
    }

    /** The platform job doing the work (null before {@link #schedule}); for joining in tests. */
    public Job job() {
        return background;
    }

    private IStatus compute(IProgressMonitor monitor, Display display, Control owner) {
        T result;
        try {
            result = work.run(monitor);
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            if (cancelled || monitor.isCanceled()) return Status.CANCEL_STATUS;
            if (failed == null) return Status.error(name + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
            deliver(display, owner, () -> failed.accept(e));
            return Status.OK_STATUS;
        }
        if (cancelled || monitor.isCanceled()) return Status.CANCEL_STATUS;
        deliver(display, owner, () -> done.accept(result));
        return Status.OK_STATUS;
    }

    private void deliver(Display display, Control owner, Runnable onUiThread) {
        UIJob d = new Delivery(display, owner, name, () -> {
            if (!cancelled) onUiThread.run();
        });
        delivery = d;
        if (!cancelled) d.schedule();
    }

    /**
     * Runs {@code onUiThread} on the UI thread of {@code owner} as soon as it is free, unless
     * {@code owner} is (or becomes, meanwhile) disposed. Callable from any thread; this is how events
     * from runs and models reach a view. Heavy work does not belong in {@code onUiThread}.
     */
    public static void inUi(Control owner, Runnable onUiThread) {
        Display display;
        try {
            display = owner.getDisplay(); // callable from any thread; throws once the owner is disposed
        } catch (SWTException disposed) {
            return;
        }
        new Delivery(display, owner, "Updating the view", onUiThread).schedule();
    }

    /**
     * Newest request wins: {@link #schedule} cancels the previous job of this {@code Latest} (a waiting
     * one never starts, a running one finishes but delivers nothing) and runs one job at a time, so a
     * burst of requests never builds a queue or runs side by side. UI thread.
     */
    public static final class Latest implements ISchedulingRule {

        private ViewJob<?> last;

        /** Cancels the previous request's job and schedules {@code job} (see {@link ViewJob#schedule}). */
        public <T> ViewJob<T> schedule(ViewJob<T> job, IWorkbenchPartSite site, Control owner) {
            cancel();
            last = job.rule(this).schedule(site, owner);
            return job;
        }

        /** Cancels the newest job (when the view closes). */
        public void cancel() {
            if (last != null) last.cancel();
        }

        @Override
        public boolean contains(ISchedulingRule other) {
            return other == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule other) {
            return other == this;
        }
    }

    /** The UI half: a system {@link UIJob} (which already skips a disposed display) that also skips a disposed owner. */
    private static final class Delivery extends UIJob {

        private final Control owner;
        private final Runnable onUiThread;

        Delivery(Display display, Control owner, String name, Runnable onUiThread) {
            super(display, name);
            this.owner = owner;
            this.onUiThread = onUiThread;
            setSystem(true);
            setPriority(Job.INTERACTIVE);
        }

        @Override
        public IStatus runInUIThread(IProgressMonitor monitor) {
            if (owner.isDisposed() || monitor.isCanceled()) return Status.CANCEL_STATUS;
            onUiThread.run();
            return Status.OK_STATUS;
        }
    }
}

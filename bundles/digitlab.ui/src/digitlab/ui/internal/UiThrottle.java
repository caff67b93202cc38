package digitlab.ui.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.progress.UIJob;

/**
 * Turns a stream of "something changed" signals from any thread into UI-thread refreshes at a
 * bounded rate: at most one run of {@code action} per {@code intervalMs}, and always one after the
 * last signal (trailing edge), so the view ends up showing the newest state. This is how views stay
 * smooth while a run reports hundreds of batches per second.
 *
 * <p>Built on one {@link UIJob} (the delivery half of {@link digitlab.ui.ViewJob}): a signal schedules it
 * with the delay left in the interval; signals while it is scheduled are absorbed; a signal while it
 * runs schedules it once more. It does nothing once the owner control is disposed.
 */
public final class UiThrottle {

    private final int intervalMs;
    private final Runnable action;
    private final Control owner;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final UIJob job;
    private volatile boolean disposed;
    private volatile long lastRun;

    /**
     * @param owner      the control whose UI thread runs {@code action}; its disposal stops the refreshes
     * @param intervalMs the least time between two runs
     * @param action     the refresh, run on the UI thread
     */
    public UiThrottle(Control owner, int intervalMs, Runnable action) {
        this.owner = owner;
        this.intervalMs = intervalMs;
        this.action = action;
        job = new UIJob(owner.getDisplay(), "Refreshing the view") {
            @Override
            public IStatus runInUIThread(IProgressMonitor monitor) {
                pending.set(false);
                if (disposed || UiThrottle.this.owner.isDisposed()) return Status.CANCEL_STATUS;
                lastRun = System.currentTimeMillis();
                action.run();
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.INTERACTIVE);
    }

    /** Signals a change; callable from any thread, cheap when a refresh is already pending. */
    public void request() {
        if (disposed || !pending.compareAndSet(false, true)) return;
        job.schedule(Math.max(0, lastRun + intervalMs - System.currentTimeMillis()));
    }

    /** Stops all further refreshes (call when the view is disposed). */
    public void dispose() {
        disposed = true;
        job.cancel();
    }
}

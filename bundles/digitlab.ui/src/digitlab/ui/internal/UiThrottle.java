package digitlab.ui.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;

/**
 * Turns a stream of "something changed" signals from any thread into UI-thread refreshes at a
 * bounded rate: at most one run of {@code action} per {@code intervalMs}, and always one after the
 * last signal (trailing edge), so the view ends up showing the newest state. This is how views stay
 * smooth while a run reports hundreds of batches per second.
 */
public final class UiThrottle {

    private final Display display;
    private final int intervalMs;
    private final Runnable action;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable fire = this::fire;
    private volatile boolean disposed;
    private long lastRun;

    /**
     * @param display    the display whose UI thread runs {@code action}
     * @param intervalMs the least time between two runs
     * @param action     the refresh, run on the UI thread
     */
    public UiThrottle(Display display, int intervalMs, Runnable action) {
        this.display = display;
        this.intervalMs = intervalMs;
        this.action = action;
    }

    /** Signals a change; callable from any thread, cheap when a refresh is already pending. */
    public void request() {
        if (disposed || !pending.compareAndSet(false, true)) return;
        UiThread.asyncExec(display, () -> {
            if (disposed) return;
            long wait = Math.max(0, lastRun + intervalMs - System.currentTimeMillis());
            if (wait == 0) fire();
            else display.timerExec((int) wait, fire);
        });
    }

    private void fire() {
        pending.set(false);
        if (disposed) return;
        lastRun = System.currentTimeMillis();
        action.run();
    }

    /** Stops all further refreshes (call when the view is disposed). */
    public void dispose() {
        disposed = true;
        if (!display.isDisposed() && Display.getCurrent() == display) display.timerExec(-1, fire);
    }
}

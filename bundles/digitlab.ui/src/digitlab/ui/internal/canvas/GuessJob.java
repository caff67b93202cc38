package digitlab.ui.internal.canvas;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import digitlab.ui.internal.model.PredictionModel;
import digitlab.ui.internal.UiThread;

/**
 * Runs guesses off the UI thread, one at a time, newest request first: a request that arrives
 * while a guess runs replaces any older waiting one, so a fast-moving pen never builds a queue.
 * Results are posted to the UI thread with {@code asyncExec}; a result older than one already
 * delivered is dropped.
 */
public final class GuessJob extends Job {

    private final GuessEngine engine = new GuessEngine();
    private final Display display;
    private final Consumer<Guess> onResult;
    private final Supplier<PredictionModel> model;
    private final AtomicReference<Drawing> pending = new AtomicReference<>();
    private final AtomicLong requested = new AtomicLong();
    private volatile long delivered = -1;

    /**
     * @param model    the model to ask, read at the start of each guess (any thread)
     * @param onResult called on the UI thread with each new result
     */
    public GuessJob(Display display, Supplier<PredictionModel> model, Consumer<Guess> onResult) {
        super("Guessing the drawn digit");
        this.display = display;
        this.onResult = onResult;
        this.model = model;
        setSystem(true);
        setPriority(Job.INTERACTIVE);
    }

    /** Asks for a guess on {@code drawing} as soon as possible. May be called from any thread. */
    public void request(Drawing drawing) {
        pending.set(drawing);
        requested.incrementAndGet();
        schedule();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Drawing drawing;
        while ((drawing = pending.getAndSet(null)) != null) {
            if (monitor.isCanceled()) return Status.CANCEL_STATUS;
            long sequence = requested.get();
            Guess guess = engine.guess(sequence, drawing, model.get());
            if (display.isDisposed()) return Status.OK_STATUS;
            UiThread.asyncExec(display, () -> {
                if (guess.sequence() < delivered) return;
                delivered = guess.sequence();
                onResult.accept(guess);
            });
        }
        return Status.OK_STATUS;
    }
}

package digitlab.ui.internal.canvas;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

import digitlab.ui.ViewJob;
import digitlab.ui.internal.model.PredictionModel;

/**
 * Runs guesses off the UI thread, one at a time, newest request first ({@link ViewJob.Latest}): a
 * request that arrives while a guess runs replaces any older waiting one, so a fast-moving pen never
 * builds a queue, and a replaced guess delivers nothing. No site's progress service: a guess takes
 * milliseconds, and the view's busy title would flicker with every pen move. UI thread.
 */
public final class GuessJob {

    private final GuessEngine engine = new GuessEngine();
    private final ViewJob.Latest latest = new ViewJob.Latest();
    private final Control owner;
    private final Consumer<Guess> onResult;
    private final Supplier<PredictionModel> model;
    private long requested;

    /**
     * @param owner    the control whose disposal drops results
     * @param model    the model to ask, read at the start of each guess (any thread)
     * @param onResult called on the UI thread with each new result
     */
    public GuessJob(Control owner, Supplier<PredictionModel> model, Consumer<Guess> onResult) {
        this.owner = owner;
        this.onResult = onResult;
        this.model = model;
    }

    /** Asks for a guess on {@code drawing} as soon as possible. */
    public void request(Drawing drawing) {
        long sequence = ++requested;
        latest.schedule(ViewJob.of("Guessing the drawn digit", monitor -> engine.guess(sequence, drawing, model.get()))
                .priority(Job.INTERACTIVE).whenDone(onResult), null, owner);
    }

    /** Drops the waiting and running guesses (the view closes). */
    public void cancel() {
        latest.cancel();
    }
}

package digitlab.ui.internal.runs;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;

import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunStore;
import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.model.CurrentModelChoice;
import digitlab.ui.internal.training.TrainingView;

/**
 * What a view showing runs does with one run: open it in the Training view, or make its model the current model.
 * The Runs view and the Sweep view call these, so both behave alike. The file work runs in a {@link ViewJob}
 * listed in the Progress view; a failure is shown in a dialog naming the run.
 */
public final class RunActions {

    private RunActions() {
    }

    /** Opens {@code run} of {@code store}: its settings and curves in the Training view. */
    public static void open(IWorkbenchPartSite site, Control owner, RunStore store, RunInfo run) {
        background(site, owner, "Opening run " + run.name(), monitor -> store.open(run.id()), opened -> {
            try {
                TrainingView v = (TrainingView) site.getPage().showView(DigitLabViews.TRAINING);
                v.showRun(opened);
            } catch (PartInitException e) {
                MessageDialog.openError(owner.getShell(), "Open", e.getMessage());
            }
        });
    }

    /**
     * Makes {@code run}'s model the current model (the one the canvas guesses with), remembered across restarts;
     * {@code then} runs on the UI thread when it is (may be null).
     */
    public static void useAsCurrent(IWorkbenchPartSite site, Control owner, RunStore store, RunInfo run, Runnable then) {
        background(site, owner, "Using run " + run.name() + " as the current model", monitor -> {
            Run r = store.open(run.id());
            CurrentModelChoice.useRun(r);
            return r;
        }, r -> {
            if (then != null) then.run();
        });
    }

    private static <T> void background(IWorkbenchPartSite site, Control owner, String name, ViewJob.Work<T> work,
            java.util.function.Consumer<T> then) {
        ViewJob.of(name, work).inProgressView().whenDone(then)
                .whenFailed(e -> MessageDialog.openError(owner.getShell(), name,
                        e.getMessage() == null ? e.toString() : e.getMessage()))
                .schedule(site, owner);
    }
}

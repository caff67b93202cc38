package digitlab.ui.internal.sweep;

import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;

/**
 * After the workbench started: a sweep that was running when the lab was closed (or crashed) is offered to
 * continue, never continued silently. The sweep records are read in the platform's early-startup thread, off the
 * UI thread and after the window is up; the question is asked on the UI thread, one per interrupted sweep:
 * <b>Continue</b> (queue its remaining points and show it in the Sweep view), <b>Not Now</b> (ask again at the
 * next start) or <b>Discard</b> (forget the sweep's record; its finished runs stay in the Runs view).
 */
public final class SweepResume implements IStartup {

    /** The question's window title. */
    public static final String TITLE = "Interrupted Sweep";
    /** The answers, in button order. */
    public static final String CONTINUE = "Continue", NOT_NOW = "Not Now", DISCARD = "Discard";

    @Override
    public void earlyStartup() {
        List<SweepLauncher.Listed> interrupted;
        try {
            interrupted = SweepLauncher.interrupted();
        } catch (RuntimeException | java.io.IOException e) {
            ILog.of(SweepResume.class).warn("Cannot look for interrupted sweeps: " + e.getMessage(), e);
            return;
        }
        if (interrupted.isEmpty()) return;
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            for (SweepLauncher.Listed s : interrupted) ask(s);
        });
    }

    /** Asks about {@code sweep} (UI thread) and does what the user answers, the file work in the background. */
    public static void ask(SweepLauncher.Listed sweep) {
        if (!PlatformUI.isWorkbenchRunning() || PlatformUI.getWorkbench().getWorkbenchWindowCount() == 0) return;
        IWorkbenchWindow active = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchWindow window = active != null ? active : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        Shell shell = window.getShell();
        MessageDialog d = new MessageDialog(shell, TITLE, null,
                "Sweep " + sweep.label() + " was stopped when the lab closed: " + sweep.progress()
                        + ".\n\nContinue it now? Continue trains its remaining points (a stopped run resumes from its"
                        + " checkpoint); Not Now asks again at the next start; Discard forgets the sweep. Its finished runs"
                        + " stay in the Runs view whatever you choose.",
                MessageDialog.QUESTION, 0, CONTINUE, NOT_NOW, DISCARD);
        int answer = d.open();
        if (answer != 0 && answer != 2) return; // Not Now, or the dialog closed: asked again next time
        boolean resume = answer == 0;
        String what = (resume ? "Continuing" : "Discarding") + " sweep " + sweep.label();
        ViewJob.of(what, monitor -> {
            if (resume) SweepLauncher.resume(sweep.id());
            else SweepLauncher.discard(sweep.id());
            return Boolean.TRUE;
        }).whenDone(done -> {
            if (!resume || window.getActivePage() == null) return;
            try {
                SweepView v = (SweepView) window.getActivePage().showView(DigitLabViews.SWEEP);
                v.show(sweep.id());
            } catch (PartInitException e) {
                MessageDialog.openError(shell, TITLE, "Sweep " + sweep.label() + " goes on, but the Sweep view cannot open: "
                        + e.getMessage());
            }
        }).whenFailed(e -> MessageDialog.openError(shell, TITLE, what + " failed: " + e.getMessage()))
                .inProgressView().schedule(null, shell);
    }
}

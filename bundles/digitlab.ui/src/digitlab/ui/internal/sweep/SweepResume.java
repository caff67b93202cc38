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

/**
 * After the workbench started: a sweep that was running when the lab was closed (or crashed) is offered to
 * continue, never continued silently. The sweep records are read in the platform's early-startup thread, off the
 * UI thread and after the window is up; the question is asked on the UI thread, one per interrupted sweep:
 * <b>Continue</b> (queue its remaining points and show it in the Sweep view), <b>Not Now</b> (ask again at the
 * next start) or <b>Discard</b> (mark it stopped for good; its finished runs stay).
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

    /** Asks about {@code sweep} (UI thread) and does what the user answers. */
    public static void ask(SweepLauncher.Listed sweep) {
        if (!PlatformUI.isWorkbenchRunning()) return;
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        Shell shell = window == null ? null : window.getShell();
        MessageDialog d = new MessageDialog(shell, TITLE, null,
                "Sweep " + sweep.label() + " was stopped when the lab closed: " + sweep.progress()
                        + ".\n\nContinue it now? Its finished runs are kept whatever you choose; Not Now asks again at the"
                        + " next start, Discard stops it for good.",
                MessageDialog.QUESTION, 0, CONTINUE, NOT_NOW, DISCARD);
        int answer = d.open();
        try {
            if (answer == 0) {
                SweepLauncher.resume(sweep.id());
                if (window != null) {
                    SweepView v = (SweepView) window.getActivePage().showView(DigitLabViews.SWEEP);
                    v.show(sweep.id());
                }
            } else if (answer == 2) {
                SweepLauncher.discard(sweep.id());
            }
        } catch (java.io.IOException | RuntimeException | PartInitException e) {
            MessageDialog.openError(shell, TITLE, "Cannot " + (answer == 0 ? "continue" : "discard") + " sweep "
                    + sweep.label() + ": " + e.getMessage());
        }
    }
}

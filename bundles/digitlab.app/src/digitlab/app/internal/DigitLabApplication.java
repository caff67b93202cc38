package digitlab.app.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The Digit Lab workbench application: creates the display and runs the workbench until the
 * user closes the last window. Registered as {@code digitlab.app.application}.
 */
public final class DigitLabApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        StartupProbe.mark("application");
        digitlab.train.extensions.ContributionLoader.loadAll(); // plugins: layers, optimizers, presets, datasets
        StartupProbe.mark("plugins");
        Display.setAppName("Digit Lab");
        Display display = PlatformUI.createDisplay();
        StartupProbe.mark("display");
        StartupProbe.watch(display);
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new DigitLabWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}

package digitlab.app.internal;

import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** The main window: titled "Digit Lab", with menus, a status line and the progress area. */
final class DigitLabWindowAdvisor extends WorkbenchWindowAdvisor {

    static final String WINDOW_TITLE = "Digit Lab";

    DigitLabWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new DigitLabActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        // at most the screen: the window's edges (toolbar, charts, status) must not start off-screen
        configurer.setInitialSize(WindowFit.initialSize(primaryClientArea()));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowPerspectiveBar(true);
        configurer.setTitle(WINDOW_TITLE);
        StartupProbe.mark("window");
    }

    @Override
    public void postWindowCreate() {
        StartupProbe.mark("window created");
        StartupProbe.watchParts(getWindowConfigurer().getWindow());
    }

    @Override
    public void postWindowOpen() {
        // a size remembered from a larger screen (or a window dragged half off) comes back onto this one
        WindowFit.onScreen(getWindowConfigurer().getWindow().getShell());
        StartupProbe.mark("window open");
    }

    private static Rectangle primaryClientArea() {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
        return display.getPrimaryMonitor().getClientArea();
    }
}

package digitlab.app.internal;

import org.eclipse.swt.graphics.Point;
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
        configurer.setInitialSize(new Point(1400, 900));
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
        StartupProbe.mark("window open");
    }
}

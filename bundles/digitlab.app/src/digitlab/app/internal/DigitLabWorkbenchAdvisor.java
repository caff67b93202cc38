package digitlab.app.internal;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import digitlab.app.DigitLabPerspective;

/** Opens windows on the Digit Lab perspective and remembers the layout across restarts. */
final class DigitLabWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
        StartupProbe.mark("workbench");
    }

    @Override
    public void postStartup() {
        StartupProbe.mark("started");
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DigitLabPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new DigitLabWindowAdvisor(configurer);
    }
}

package digitlab.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.internal.ErrorViewPart;
import org.junit.jupiter.api.Test;

import digitlab.app.DigitLabPerspective;

/**
 * Opens the real workbench (under the UI harness, with the product's application), checks the
 * window title and the perspective, and opens every view that a digitlab bundle contributes.
 */
class WorkbenchSmokeTest {

    @Test
    void windowIsTitledDigitLab() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no active workbench window");
        assertEquals("Digit Lab", window.getShell().getText());
    }

    @Test
    void productAndPerspectiveAreDigitLab() throws Exception {
        assertEquals("digitlab.app.product", Platform.getProduct().getId());
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DigitLabPerspective.ID, window);
        assertEquals(DigitLabPerspective.ID, window.getActivePage().getPerspective().getId());
        assertEquals("Digit Lab", window.getActivePage().getPerspective().getLabel());
    }

    @Test
    void everyContributedViewOpens() throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        List<String> ids = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.views")) {
            if ("view".equals(e.getName()) && e.getContributor().getName().startsWith("digitlab.")) {
                ids.add(e.getAttribute("id"));
            }
        }
        ids.add(DigitLabPerspective.PROGRESS_VIEW);
        ids.add(DigitLabPerspective.ERROR_LOG_VIEW);
        for (String id : ids) {
            IViewPart view = page.showView(id);
            processEvents();
            assertNotNull(view, id);
            assertTrue(!(view instanceof ErrorViewPart), "view " + id + " failed to open (error part shown)");
        }
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain the event queue so views lay out and paint
        }
    }
}

package digitlab.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.internal.ErrorViewPart;
import org.junit.jupiter.api.Test;

import digitlab.app.DigitLabPerspective;
import digitlab.ui.DigitLabViews;

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

    /**
     * Each view of a digitlab bundle (and the platform's Progress and Error Log views) opens for real: the part is
     * an instance of the class its plugin.xml names (a view that throws while it is made becomes an error part),
     * it is visible on the page, and its control exists, is shown and has been given a size.
     */
    @Test
    void everyContributedViewOpens() throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Map<String, String> classes = new LinkedHashMap<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.views")) {
            if ("view".equals(e.getName()) && e.getContributor().getName().startsWith("digitlab.")) {
                classes.put(e.getAttribute("id"), e.getAttribute("class"));
            }
        }
        assertTrue(classes.keySet().containsAll(DigitLabViews.ALL), "the lab's views are contributed: " + classes.keySet());
        List<String> ids = new ArrayList<>(classes.keySet());
        ids.add(DigitLabPerspective.PROGRESS_VIEW);
        ids.add(DigitLabPerspective.ERROR_LOG_VIEW);
        for (String id : ids) {
            IViewPart view = page.showView(id);
            processEvents();
            assertNotNull(view, id);
            assertFalse(view instanceof ErrorViewPart, "view " + id + " failed to open (error part shown)");
            String expected = classes.get(id);
            if (expected != null && !expected.contains(":")) assertEquals(expected, view.getClass().getName(), id);
            assertTrue(page.isPartVisible(view), "view " + id + " is not visible");
            MPart part = view.getSite().getService(MPart.class);
            assertNotNull(part, "no model part for " + id);
            assertTrue(part.getWidget() instanceof Control, "view " + id + " has no control");
            Control control = (Control) part.getWidget();
            assertFalse(control.isDisposed(), "view " + id + "'s control is disposed");
            assertTrue(control.isVisible(), "view " + id + "'s control is not shown");
            Point size = control.getSize();
            assertTrue(size.x > 0 && size.y > 0, "view " + id + "'s control has no size: " + size);
            // the view's own controls (made by its createPartControl in the part's composite) are there and shown
            assertTrue(control instanceof Composite c && c.getChildren().length > 0, "view " + id + " made no controls");
            assertTrue(showsSomething((Composite) control), "view " + id + " shows no control with a size");
        }
    }

    private static boolean showsSomething(Composite c) {
        for (Control child : c.getChildren()) {
            Point s = child.getSize();
            if (child.isVisible() && s.x > 0 && s.y > 0) return true;
        }
        return false;
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain the event queue so views lay out and paint
        }
    }
}

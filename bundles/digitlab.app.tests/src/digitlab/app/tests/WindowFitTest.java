package digitlab.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import digitlab.app.internal.WindowFit;

/** The workbench window opens within its screen (issue 14, finding 0). */
class WindowFitTest {

    @Test
    void onALaptopScreenTheWindowOpensSmallerThanPreferred() {
        Point size = WindowFit.initialSize(new Rectangle(0, 0, 1366, 768 - 32));
        assertEquals(new Point(1366, 736), size);
        assertEquals(WindowFit.PREFERRED, WindowFit.initialSize(new Rectangle(0, 0, 1920, 1080)));
    }

    @Test
    void aWindowRememberedFromALargerScreenIsShrunkAndMovedOnto() {
        Rectangle area = new Rectangle(0, 0, 1366, 768);
        assertEquals(new Rectangle(0, 0, 1366, 768), WindowFit.fit(new Rectangle(40, 30, 1600, 1000), area));
        assertEquals(new Rectangle(366, 268, 1000, 500), WindowFit.fit(new Rectangle(900, 600, 1000, 500), area));
        assertEquals(new Rectangle(1366, 0, 800, 600),
                WindowFit.fit(new Rectangle(1300, -50, 800, 600), new Rectangle(1366, 0, 1920, 1080)));
    }

    @Test
    void theOpenWindowLiesWithinItsScreen() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Rectangle old = shell.getBounds();
        try {
            Rectangle area = shell.getMonitor().getClientArea();
            shell.setBounds(area.x + 200, area.y + 100, area.width + 400, area.height + 300);
            WindowFit.onScreen(shell);
            Rectangle b = shell.getBounds();
            assertTrue(area.contains(b.x, b.y) && b.x + b.width <= area.x + area.width
                    && b.y + b.height <= area.y + area.height, b + " within " + area);
        } finally {
            shell.setBounds(old);
        }
    }
}

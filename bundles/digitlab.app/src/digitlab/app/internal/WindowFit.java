package digitlab.app.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;

/**
 * Keeps the workbench window on its screen: the first window opens at {@link #PREFERRED} or smaller
 * (a 1366x768 laptop gets a window that fits), and a window restored from a larger screen is shrunk and
 * moved back onto the one it is on now. Public for the tests in digitlab.app.tests.
 */
public final class WindowFit {

    /** The size the window opens at on a screen large enough for it. */
    public static final Point PREFERRED = new Point(1400, 900);

    private WindowFit() {
    }

    /**
     * {@code bounds} moved and, when needed, shrunk so that it lies within {@code area} (a monitor's
     * client area, without panels and docks).
     */
    public static Rectangle fit(Rectangle bounds, Rectangle area) {
        int width = Math.min(bounds.width, area.width);
        int height = Math.min(bounds.height, area.height);
        int x = Math.max(area.x, Math.min(bounds.x, area.x + area.width - width));
        int y = Math.max(area.y, Math.min(bounds.y, area.y + area.height - height));
        return new Rectangle(x, y, width, height);
    }

    /** The initial window size for a screen with client area {@code area}: the preferred size, at most the area. */
    public static Point initialSize(Rectangle area) {
        return new Point(Math.min(PREFERRED.x, area.width), Math.min(PREFERRED.y, area.height));
    }

    /** Moves and shrinks {@code shell} onto the monitor it is mostly on (or the primary one). */
    public static void onScreen(Shell shell) {
        if (shell.getMaximized() || shell.getFullScreen()) return;
        Rectangle bounds = shell.getBounds();
        Rectangle fitted = fit(bounds, monitorOf(shell).getClientArea());
        if (!fitted.equals(bounds)) shell.setBounds(fitted);
    }

    /** The monitor that holds the largest part of {@code shell}, else the primary monitor. */
    public static Monitor monitorOf(Shell shell) {
        Rectangle b = shell.getBounds();
        Monitor best = shell.getDisplay().getPrimaryMonitor();
        long bestArea = 0;
        for (Monitor m : shell.getDisplay().getMonitors()) {
            Rectangle i = m.getBounds().intersection(b);
            long area = (long) i.width * i.height;
            if (area > bestArea) {
                bestArea = area;
                best = m;
            }
        }
        return best;
    }
}

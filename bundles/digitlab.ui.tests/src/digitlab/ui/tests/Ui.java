package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Helpers for driving the workbench from tests on the UI thread: event loops with timeouts, posted input. */
final class Ui {

    private Ui() {
    }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static org.eclipse.swt.widgets.Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** The workbench's models, the service the views get from their sites. */
    static digitlab.ui.internal.model.ModelAccess models() {
        return PlatformUI.getWorkbench().getService(digitlab.ui.internal.model.ModelAccess.class);
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @SuppressWarnings("unchecked")
    static <T extends IViewPart> T show(String id) throws PartInitException {
        T v = (T) page().showView(id);
        drain();
        return v;
    }

    static void close(IViewPart v) {
        page().hideView(v);
        drain();
    }

    /** Runs the event loop until nothing is queued. */
    static void drain() {
        Display d = display();
        while (d.readAndDispatch()) {
            // keep going
        }
    }

    /** Runs the event loop (without blocking in sleep) until {@code done} or the timeout fails the test. */
    static void waitUntil(String what, long timeoutMs, BooleanSupplier done) {
        long end = System.currentTimeMillis() + timeoutMs;
        Display d = display();
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out after " + timeoutMs + " ms waiting for " + what);
            if (!d.readAndDispatch()) sleep(5);
        }
    }

    /** Runs the event loop for {@code ms} milliseconds. */
    static void pump(long ms) {
        long end = System.currentTimeMillis() + ms;
        Display d = display();
        while (System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) sleep(5);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether to post mouse events to the X server. Off: under Xvfb without a window manager the
     * pointer lands where asked, but GTK delivers the posted button events to the widget with
     * coordinates (0, 0), so a posted press starts every stroke in the corner. The events are then
     * sent to the widgets' listeners (the same code paths as real input, minus the X server).
     * Set {@code -Ddigitlab.ui.tests.post=true} to try posting on a real display.
     */
    static boolean postWorks = Boolean.getBoolean("digitlab.ui.tests.post");

    /**
     * A real mouse event at (x, y) in {@code c}'s coordinates: posted to the X server with
     * {@link Display#post} (moving the pointer there first) and dispatched by SWT. When the pointer
     * does not land where asked (seen under some Xvfb set-ups without a window manager, where the
     * window's screen origin is misreported), the event is sent to the widget's listeners instead,
     * with the same coordinates and button state, and a line says so once.
     *
     * @param buttons the button state during the event ({@code SWT.BUTTON1} while dragging, else 0)
     */
    static void postMouse(Control c, int type, int x, int y, int buttons) {
        Display d = c.getDisplay();
        Point p = d.map(c, null, x, y);
        if (postWorks) {
            Event move = new Event();
            move.type = SWT.MouseMove;
            move.x = p.x;
            move.y = p.y;
            d.post(move);
            pump(15);
            Point at = d.getCursorLocation();
            if (Math.abs(at.x - p.x) > 1 || Math.abs(at.y - p.y) > 1) {
                postWorks = false;
                System.out.println("[ui] posted pointer went to " + at + " instead of " + p
                        + "; sending the mouse events to the widgets' listeners from now on");
            }
        }
        if (postWorks) {
            if (type != SWT.MouseMove) {
                Event e = new Event();
                e.type = type;
                e.button = 1;
                d.post(e);
            }
            pump(15);
            return;
        }
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.stateMask = buttons;
        c.notifyListeners(type, e);
        drain();
    }

    /** {@link #postMouse(Control, int, int, int, int)} without buttons held. */
    static void postMouse(Control c, int type, int x, int y) {
        postMouse(c, type, x, y, type == SWT.MouseUp ? SWT.BUTTON1 : 0);
    }

    /** Draws a polyline with the mouse: press at the first point, move through the rest, release. */
    static void drag(Control c, int[][] points) {
        postMouse(c, SWT.MouseMove, points[0][0], points[0][1], 0);
        postMouse(c, SWT.MouseDown, points[0][0], points[0][1], 0);
        for (int i = 1; i < points.length; i++) postMouse(c, SWT.MouseMove, points[i][0], points[i][1], SWT.BUTTON1);
        postMouse(c, SWT.MouseUp, points[points.length - 1][0], points[points.length - 1][1], SWT.BUTTON1);
    }

    /** Sends a key press straight to {@code c}'s listeners (keyCode, modifiers). */
    static void key(Control c, int keyCode, int stateMask) {
        Event e = new Event();
        e.keyCode = keyCode;
        e.stateMask = stateMask;
        e.character = keyCode < 128 ? (char) keyCode : 0;
        c.notifyListeners(SWT.KeyDown, e);
        drain();
    }

    /** Brings the workbench window to the front, so posted events reach it. */
    static void activate() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().forceActive();
        drain();
    }

    /** The action labelled {@code text} in {@code view}'s view menu; fails the test when there is none. */
    static IAction menuAction(IViewPart view, String text) {
        for (IContributionItem item : view.getViewSite().getActionBars().getMenuManager().getItems()) {
            if (item instanceof ActionContributionItem a && text.equals(a.getAction().getText())) return a.getAction();
        }
        fail(view.getTitle() + " has no menu item '" + text + "'");
        return null;
    }
}

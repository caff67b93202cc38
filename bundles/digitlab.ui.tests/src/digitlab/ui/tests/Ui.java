package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

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

    /** Posts a real mouse event at (x, y) in {@code c}'s coordinates and lets SWT dispatch it. */
    static void postMouse(Control c, int type, int x, int y) {
        Display d = c.getDisplay();
        Point p = d.map(c, null, x, y);
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = p.x;
        move.y = p.y;
        d.post(move);
        if (type != SWT.MouseMove) {
            Event e = new Event();
            e.type = type;
            e.button = 1;
            d.post(e);
        }
        pump(15);
    }

    /** Draws a polyline with the (posted) mouse: press at the first point, move through the rest, release. */
    static void drag(Control c, int[][] points) {
        postMouse(c, SWT.MouseMove, points[0][0], points[0][1]);
        postMouse(c, SWT.MouseDown, points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) postMouse(c, SWT.MouseMove, points[i][0], points[i][1]);
        postMouse(c, SWT.MouseUp, points[points.length - 1][0], points[points.length - 1][1]);
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
}

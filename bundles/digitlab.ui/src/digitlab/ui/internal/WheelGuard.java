package digitlab.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * Keeps the mouse wheel from changing a setting: GTK steps a combo's value when the wheel turns over it,
 * so a user scrolling a form silently changed its loss from xent to quadratic. A guarded control ignores
 * the wheel and hands it to the nearest scrolled ancestor, which scrolls as if the control were not there.
 */
public final class WheelGuard {

    /** Pixels scrolled per wheel notch (GTK reports 1 or 3 per notch; both come out as about three lines). */
    static final int PIXELS_PER_COUNT = 16;

    private WheelGuard() {
    }

    /** Guards {@code controls}. */
    public static void install(Control... controls) {
        for (Control c : controls) c.addListener(SWT.MouseVerticalWheel, WheelGuard::wheel);
    }

    private static void wheel(Event e) {
        e.doit = false;
        ScrolledComposite scroller = scrollerOf((Control) e.widget);
        if (scroller == null || scroller.getContent() == null) return;
        Point origin = scroller.getOrigin();
        int step = (e.count == 0 ? 0 : Integer.signum(e.count) * Math.max(1, Math.abs(e.count) / 3 + 1)) * PIXELS_PER_COUNT * 3;
        scroller.setOrigin(origin.x, Math.max(0, origin.y - step));
    }

    private static ScrolledComposite scrollerOf(Control c) {
        for (Composite p = c.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrolledComposite s) return s;
        }
        return null;
    }
}

package digitlab.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Listener;

/**
 * Check boxes whose tick can be seen. The workbench theme gives a view's check boxes a background colour
 * ({@code .View Button[style~='SWT.CHECK'] { background-color: inherit }}); on GTK a check box with a
 * background colour loses its blue fill and keeps its white tick: white on white, checked and unchecked looked
 * alike. A foreground colour set after the theme's background makes GTK draw the tick dark on the light box.
 * SWT ignores a foreground equal to the one it has (and the system default), so each step uses its own
 * near-black: now, after the theme has styled the widget (the first events), and at the first paint.
 */
public final class CheckButtons {

    private CheckButtons() {
    }

    /** Makes {@code check}'s tick readable whatever background the theme gives it. */
    public static void readable(Button check) {
        check.setForeground(new Color(0x10, 0x10, 0x10));
        check.getDisplay().asyncExec(() -> {
            if (!check.isDisposed()) check.setForeground(new Color(0x11, 0x11, 0x11));
        });
        Listener[] once = new Listener[1];
        once[0] = e -> {
            check.removeListener(SWT.Paint, once[0]);
            check.setForeground(new Color(0x12, 0x12, 0x12));
        };
        check.addListener(SWT.Paint, once[0]);
    }
}

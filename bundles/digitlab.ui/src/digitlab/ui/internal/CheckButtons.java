package digitlab.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;

/**
 * Check boxes whose tick can be seen. The workbench theme gives buttons a background colour; on GTK a
 * check box with a background colour loses its blue fill and keeps its white tick: white on white, checked
 * and unchecked looked alike. With the widget foreground colour set, GTK draws the tick dark on the light box.
 */
public final class CheckButtons {

    private CheckButtons() {
    }

    /** Makes {@code check}'s tick readable whatever background the theme gives it. */
    public static void readable(Button check) {
        check.setForeground(check.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
    }
}

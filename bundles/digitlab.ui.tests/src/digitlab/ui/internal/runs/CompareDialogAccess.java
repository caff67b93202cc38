package digitlab.ui.internal.runs;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.widgets.Shell;

import digitlab.train.RunComparison;

/** Test access to the runs view's comparison dialog (package-private in the host). */
public final class CompareDialogAccess {

    private CompareDialogAccess() {
    }

    /** Opens the dialog comparing {@code c} without blocking; the caller closes it. */
    public static Dialog open(Shell parent, RunComparison c) {
        CompareDialog d = new CompareDialog(parent, c);
        d.setBlockOnOpen(false);
        d.open();
        return d;
    }
}

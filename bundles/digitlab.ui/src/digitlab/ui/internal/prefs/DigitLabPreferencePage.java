package digitlab.ui.internal.prefs;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Preferences &gt; Digit Lab: the category the lab's pages sit under; it only says where things are. */
public final class DigitLabPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(c);
        new Label(c, SWT.WRAP).setText("Digit Lab settings. Canvas: the pen and guessing while drawing. Datasets: where "
                + "Fashion-MNIST is read from.\nTraining: the threads of new runs and where runs are kept. The Training view "
                + "remembers its form by itself; imported IDX folders are listed in the Dataset view.");
        return c;
    }
}

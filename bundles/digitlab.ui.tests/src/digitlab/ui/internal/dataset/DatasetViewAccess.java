package digitlab.ui.internal.dataset;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;

import digitlab.data.Split;

/** Test access to the Dataset view's part chooser. */
public final class DatasetViewAccess {

    private DatasetViewAccess() {
    }

    /** Chooses {@code split} in the view's "Part" list, as a user does. */
    public static void showPart(DatasetView view, Split split) throws ReflectiveOperationException {
        java.lang.reflect.Field f = DatasetView.class.getDeclaredField("splitCombo");
        f.setAccessible(true);
        Combo combo = (Combo) f.get(view);
        combo.select(split.ordinal());
        combo.notifyListeners(SWT.Selection, new Event());
    }
}

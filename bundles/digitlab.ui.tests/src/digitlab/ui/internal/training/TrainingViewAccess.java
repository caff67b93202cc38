package digitlab.ui.internal.training;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Test access to the training view's form (package-private in the host). */
public final class TrainingViewAccess {

    private TrainingViewAccess() {
    }

    /** The control of a {@link digitlab.train.TrainingRequest} field. */
    public static Control control(TrainingView view, String field) {
        return view.form().control(field);
    }

    /** Whether the field carries an error mark. */
    public static boolean isMarked(TrainingView view, String field) {
        return view.form().isMarked(field);
    }

    /** Types {@code value} into a text field. */
    public static void set(TrainingView view, String field, String value) {
        ((Text) control(view, field)).setText(value);
    }

    /** The problem line under the form. */
    public static String problemText(TrainingView view) {
        return view.problemLabel().getText();
    }

    static Label label(TrainingView view) {
        return view.problemLabel();
    }
}

package digitlab.ui.internal.teach;

import java.util.function.IntConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The canvas's teaching row: "It's a" and a small button per digit 0-9 (a click adds the drawing to My
 * drawings with that label), then "Fine-tune…". One row, narrow buttons, so it fits under the canvas
 * at 1366x768 without crowding it.
 */
public final class TeachBar extends Composite {

    private final Button[] digits = new Button[10];
    private final Button fineTune;
    private final Label outcome;

    /**
     * @param onDigit  called with the digit clicked
     * @param onFineTune called when Fine-tune is clicked
     */
    public TeachBar(Composite parent, IntConsumer onDigit, Runnable onFineTune) {
        super(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(13).spacing(2, 0).applyTo(this);
        Label label = new Label(this, SWT.NONE);
        label.setText("It's a");
        label.setToolTipText("Teach the lab your handwriting: the drawing goes into My drawings with this label (Ctrl+Shift+T)");
        GridDataFactory.swtDefaults().indent(0, 0).applyTo(label);
        for (int d = 0; d < 10; d++) {
            int digit = d;
            Button b = new Button(this, SWT.PUSH);
            b.setText(Integer.toString(d));
            b.setToolTipText("It's a " + d + ": add the drawing to My drawings with label " + d);
            b.addListener(SWT.Selection, e -> onDigit.accept(digit));
            int w = Math.max(24, b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x - 16);
            GridDataFactory.swtDefaults().hint(w, SWT.DEFAULT).applyTo(b);
            digits[d] = b;
        }
        fineTune = new Button(this, SWT.PUSH);
        fineTune.setText("Fine-tune\u2026");
        fineTune.setToolTipText("Fine-tune the current model on MNIST mixed with My drawings (a background job)");
        fineTune.addListener(SWT.Selection, e -> onFineTune.run());
        GridDataFactory.swtDefaults().indent(8, 0).applyTo(fineTune);
        outcome = new Label(this, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(6, 0).hint(10, SWT.DEFAULT)
                .applyTo(outcome);
    }

    /** Shows the outcome of a teaching next to the buttons (short; the whole line in its tooltip). */
    public void showOutcome(Teacher.Outcome o) {
        outcome.setText(o.error() ? "✗ not taught" : "✓ " + o.shortMessage());
        outcome.setToolTipText(o.message());
        outcome.setForeground(getDisplay().getSystemColor(o.error() ? SWT.COLOR_RED : SWT.COLOR_DARK_GREEN));
    }

    /** The outcome's text shown (for tests). */
    public String outcomeText() {
        return outcome.getText();
    }

    /** The button of {@code digit} (for tests). */
    public Button digitButton(int digit) {
        return digits[digit];
    }

    /** The Fine-tune button (for tests). */
    public Button fineTuneButton() {
        return fineTune;
    }
}

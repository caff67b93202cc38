package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import digitlab.ui.DigitLabViews;

/**
 * Nothing of a view is cut off (issue 14, findings 1, 6, 7, 11): in the default layout at 1366x768 and at
 * 1920x1080, every control of every lab view lies inside its parent's visible area, unless a scrolled
 * container shows a scroll bar for it, and no button is narrower than its text.
 */
class LayoutTest {

    private static Rectangle old;

    @BeforeAll
    static void remember() {
        old = shell().getBounds();
    }

    @AfterAll
    static void restore() {
        shell().setBounds(old);
        Ui.page().resetPerspective();
        Ui.drain();
    }

    private static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void noControlOfAnyViewLiesOutsideItsVisibleArea(int width, int height) throws Exception {
        shell().setBounds(0, 0, width, height);
        Ui.page().resetPerspective();
        Ui.drain();
        List<String> problems = new ArrayList<>();
        for (String id : new String[] {DigitLabViews.CANVAS, DigitLabViews.ACTIVITY, DigitLabViews.TRAINING,
                DigitLabViews.RUNS, DigitLabViews.SWEEP, DigitLabViews.WEIGHTS, DigitLabViews.CONFUSION, DigitLabViews.DATASET}) {
            IViewPart view = Ui.show(id);
            Ui.pump(300); // jobs that fill the views (weights, evaluation, dataset pages) hand their results over
            Composite top = (Composite) view.getSite().getService(MPart.class).getWidget();
            visit(top, top, view.getTitle(), problems);
            if (view instanceof digitlab.ui.internal.training.TrainingView training) {
                // the Sweep tab too, chosen as a click does
                training.chooseTab(1);
                Ui.pump(300);
                visit(top, top, view.getTitle() + " (Sweep tab)", problems);
                training.chooseTab(0);
                Ui.drain();
            }
        }
        assertTrue(problems.isEmpty(), width + "x" + height + ": " + String.join("\n", problems));
    }

    /** Adds a line for every visible control of {@code c}'s subtree that is cut by its parent. */
    static void visit(Control c, Composite top, String view, List<String> problems) {
        if (!c.isVisible()) return;
        if (c != top) check(c, view, problems);
        if (c instanceof Composite comp) for (Control child : comp.getChildren()) visit(child, top, view, problems);
    }

    private static void check(Control c, String view, List<String> problems) {
        Composite parent = c.getParent();
        Rectangle b = c.getBounds();
        if (parent instanceof ScrolledComposite s) {
            Rectangle area = s.getClientArea();
            if (b.width > area.width + 1 && !(s.getHorizontalBar() != null && s.getHorizontalBar().getVisible())) {
                problems.add(view + ": " + describe(c) + " is " + b.width + " px wide in " + area.width + " px, without a scroll bar");
            }
            if (b.height > area.height + 1 && !(s.getVerticalBar() != null && s.getVerticalBar().getVisible())) {
                problems.add(view + ": " + describe(c) + " is " + b.height + " px high in " + area.height + " px, without a scroll bar");
            }
            return;
        }
        if (b.width == 0 || b.height == 0) return; // laid out as nothing (e.g. an empty placeholder)
        Rectangle area = parent.getClientArea(); // in the parent's coordinates: a tab folder's starts under its tabs
        if (b.x < area.x || b.y < area.y || b.x + b.width > area.x + area.width + 1 || b.y + b.height > area.y + area.height + 1) {
            problems.add(view + ": " + describe(c) + " at " + b + " outside its parent's " + area);
        }
        if (c instanceof Button button && (button.getStyle() & (SWT.PUSH | SWT.CHECK)) != 0) {
            Point wanted = button.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            if (b.width < wanted.x - 2) problems.add(view + ": button '" + button.getText() + "' is " + b.width + " px, needs " + wanted.x);
        }
    }

    private static String describe(Control c) {
        String text = c instanceof Button b ? " '" + b.getText() + "'"
                : c instanceof org.eclipse.swt.widgets.Label l ? " '" + l.getText() + "'" : "";
        return c.getClass().getSimpleName() + text;
    }
}

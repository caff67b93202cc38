package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.XMLMemento;
import org.junit.jupiter.api.Test;

import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.dataset.DatasetView;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;

/** What must survive a restart: view settings (mementos) and the training form (preferences). */
class StateTest {

    /**
     * The Dataset view's choices, made as a user makes them (a selection in its combos), come back in a view
     * made anew from the state it saved, as after a restart: the workbench writes {@code saveState} into the
     * part's persisted state and gives it to the new view's {@code init}.
     */
    @Test
    void datasetViewSavesItsChoices() throws Exception {
        DatasetView view = Ui.show(DigitLabViews.DATASET);
        Combo split = combo(view, "validation");
        Combo label = combo(view, "all");
        Ui.waitUntil("the dataset's labels", 30_000, () -> label.getItemCount() == 11);
        int test = List.of(split.getItems()).indexOf("test");
        int seven = List.of(label.getItems()).indexOf("7");
        assertTrue(test > 0 && split.getSelectionIndex() != test, "the split is not test yet");
        assertTrue(seven > 0 && label.getSelectionIndex() != seven, "the label is not 7 yet");
        choose(split, test);
        choose(label, seven);
        Ui.drain();

        XMLMemento saved = XMLMemento.createWriteRoot("view");
        view.saveState(saved);
        StringWriter text = new StringWriter();
        saved.save(text);
        // a restart: the part is closed, and made again from the memento the workbench kept for it
        MPart part = view.getSite().getService(MPart.class);
        Ui.close(view);
        part.getPersistedState().put("memento", text.toString());
        try {
            DatasetView again = Ui.show(DigitLabViews.DATASET);
            assertNotSame(view, again);
            Combo split2 = combo(again, "validation");
            Combo label2 = combo(again, "all");
            Ui.waitUntil("the dataset's labels", 30_000, () -> label2.getItemCount() == 11);
            assertEquals("test", split2.getText());
            assertEquals("7", label2.getText());
        } finally {
            DatasetView v = (DatasetView) Ui.page().findView(DigitLabViews.DATASET);
            if (v != null) {
                choose(combo(v, "validation"), 0);
                choose(combo(v, "all"), 0);
                Ui.drain();
            }
        }
    }

    /** A selection as a user makes it: the combo's item, then its Selection event to the view's listeners. */
    private static void choose(Combo c, int index) {
        c.select(index);
        c.notifyListeners(SWT.Selection, new Event());
    }

    /** The view's combo that offers {@code item}. */
    private static Combo combo(DatasetView view, String item) {
        MPart part = view.getSite().getService(MPart.class);
        Combo found = find((Control) part.getWidget(), item);
        assertNotNull(found, "no combo offering " + item);
        return found;
    }

    private static Combo find(Control c, String item) {
        if (c instanceof Combo combo && List.of(combo.getItems()).contains(item)) return combo;
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Combo found = find(child, item);
                if (found != null) return found;
            }
        }
        return null;
    }

    @Test
    void theTrainingFormComesBackAfterTheViewIsClosed() throws Exception {
        TrainingView view = Ui.show(DigitLabViews.TRAINING);
        String old = ((org.eclipse.swt.widgets.Text) TrainingViewAccess.control(view, "seed")).getText();
        try {
            TrainingViewAccess.set(view, "seed", "4242");
            Ui.drain();
            Ui.close(view);
            TrainingView again = Ui.show(DigitLabViews.TRAINING);
            assertEquals("4242", ((org.eclipse.swt.widgets.Text) TrainingViewAccess.control(again, "seed")).getText());
        } finally {
            TrainingView v = (TrainingView) Ui.page().findView(DigitLabViews.TRAINING);
            TrainingViewAccess.set(v, "seed", old);
            Ui.drain();
        }
    }
}

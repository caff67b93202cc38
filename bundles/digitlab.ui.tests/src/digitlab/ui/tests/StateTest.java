package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.ui.XMLMemento;
import org.junit.jupiter.api.Test;

import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.dataset.DatasetView;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;

/** What must survive a restart: view settings (mementos) and the training form (preferences). */
class StateTest {

    @Test
    void datasetViewSavesItsChoices() throws Exception {
        DatasetView view = Ui.show(DigitLabViews.DATASET);
        XMLMemento m = XMLMemento.createWriteRoot("view");
        view.saveState(m);
        assertEquals("mnist", m.getString("dataset"));
        assertEquals("train", m.getString("split"));
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

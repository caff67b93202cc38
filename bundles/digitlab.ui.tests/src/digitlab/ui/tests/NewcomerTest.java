package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import digitlab.nn.io.ModelFormat;
import digitlab.train.ModelService;
import digitlab.train.Run;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.confusion.ConfusionView;
import digitlab.ui.internal.confusion.ConfusionViewAccess;
import digitlab.ui.internal.model.CurrentModelChoice;
import digitlab.ui.internal.prefs.PreferenceSaving;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;
import digitlab.ui.internal.weights.WeightsView;

/** What a newcomer met in the first minute (issue 14): one name per run, the model kept, every count told, ... */
class NewcomerTest {

    @Test
    void aNamedRunShowsItsNameEverywhereAndStaysTheCurrentModelAfterARestart() throws Exception {
        RunStore store = RunStore.workspace();
        Run run = store.create(TrainingRequest.defaults().toBuilder().name("nc-first").build());
        ModelFormat.save(ModelService.readyModel(), run.modelFile());
        try {
            DigitCanvasView canvas = Ui.show(DigitLabViews.CANVAS);
            WeightsView weights = Ui.show(DigitLabViews.WEIGHTS);
            ConfusionView confusion = Ui.show(DigitLabViews.CONFUSION);
            CurrentModelChoice.useRun(run);
            assertEquals("run nc-first", ModelService.get().current().source(), "what the Saliency view prints");
            Ui.waitUntil("the views to follow the run's model", 60_000, () -> Ui.models().current() != null
                    && Ui.models().current().name().contains("nc-first"));
            canvas.submit();
            Ui.waitUntil("the canvas to guess with run nc-first", 20_000, () -> canvas.shownGuess() != null
                    && canvas.shownGuess().modelName() != null && canvas.shownGuess().modelName().contains("nc-first"));
            Ui.waitUntil("the weights view to name run nc-first", 20_000, () -> weights.infoText().contains("nc-first"));
            Ui.waitUntil("the confusion matrix to name run nc-first", 120_000,
                    () -> confusion.infoText().contains("nc-first") && confusion.data() != null);
            TrainingView training = Ui.show(DigitLabViews.TRAINING);
            training.showRun(run);
            Ui.waitUntil("the training view to name run nc-first", 20_000, () -> training.statusText().contains("nc-first"));
            for (String text : new String[] {canvas.shownGuess().modelName(), weights.infoText(), confusion.infoText(),
                    training.statusText()}) {
                assertFalse(text.contains(run.id()), "no run id where its name belongs: " + text);
            }

            // the choice is on disk, and a fresh start (the ready model first) comes back to it
            assertEquals("run " + run.id(), CurrentModelChoice.remembered());
            String prefs = Files.readString(PreferenceSaving.file("digitlab.ui"));
            assertTrue(prefs.contains("currentModel/ref=" + run.id()), prefs);
            ModelService.get().resetToReady();
            assertEquals("ready model", ModelService.get().current().source());
            CurrentModelChoice.restore();
            assertEquals("run nc-first", ModelService.get().current().source());
        } finally {
            CurrentModelChoice.useReady();
            Ui.waitUntil("the ready model back in the views", 20_000,
                    () -> Ui.models().current() != null && Ui.models().current().name().startsWith("ready model"));
            store.delete(run.id());
        }
        assertEquals("", CurrentModelChoice.remembered());
    }

    @Test
    void everyConfusionCellPrintsItsCountOrTellsItOnHover() throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Rectangle old = shell.getBounds();
        try {
            shell.setBounds(0, 0, 1366, 768);
            Ui.page().resetPerspective();
            Ui.drain();
            ConfusionView view = Ui.show(DigitLabViews.CONFUSION);
            Ui.waitUntil("the evaluation of the current model", 120_000, () -> view.data() != null);
            Ui.pump(200);
            Canvas matrix = ConfusionViewAccess.matrix(view);
            int[][] m = view.data().matrix();
            int cell = ConfusionViewAccess.cellSize(matrix);
            GC gc = new GC(matrix);
            try {
                for (int r = 0; r < m.length; r++) {
                    for (int c = 0; c < m.length; c++) {
                        String text = ConfusionViewAccess.cellText(matrix, r, c);
                        if (text != null) {
                            assertEquals(Integer.toString(m[r][c]), text);
                            assertTrue(gc.textExtent(text).x <= cell, text + " fits in " + cell + " px");
                        } else {
                            Point p = ConfusionViewAccess.cellCentre(matrix, r, c);
                            Event e = new Event();
                            e.x = p.x;
                            e.y = p.y;
                            matrix.notifyListeners(SWT.MouseHover, e);
                            String tip = matrix.getToolTipText();
                            assertNotNull(tip, "cell " + r + "," + c + " tells its count on hover");
                            assertTrue(tip.startsWith(String.format("%,d images", m[r][c])), tip);
                        }
                        if (r != c && m[r][c] < 100) assertNotNull(text, "mistakes (" + m[r][c] + ") are printed at 1366x768");
                    }
                }
            } finally {
                gc.dispose();
            }
        } finally {
            shell.setBounds(old);
            Ui.page().resetPerspective();
            Ui.drain();
        }
    }

    @Test
    void editUndoAndRedoGoThroughTheWorkbenchOperationHistory() throws Exception {
        Ui.activate();
        DigitCanvasView canvas = Ui.show(DigitLabViews.CANVAS);
        canvas.drawingArea().clear();
        Ui.drain();
        Rectangle s = canvas.drawingArea().square();
        int x = s.x + s.width / 2;
        Ui.drag(canvas.drawingArea(), new int[][] {{x, s.y + s.height / 5}, {x, s.y + s.height / 2}, {x, s.y + s.height * 4 / 5}});
        Ui.drag(canvas.drawingArea(), new int[][] {{x - s.width / 5, s.y + s.height / 2}, {x + s.width / 5, s.y + s.height / 2}});
        assertEquals(2, canvas.drawingArea().drawing().strokes().size());
        org.eclipse.ui.handlers.IHandlerService handlers = canvas.getSite().getService(org.eclipse.ui.handlers.IHandlerService.class);
        handlers.executeCommand("org.eclipse.ui.edit.undo", null); // what Edit > Undo and Ctrl+Z run
        Ui.drain();
        assertEquals(1, canvas.drawingArea().drawing().strokes().size());
        canvas.drawingArea().clear();
        Ui.drain();
        handlers.executeCommand("org.eclipse.ui.edit.undo", null); // the clear is undone too
        Ui.drain();
        assertEquals(1, canvas.drawingArea().drawing().strokes().size());
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        Ui.drain();
        assertTrue(canvas.drawingArea().drawing().isEmpty(), "the clear is redone");
    }

    @Test
    void theMouseWheelOverAComboScrollsTheFormInsteadOfChangingTheSetting() throws Exception {
        TrainingView view = Ui.show(DigitLabViews.TRAINING);
        Combo loss = (Combo) TrainingViewAccess.control(view, "loss");
        String before = loss.getText();
        Event e = new Event();
        e.count = -3;
        e.doit = true;
        loss.notifyListeners(SWT.MouseVerticalWheel, e);
        Ui.drain();
        assertFalse(e.doit, "the combo does not step its value");
        assertEquals(before, loss.getText());
    }

    @Test
    void theFormNamesEveryProblemInPlainNumbers() throws Exception {
        TrainingView view = Ui.show(DigitLabViews.TRAINING);
        String[] fields = {"learningRate", "seed", "threads", "trainingLimit", "weightDecay"};
        String[] old = new String[fields.length];
        for (int i = 0; i < fields.length; i++) old[i] = ((org.eclipse.swt.widgets.Text) TrainingViewAccess.control(view, fields[i])).getText();
        try {
            Ui.waitUntil("the dataset's size", 60_000, () -> {
                TrainingViewAccess.set(view, "trainingLimit", "999,999,999");
                Ui.drain();
                return TrainingViewAccess.problemText(view).contains("training images of");
            });
            TrainingViewAccess.set(view, "learningRate", "1e9");
            TrainingViewAccess.set(view, "seed", "99999999999999999999");
            TrainingViewAccess.set(view, "threads", "999");
            TrainingViewAccess.set(view, "weightDecay", "-1");
            Ui.drain();
            String text = TrainingViewAccess.problemText(view);
            String[] lines = text.split("\n");
            assertEquals(5, lines.length, text);
            assertTrue(text.contains("Learning rate: 1,000,000,000 must be above 0"), text);
            assertTrue(text.contains("Seed: '99999999999999999999' is too large"), text);
            assertTrue(text.contains("Threads: 999 is more than the " + Runtime.getRuntime().availableProcessors() + " cores"), text);
            assertTrue(text.contains("Training images: 999,999,999 is more than the "), text);
            assertTrue(text.contains("Weight decay: -1 must be at least 0"), text);
            assertFalse(text.contains("E9") || text.contains("-1.0"), text);
            assertFalse(view.canStart());
        } finally {
            for (int i = 0; i < fields.length; i++) TrainingViewAccess.set(view, fields[i], old[i]);
            Ui.drain();
        }
        assertTrue(view.canStart(), view.problems().toString());
    }
}

package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import digitlab.data.Dataset;
import digitlab.data.Split;
import digitlab.train.Datasets;
import digitlab.train.EvaluationReport;
import digitlab.train.Evaluator;
import digitlab.train.ModelService;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.confusion.ConfusionView;
import digitlab.ui.internal.model.EpochSlider;
import digitlab.ui.internal.projector.ProjectorView;
import digitlab.ui.internal.weights.WeightsView;

/** Time travel: the epoch slider of the Confusion Matrix, Weights and Projector views on a real two-epoch run. */
class EpochSliderTest {

    @Test
    void theSliderShowsEpochOnesConfusionMatrixAndADeletedRunGetsAMessage() throws Exception {
        RunStore store = RunStore.workspace();
        TrainingRequest request = TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(32)).trainingLimit(600)
                .epochs(2).batchSize(20).validationImages(200).threads(1).seed(5).name("slider run").build();
        TrainingSession session = TrainingSession.start(store, request);
        RunOutcome o = session.execute(null, null);
        assertEquals(RunStatus.COMPLETED, o.status(), o.message());
        Run run = session.run();
        ModelService.get().setFromRun(run);
        Rectangle oldBounds = Ui.shell().getBounds();
        try {
            Ui.activate();
            ConfusionView view = Ui.show(DigitLabViews.CONFUSION);
            EpochSlider slider = view.epochSlider();
            Ui.waitUntil("the slider to list the run's epochs", 30_000, () -> slider.epochs().equals(List.of(1, 2)));
            Ui.waitUntil("the evaluation of the run's model", 60_000,
                    () -> view.data() != null && view.data().modelName().startsWith("run slider run ("));
            int[][] epoch2 = view.data().matrix();
            assertEquals("epoch 2 of 2", slider.epochText());
            assertEquals(0, slider.pinnedEpoch(), "at the newest epoch the slider follows the run");

            moveTo(slider.scale(), 0); // epoch 1
            Ui.waitUntil("the confusion matrix of epoch 1", 60_000,
                    () -> view.data() != null && view.data().modelName().equals("run slider run \u2014 epoch 1"));
            assertEquals(1, slider.pinnedEpoch());
            assertEquals("epoch 1 of 2", slider.epochText());
            Dataset mnist = Datasets.load("mnist", -1);
            EvaluationReport reference = Evaluator.evaluate(run.epochModels().load(1), mnist, Split.TEST, 1);
            assertArrayEquals(reference.confusion(), view.data().matrix(), "the view's matrix is epoch 1's evaluation");
            assertFalse(java.util.Arrays.deepEquals(epoch2, view.data().matrix()), "epoch 1 differs from epoch 2");

            WeightsView weights = Ui.show(DigitLabViews.WEIGHTS);
            Ui.waitUntil("the weights slider", 30_000, () -> weights.epochSlider().epochs().equals(List.of(1, 2)));
            moveTo(weights.epochSlider().scale(), 0);
            Ui.waitUntil("the weights of epoch 1", 30_000, () -> weights.infoText().startsWith("run slider run \u2014 epoch 1"));
            ProjectorView projector = Ui.show(DigitLabViews.PROJECTOR);
            Ui.waitUntil("the projector's slider", 30_000, () -> projector.epochSlider().epochs().equals(List.of(1, 2)));
            Ui.waitUntil("the first map", 120_000, () -> !projector.isComputing());
            moveTo(projector.epochSlider().scale(), 0);
            Ui.waitUntil("the map of epoch 1", 120_000, () -> !projector.isComputing()
                    && projector.statusText().contains(" of run slider run \u2014 epoch 1"));
            for (int[] size : new int[][] {{1394, 871}, {1366, 768}}) {
                Ui.shell().setBounds(0, 0, size[0], size[1]);
                Ui.drain();
                Ui.show(DigitLabViews.WEIGHTS);
                snap("epoch-slider-weights-" + size[0] + "x" + size[1] + ".png");
                Ui.show(DigitLabViews.CONFUSION);
                snap("epoch-slider-confusion-" + size[0] + "x" + size[1] + ".png");
                Ui.show(DigitLabViews.PROJECTOR);
                snap("epoch-slider-projector-" + size[0] + "x" + size[1] + ".png");
            }

            // Bad input: the run is deleted while the slider shows its epoch 1.
            store.delete(run.id());
            Ui.waitUntil("the message about the deleted run", 30_000,
                    () -> view.infoText().contains("run slider run no longer exists (deleted?)"));
            Ui.waitUntil("the weights view's message", 30_000,
                    () -> weights.infoText().contains("run slider run no longer exists (deleted?)"));
            Ui.waitUntil("the projector's message", 30_000,
                    () -> projector.statusText().contains("run slider run no longer exists (deleted?)"));
            assertEquals(0, slider.pinnedEpoch(), "back to the current model");
            assertTrue(slider.epochs().isEmpty());
            Ui.close(projector);
            Ui.close(weights);
            Ui.close(view);
        } finally {
            Ui.shell().setBounds(oldBounds);
            ModelService.get().resetToReady();
            Ui.drain();
        }
    }

    /**
     * Moves {@code scale} to {@code index} with the keyboard as a user would (Home posted to the X server while it
     * has the focus); where the posted key does not arrive (some Xvfb set-ups), the same Selection event is sent to
     * its listeners.
     */
    private static void moveTo(Scale scale, int index) {
        Display d = scale.getDisplay();
        scale.setFocus();
        if (index == 0 && scale.isFocusControl()) {
            for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
                Event e = new Event();
                e.type = type;
                e.keyCode = SWT.HOME;
                d.post(e);
            }
            long end = System.currentTimeMillis() + 2000;
            while (scale.getSelection() != index && System.currentTimeMillis() < end) Ui.pump(20);
            Ui.pump(50);
            if (scale.getSelection() == index) return;
            System.out.println("[ui] a posted Home key did not move the slider; sending Selection to its listeners");
        }
        scale.setSelection(index);
        scale.notifyListeners(SWT.Selection, new Event());
        Ui.drain();
    }

    private static void snap(String name) throws Exception {
        Shell shell = Ui.shell();
        Display d = shell.getDisplay();
        Event away = new Event(); // the pointer off the views, so no tooltip covers them
        away.type = SWT.MouseMove;
        away.x = 2;
        away.y = 2;
        d.post(away);
        Ui.pump(600);
        Rectangle b = shell.getBounds();
        Image image = new Image(d, b.width, b.height);
        GC gc = new GC(d);
        ImageData data;
        try {
            gc.copyArea(image, b.x, b.y);
            data = image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
        Path folder = Path.of(System.getProperty("digitlab.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(folder.resolve(name).toString(), SWT.IMAGE_PNG);
        System.out.println("[screenshots] " + folder.resolve(name));
    }
}

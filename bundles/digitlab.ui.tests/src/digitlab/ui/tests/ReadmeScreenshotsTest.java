package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import digitlab.train.RunInfo;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.DrawingArea;
import digitlab.ui.internal.confusion.ConfusionView;
import digitlab.ui.internal.confusion.ConfusionViewAccess;
import digitlab.ui.internal.dataset.DatasetView;
import digitlab.ui.internal.runs.CompareDialogAccess;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;
import digitlab.ui.internal.weights.NeuronDialogAccess;
import digitlab.ui.internal.weights.WeightsView;

/**
 * Regenerates the README's screenshots (docs/screenshots) from the running workbench at the default window size,
 * so the README shows the product as it is. A tool, not a check: run by {@code docs/screenshots/regenerate.sh},
 * which sets {@code -Ddigitlab.screenshots=FOLDER}; skipped otherwise. Pictures are taken from the screen
 * (what a user sees), each saved atomically.
 */
@EnabledIfSystemProperty(named = "digitlab.screenshots", matches = ".+")
class ReadmeScreenshotsTest {

    /** The window size the product opens at on a large screen (digitlab.app's WindowFit.PREFERRED). */
    private static final Rectangle WINDOW = new Rectangle(0, 0, 1400, 900);

    private Path folder = Path.of(System.getProperty("digitlab.screenshots", "target/screenshots"));

    @Test
    void regenerateEveryReadmeScreenshot() throws Exception {
        // -Ddigitlab.screenshots.only=sweep makes only the sweep's two pictures
        if ("sweep".equals(System.getProperty("digitlab.screenshots.only"))) return;
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setBounds(WINDOW);
        Ui.page().resetPerspective();
        Ui.activate();
        Ui.models().start();
        Ui.waitUntil("the current model", 30_000, () -> Ui.models().current() != null);

        DigitCanvasView canvas = Ui.show(DigitLabViews.CANVAS);
        canvas.drawingArea().clear();
        drawThree(canvas.drawingArea());
        canvas.submit();
        Ui.waitUntil("the guess of the drawn 3", 20_000, () -> canvas.shownGuess() != null && canvas.shownGuess().hasPrediction());
        WeightsView weights = Ui.show(DigitLabViews.WEIGHTS);
        Ui.waitUntil("the weights", 30_000, () -> weights.shownPicture() != null);
        Ui.show(DigitLabViews.TRAINING);
        Ui.show(DigitLabViews.CANVAS);
        snap(shell, "workbench.png");
        snap(part(canvas), "canvas.png");
        snap(part(Ui.show(DigitLabViews.ACTIVITY)), "activity.png");
        Ui.show(DigitLabViews.CANVAS);

        TrainingView training = Ui.show(DigitLabViews.TRAINING);
        TrainingViewAccess.set(training, "name", "three epochs");
        train(training, "3", "12000");
        snap(part(training), "training.png");
        String lr = ((org.eclipse.swt.widgets.Text) TrainingViewAccess.control(training, "learningRate")).getText();
        TrainingViewAccess.set(training, "learningRate", "fast");
        TrainingViewAccess.set(training, "batchSize", "0");
        Ui.drain();
        snap(part(training), "training-validation.png");
        TrainingViewAccess.set(training, "learningRate", lr);
        TrainingViewAccess.set(training, "batchSize", "64");
        TrainingViewAccess.set(training, "name", "quick trial");
        train(training, "1", "6000");

        IViewPart runs = Ui.show(DigitLabViews.RUNS);
        Ui.pump(1500);
        snap(part(runs), "runs.png");
        List<RunInfo> list = RunStore.workspace().list();
        Dialog compare = CompareDialogAccess.open(shell, RunStore.workspace().compare(list.get(1).id(), list.get(0).id()));
        snapDialog(compare.getShell(), "runs-compare.png");
        compare.close();

        WeightsView trained = Ui.show(DigitLabViews.WEIGHTS);
        Ui.waitUntil("the weights", 30_000, () -> trained.shownPicture() != null);
        snap(part(trained), "weights.png");
        Dialog neuron = NeuronDialogAccess.open(shell, trained, 3);
        snapDialog(neuron.getShell(), "weights-neuron.png");
        neuron.close();

        ConfusionView confusion = Ui.show(DigitLabViews.CONFUSION);
        Ui.waitUntil("the evaluation", 120_000, () -> confusion.data() != null);
        int[][] m = confusion.data().matrix();
        int row = 0, col = 1;
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m.length; c++) if (r != c && m[r][c] > m[row][col]) {
            row = r;
            col = c;
        }
        Point p = ConfusionViewAccess.cellCentre(ConfusionViewAccess.matrix(confusion), row, col);
        Ui.postMouse(ConfusionViewAccess.matrix(confusion), SWT.MouseDown, p.x, p.y);
        Ui.waitUntil("the gallery", 20_000, () -> confusion.gallery().page() != null);
        snap(part(confusion), "confusion.png");

        DatasetView dataset = Ui.show(DigitLabViews.DATASET);
        Ui.waitUntil("dataset images", 30_000, () -> dataset.gallery().page() != null);
        snap(part(dataset), "dataset.png");
        Ui.show(DigitLabViews.WEIGHTS);
    }

    /**
     * The Sweep tab with a small sweep (learning rate x hidden layers, early stopping), and the Sweep view once it has
     * trained: {@code sweep-tab.png} and {@code sweep.png}. With {@code -Ddigitlab.screenshots.small=FOLDER} the same
     * two at 1366x768 go to that folder (to look at, not for the README).
     */
    @Test
    void regenerateTheSweepScreenshots() throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setBounds(WINDOW);
        Ui.page().resetPerspective();
        Ui.activate();
        Ui.close(Ui.show(DigitLabViews.TRAINING)); // a fresh Sweep tab: nothing ticked by other tests
        TrainingView training = Ui.show(DigitLabViews.TRAINING);
        TrainingViewAccess.set(training, "name", "");
        TrainingViewAccess.set(training, "trainingLimit", "3000");
        digitlab.ui.internal.sweep.SweepTab tab = training.sweepTab();
        training.chooseTab(1);
        tab.vary(digitlab.train.TrainingSetting.LEARNING_RATE, "0.0003, 0.003, 0.03");
        tab.vary(digitlab.train.TrainingSetting.HIDDEN_LAYERS, "64; 128,64");
        digitlab.ui.internal.sweep.SweepViewAccess.set(tab, digitlab.ui.internal.sweep.SweepViewAccess.EPOCHS, "3");
        digitlab.ui.internal.sweep.SweepViewAccess.set(tab, digitlab.ui.internal.sweep.SweepViewAccess.PARALLEL, "2");
        digitlab.ui.internal.sweep.SweepViewAccess.earlyStopping(tab, true);
        Ui.drain();
        assertTrue(tab.canStart(), tab.problemText());
        snap(part(training), "sweep-tab.png");
        String small = System.getProperty("digitlab.screenshots.small", "");
        if (!small.isEmpty()) {
            shell.setBounds(0, 0, 1366, 768);
            Ui.pump(800);
            snapTo(Path.of(small), part(training), "sweep-tab.png");
            shell.setBounds(WINDOW);
            Ui.pump(800);
        }
        tab.start();
        Ui.waitUntil("the Sweep view", 30_000, () -> Ui.page().findView(DigitLabViews.SWEEP) != null);
        digitlab.ui.internal.sweep.SweepView sweep = (digitlab.ui.internal.sweep.SweepView) Ui.page().findView(DigitLabViews.SWEEP);
        Ui.waitUntil("the sweep to finish", 900_000, () -> sweep.shown() != null && !sweep.shown().running()
                && !sweep.shown().record().hasWorkLeft());
        Ui.show(DigitLabViews.SWEEP);
        digitlab.ui.internal.sweep.SweepViewAccess.clickHeader(sweep, "Val. accuracy");
        digitlab.ui.internal.sweep.SweepViewAccess.clickHeader(sweep, "Val. accuracy");
        snap(part(sweep), "sweep.png");
        if (!small.isEmpty()) {
            shell.setBounds(0, 0, 1366, 768);
            Ui.pump(800);
            snapTo(Path.of(small), part(sweep), "sweep.png");
            shell.setBounds(WINDOW);
        }
        training.chooseTab(0);
    }

    private void snapTo(Path other, Control c, String name) throws Exception {
        Path keep = folder;
        try {
            folder = other;
            snap(c, name);
        } finally {
            folder = keep;
        }
    }

    private static void train(TrainingView view, String epochs, String images) {
        TrainingViewAccess.set(view, "epochs", epochs);
        TrainingViewAccess.set(view, "trainingLimit", images);
        Ui.drain();
        assertTrue(view.canStart(), view.problems().toString());
        view.start();
        Ui.waitUntil("the run to start", 30_000, () -> view.job() != null);
        Ui.waitUntil("the run to finish", 600_000, () -> view.job() == null && TrainingJob.all().isEmpty());
        Ui.pump(500);
    }

    /** A "3": two bows, one above the other. */
    private static void drawThree(DrawingArea area) {
        Rectangle s = area.square();
        int cx = s.x + s.width / 2;
        int top = s.y + s.height / 5;
        int mid = s.y + s.height / 2;
        int bottom = s.y + s.height * 4 / 5;
        int r = s.width / 5;
        Ui.drag(area, bow(cx, top, mid, r));
        Ui.drag(area, bow(cx, mid, bottom, r));
    }

    private static int[][] bow(int cx, int y0, int y1, int r) {
        int n = 14;
        int[][] pts = new int[n][];
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + Math.PI * i / (n - 1);
            pts[i] = new int[] {(int) (cx - r / 3 + r * Math.cos(a)), (int) ((y0 + y1) / 2 + (y1 - y0) / 2.0 * Math.sin(a))};
        }
        return pts;
    }

    private static Control part(IViewPart view) {
        return (Control) view.getSite().getService(MPart.class).getWidget();
    }

    /**
     * Saves a dialog as {@code name}, drawn by the dialog itself (without a window manager under Xvfb the screen
     * position and size of a new shell are not reliable).
     */
    private void snapDialog(Shell dialog, String name) throws Exception {
        Ui.pump(1000);
        // the part its contents were laid out in (without a window manager the shell may report a size it never got)
        int w = 1, h = 1;
        for (Control child : dialog.getChildren()) {
            Rectangle b = child.getBounds();
            w = Math.max(w, b.x + b.width);
            h = Math.max(h, b.y + b.height);
        }
        ImageData whole = digitlab.ui.internal.export.ViewSnapshots.capture(dialog);
        Display d = dialog.getDisplay();
        Image source = new Image(d, whole);
        Image cropped = new Image(d, Math.min(w, whole.width), Math.min(h, whole.height));
        GC gc = new GC(cropped);
        try {
            gc.drawImage(source, 0, 0);
            save(cropped.getImageData(), name, new Point(cropped.getBounds().width, cropped.getBounds().height));
        } finally {
            gc.dispose();
            source.dispose();
            cropped.dispose();
        }
    }

    /** Saves what the screen shows of {@code c} as {@code name} in the folder. */
    private void snap(Control c, String name) throws Exception {
        Ui.pump(400);
        Display d = c.getDisplay();
        Rectangle b = c instanceof Shell s ? s.getBounds() : d.map(c.getParent(), null, c.getBounds());
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
        save(data, name, new Point(b.width, b.height));
    }

    private void save(ImageData data, String name, Point size) throws Exception {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, ".shot", ".png");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                loader.save(out, SWT.IMAGE_PNG);
            }
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println("[screenshots] " + folder.resolve(name) + " " + size.x + "x" + size.y);
    }
}

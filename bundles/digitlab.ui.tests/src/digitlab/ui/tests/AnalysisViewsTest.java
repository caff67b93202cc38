package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.junit.jupiter.api.Test;

import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.confusion.ConfusionData;
import digitlab.ui.internal.confusion.ConfusionView;
import digitlab.ui.internal.confusion.ConfusionViewAccess;
import digitlab.ui.internal.dataset.DatasetView;
import digitlab.ui.internal.export.Csv;
import digitlab.ui.internal.export.ViewSnapshots;
import digitlab.ui.internal.weights.WeightPicture;
import digitlab.ui.internal.weights.WeightsView;

/** The confusion matrix (click a cell, see the gallery, double-click into the canvas), weights, dataset, export. */
class AnalysisViewsTest {

    @Test
    void clickingAConfusionCellShowsItsImagesAndDoubleClickLoadsOneIntoTheCanvas() throws Exception {
        Ui.activate();
        ConfusionView view = Ui.show(DigitLabViews.CONFUSION);
        Ui.waitUntil("the evaluation of the current model", 60_000, () -> view.data() != null);
        ConfusionData d = view.data();
        int[][] m = d.matrix();
        // the most frequent mistake
        int row = 0, col = 1;
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m.length; c++) if (r != c && m[r][c] > m[row][col]) {
            row = r;
            col = c;
        }
        assertTrue(m[row][col] > 0, "the ready model makes some mistake on 10,000 images");
        var canvas = ConfusionViewAccess.matrix(view);
        Point p = ConfusionViewAccess.cellCentre(canvas, row, col);
        Ui.postMouse(canvas, SWT.MouseDown, p.x, p.y);
        Ui.postMouse(canvas, SWT.MouseUp, p.x, p.y);
        int r0 = row;
        Ui.waitUntil("the click to select cell " + row + "," + col + " at " + p, 5_000,
                () -> ConfusionViewAccess.selectedRow(canvas) == r0);
        int expected = Math.min(m[row][col], ConfusionView.GALLERY_LIMIT);
        Ui.waitUntil("the gallery", 10_000, () -> view.gallery().page() != null && view.gallery().page().size() == expected);
        assertEquals(row, ConfusionViewAccess.selectedRow(canvas), "the posted click selected the cell");
        for (int pos : view.gallery().page().positions()) {
            assertEquals(row, d.evaluation().label(pos));
            assertEquals(col, d.evaluation().predicted(pos));
        }
        view.gallery().open(0);
        DigitCanvasView canvasView = (DigitCanvasView) Ui.page().findView(DigitLabViews.CANVAS);
        assertNotNull(canvasView, "double-click opened the canvas");
        Ui.waitUntil("the loaded image's guess", 10_000, () -> canvasView.shownGuess() != null
                && canvasView.shownGuess().drawing().hasExactInput() && canvasView.shownGuess().hasPrediction());
        // the image goes in as it is: the canvas shows the evaluation's own figures for it
        int first = view.gallery().page().positions()[0];
        assertArrayEquals(d.evaluation().probabilities(first), canvasView.shownGuess().outputs(),
                "the canvas's outputs for test image #" + first + " are the confusion matrix's, bit for bit");
        assertArrayEquals(view.gallery().page().ink(0), canvasView.preview().pixels(), "the preview shows its own 28x28 pixels");
        String csv = Csv.confusion(m, d.labels());
        assertEquals(12, csv.split("\n").length, "header, 10 rows, precision");
    }

    @Test
    void weightsViewShowsTheFirstLayerAsNeuronImages() throws Exception {
        WeightsView view = Ui.show(DigitLabViews.WEIGHTS);
        Ui.waitUntil("a weight picture", 20_000, () -> view.shownPicture() != null);
        WeightPicture p = view.shownPicture();
        assertTrue(p.tiles(), "784 inputs are drawn as 28x28 tiles");
        assertEquals(784, p.matrix().cols());
        assertTrue(p.atlas().tileAt(p.atlas().origin(3).x + 1, p.atlas().origin(3).y + 1) == 3);
        assertTrue(p.range(0).lo() < 0 && p.range(0).hi() > 0);
    }

    @Test
    void datasetViewShowsAPageOfImages() throws Exception {
        DatasetView view = Ui.show(DigitLabViews.DATASET);
        Ui.waitUntil("dataset images", 30_000, () -> view.gallery().page() != null);
        assertEquals(DatasetView.PAGE, view.gallery().page().size());
    }

    @Test
    void anyViewExportsAsPng() throws Exception {
        DigitCanvasView view = Ui.show(DigitLabViews.CANVAS);
        Path file = Files.createTempDirectory("digitlab-export").resolve("canvas.png");
        ViewSnapshots.savePng(view.drawingArea().getParent(), file);
        ImageData[] read = new ImageLoader().load(file.toString());
        assertEquals(view.drawingArea().getParent().getSize().x, read[0].width);
        assertTrue(Files.size(file) > 100);
    }
}

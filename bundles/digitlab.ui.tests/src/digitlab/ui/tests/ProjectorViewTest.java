package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.embed.EmbedMethod;
import digitlab.embed.Embedding;
import digitlab.train.Datasets;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.DrawingArea;
import digitlab.ui.internal.projector.ProjectedImage;
import digitlab.ui.internal.projector.ProjectorView;
import digitlab.ui.internal.projector.ScatterCanvas;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

/** The Projector through SWT events: it maps, hover shows, a click selects, the drawing appears and moves. */
class ProjectorViewTest {

    /** Opens the view, maps the first 300 test images with PCA and waits for the map. */
    private static ProjectorView mapped() throws Exception {
        Ui.activate();
        ProjectorView view = Ui.show(DigitLabViews.PROJECTOR);
        Ui.waitUntil("the first map", 120_000, () -> !view.isComputing() && view.scatter().map() != null);
        view.controls().images.setSelection(300);
        view.controls().method.select(EmbedMethod.PCA.ordinal());
        view.controls().map.notifyListeners(SWT.Selection, new Event());
        Ui.waitUntil("the PCA map of 300 images", 60_000,
                () -> !view.isComputing() && view.scatter().map() != null && view.scatter().map().size() == 300);
        return view;
    }

    /** A point of the map that no other point hides (the nearest to its own place on the screen). */
    private static int visiblePoint(ScatterCanvas s) {
        Embedding m = s.map();
        for (int i = 0; i < m.size(); i++) {
            Point p = s.screenPoint(i);
            boolean alone = true;
            for (int j = 0; j < m.size() && alone; j++) {
                Point q = s.screenPoint(j);
                if (j != i && Math.abs(p.x - q.x) <= 12 && Math.abs(p.y - q.y) <= 12) alone = false;
            }
            if (alone) return i;
        }
        throw new AssertionError("no point stands alone");
    }

    @Test
    void mapsHoversSelectsAndOpensAnImageExactly() throws Exception {
        ProjectorView view = mapped();
        ScatterCanvas s = view.scatter();
        assertEquals(EmbedMethod.PCA, s.map().method());
        assertTrue(view.statusText().contains("kNN label agreement"), view.statusText());
        int i = visiblePoint(s);
        Point p = s.screenPoint(i);
        Ui.postMouse(s, SWT.MouseMove, p.x + 1, p.y);
        Ui.waitUntil("hover on point " + i, 5_000, () -> s.hovered() == i);
        Ui.postMouse(s, SWT.MouseDown, p.x, p.y + 1);
        Ui.postMouse(s, SWT.MouseUp, p.x, p.y + 1);
        Ui.waitUntil("the selection of point " + i, 5_000, () -> s.selected() == i);
        IStructuredSelection sel = (IStructuredSelection) Ui.page().getSelection(DigitLabViews.PROJECTOR);
        ProjectedImage picked = (ProjectedImage) sel.getFirstElement();
        int index = s.map().points().indices()[i];
        assertEquals(index, picked.index());
        ImageSet test = Datasets.load("mnist", -1).part(Split.TEST);
        assertEquals(Integer.toString(test.label(index)), picked.label());
        float[] ink = new float[784];
        test.copyNormalized(index, ink, 0);
        PreprocessedDigit digit = Adapters.adapt(picked, PreprocessedDigit.class);
        assertNotNull(digit, "the selection adapts to the image, for the views that follow the canvas's digit");
        assertArrayEquals(ink, digit.pixels());

        Event dbl = new Event();
        dbl.x = p.x;
        dbl.y = p.y;
        dbl.button = 1;
        s.notifyListeners(SWT.MouseDoubleClick, dbl);
        DigitCanvasView canvas = (DigitCanvasView) Ui.page().findView(DigitLabViews.CANVAS);
        Ui.waitUntil("the image in the canvas", 10_000, () -> canvas.shownGuess() != null
                && canvas.shownGuess().drawing().hasExactInput());
        assertArrayEquals(ink, canvas.shownGuess().drawing().exactInput(), "the canvas holds the image exactly");
        Ui.waitUntil("the loaded image as the drawing's point", 10_000, () -> s.drawing() != null);
        // the canvas's image is a map point, so PCA puts the drawing exactly on it
        assertEquals(s.map().x(i), s.drawing()[0], 1e-3);
        assertEquals(s.map().y(i), s.drawing()[1], 1e-3);
    }

    @Test
    void theDrawingAppearsAsAPointThatMovesAsTheUserDraws() throws Exception {
        ProjectorView view = mapped();
        ScatterCanvas s = view.scatter();
        DigitCanvasView canvas = Ui.show(DigitLabViews.CANVAS);
        DrawingArea area = canvas.drawingArea();
        area.clear();
        Ui.waitUntil("an empty canvas without a point", 10_000, () -> s.drawing() == null);
        int w = area.getSize().x, h = area.getSize().y;
        // a vertical bar: a "1"
        Ui.drag(area, new int[][] {{w / 2, h / 5}, {w / 2, h / 2}, {w / 2, 4 * h / 5}});
        Ui.waitUntil("the drawing as a point", 10_000, () -> s.drawing() != null);
        double[] first = s.drawing().clone();
        // a loop around it: the digit changes, and so does its place
        Ui.drag(area, new int[][] {{w / 2, h / 5}, {3 * w / 4, h / 3}, {3 * w / 4, 2 * h / 3}, {w / 2, 4 * h / 5},
                {w / 4, 2 * h / 3}, {w / 4, h / 3}, {w / 2, h / 5}});
        Ui.waitUntil("the point to move", 10_000, () -> s.drawing() != null
                && (s.drawing()[0] != first[0] || s.drawing()[1] != first[1]));
        assertNotNull(s.drawingPoint());
        Ui.show(DigitLabViews.PROJECTOR);
        area.clear();
        Ui.waitUntil("the point gone with the drawing", 10_000, () -> s.drawing() == null);
    }
}

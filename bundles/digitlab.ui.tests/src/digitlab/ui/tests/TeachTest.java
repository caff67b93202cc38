package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import digitlab.data.Split;
import digitlab.train.mydrawings.MyDrawing;
import digitlab.train.mydrawings.MyDrawingsStore;
import digitlab.train.mydrawings.PenStroke;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.canvas.Stroke;
import digitlab.ui.internal.dataset.DatasetView;
import digitlab.ui.internal.dataset.DatasetViewAccess;
import digitlab.ui.internal.teach.TeachHandlerAccess;
import digitlab.ui.internal.teach.Teacher;

/** "It's a 7": the canvas teaches My drawings, the Dataset view browses and removes them. */
class TeachTest {

    private DigitCanvasView view;
    private final MyDrawingsStore store = MyDrawingsStore.workspace();
    private List<MyDrawing> before;

    @BeforeEach
    void open() throws Exception {
        Ui.activate();
        view = Ui.show(DigitLabViews.CANVAS);
        before = store.list();
    }

    @AfterEach
    void forget() throws Exception {
        for (MyDrawing d : store.list()) if (!before.contains(d)) store.remove(d.id());
        if (!view.drawingArea().isDisposed()) view.drawingArea().clear();
        Ui.drain();
    }

    /** A 7: a bar and a long diagonal, as the canvas records strokes. */
    private static Drawing seven() {
        return Drawing.EMPTY.with(new Stroke(new float[] {0.3f, 0.2f, 0.5f, 0.2f, 0.7f, 0.2f}, 0.075f))
                .with(new Stroke(new float[] {0.7f, 0.2f, 0.55f, 0.5f, 0.42f, 0.8f}, 0.075f));
    }

    private Teacher.Outcome teach(Runnable how) {
        Teacher.Outcome old = view.lastTeaching();
        how.run();
        Ui.waitUntil("the teaching's outcome", 10_000, () -> view.lastTeaching() != old);
        return view.lastTeaching();
    }

    @Test
    void itsASevenAddsTheDrawingWithItsStrokesAndTheDatasetViewShowsIt() throws Exception {
        view.drawingArea().setDrawing(seven());
        Event click = new Event();
        Teacher.Outcome o = teach(() -> view.teachBar().digitButton(7).notifyListeners(SWT.Selection, click));
        assertFalse(o.error(), o.message());
        assertTrue(o.message().startsWith("Taught: it's a 7"), o.message());
        List<MyDrawing> now = new MyDrawingsStore(store.file().getParent()).list(); // as the next start reads it
        assertEquals(before.size() + 1, now.size());
        MyDrawing d = now.get(now.size() - 1);
        assertEquals(7, d.label());
        assertEquals(2, d.strokes().size());
        assertEquals(new PenStroke(new float[] {0.3f, 0.2f, 0.5f, 0.2f, 0.7f, 0.2f}, 0.075f), d.strokes().get(0));
        assertTrue(d.hasInk());

        DatasetView data = Ui.show(DigitLabViews.DATASET);
        data.showDataset("mydrawings");
        Split part = d.heldOut() ? Split.TEST : Split.TRAIN;
        long expected = now.stream().filter(x -> x.heldOut() == d.heldOut()).count();
        DatasetViewAccess.showPart(data, part);
        Ui.waitUntil("My drawings in the Dataset view", 20_000, () -> data.gallery().page() != null
                && data.dataset() != null && "mydrawings".equals(data.dataset().id()) && data.gallery().page().size() == expected);
        assertTrue(data.removeFolderButton().isEnabled(), "Remove removes a drawing of My drawings");
        data.gallery().select(data.gallery().page().size() - 1);
        data.removeFolderButton().notifyListeners(SWT.Selection, new Event());
        Ui.waitUntil("the drawing removed", 10_000, () -> {
            try {
                return store.list().size() == before.size();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        Ui.waitUntil("the view reloaded", 20_000, () -> data.gallery().page() != null && data.dataset() != null
                && data.dataset().part(part).size() == expected - 1);
        DatasetViewAccess.showPart(data, Split.TRAIN); // as the other tests expect it: MNIST's training images
        data.showDataset("mnist");
        Ui.waitUntil("MNIST again", 30_000, () -> data.dataset() != null && "mnist".equals(data.dataset().id())
                && data.gallery().page() != null && data.gallery().page().size() > 0);
    }

    @Test
    void anEmptyCanvasOrANonClassIsRefusedAndAddsNothing() throws Exception {
        view.drawingArea().clear();
        byte[] file = Files.exists(store.file()) ? Files.readAllBytes(store.file()) : null;
        Teacher.Outcome empty = teach(() -> view.teach(4));
        assertTrue(empty.error());
        assertEquals("Not taught: the drawing is empty: draw a digit before teaching it", empty.message());
        view.drawingArea().setDrawing(seven());
        Teacher.Outcome notAClass = teach(() -> view.teach(12));
        assertTrue(notAClass.error());
        assertEquals("Not taught: label 12 is not a class; the classes are 0..9", notAClass.message());
        assertEquals(before, store.list());
        if (file != null) assertTrue(java.util.Arrays.equals(file, Files.readAllBytes(store.file())), "the store is unchanged");
        assertEquals("'12' is not a class; the classes are 0..9", TeachHandlerAccess.validate("12"));
        assertEquals("'x' is not a class; the classes are 0..9", TeachHandlerAccess.validate("x"));
        assertEquals(null, TeachHandlerAccess.validate(" 4 "));
    }
}

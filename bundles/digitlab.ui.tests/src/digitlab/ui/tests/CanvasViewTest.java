package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.ActivityView;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.DrawingArea;
import digitlab.ui.internal.canvas.Guess;
import digitlab.ui.internal.canvas.GuessEngine;
import digitlab.ui.internal.canvas.Verdict;

/** Draws on the canvas with posted mouse events and checks what the view answers. */
class CanvasViewTest {

    private DigitCanvasView view;

    @BeforeEach
    void open() throws Exception {
        Ui.activate();
        view = Ui.show(DigitLabViews.CANVAS);
        Ui.models().start();
        Ui.waitUntil("the current model", 20_000, () -> Ui.models().current() != null);
        view.drawingArea().clear();
        Ui.waitUntil("the empty canvas's message", 10_000, () -> view.shownGuess() != null && view.shownGuess().isEmpty()
                && view.drawingArea().drawing().isEmpty());
    }

    @AfterEach
    void clear() {
        if (view.drawingArea() != null && !view.drawingArea().isDisposed()) view.drawingArea().clear();
        Ui.drain();
    }

    /** A "1": one vertical stroke in the middle of the drawing square. */
    private void drawOne() {
        DrawingArea area = view.drawingArea();
        Rectangle s = area.square();
        int x = s.x + s.width / 2;
        int[][] points = new int[12][];
        for (int i = 0; i < points.length; i++) points[i] = new int[] {x + i / 4, s.y + s.height / 5 + i * (s.height * 3 / 5) / 11};
        Ui.drag(area, points);
    }

    /** A "7": a bar across the top and a long diagonal down to the left. */
    private void drawSeven() {
        DrawingArea area = view.drawingArea();
        Rectangle s = area.square();
        int left = s.x + s.width * 3 / 10;
        int right = s.x + s.width * 7 / 10;
        int top = s.y + s.height / 5;
        int bottom = s.y + s.height * 4 / 5;
        int[][] points = new int[16][];
        for (int i = 0; i < 6; i++) points[i] = new int[] {left + i * (right - left) / 5, top};
        for (int i = 1; i <= 10; i++) points[5 + i] = new int[] {right - i * (right - left - s.width / 10) / 10, top + i * (bottom - top) / 10};
        Ui.drag(area, points);
    }

    @Test
    void drawingADigitGivesAGuessAndANonEmptyPreview() {
        assertEquals(Verdict.EMPTY, view.verdictText(), "an empty canvas says so");
        drawSeven();
        assertTrue(view.drawingArea().drawing().strokes().size() >= 1, "the posted mouse events drew a stroke");
        Ui.waitUntil("a guess", 10_000, () -> view.shownGuess() != null && view.shownGuess().hasPrediction()
                && view.shownGuess().drawing().equals(view.drawingArea().drawing()));
        Guess g = view.shownGuess();
        assertTrue(view.preview().inkedPixels() > 20, "the 28x28 preview shows ink: " + view.preview().inkedPixels());
        assertEquals(10, g.confidences().length);
        assertTrue(view.verdictText().matches("Looks like . to me!|Looks mostly like .|Looks kind of like .|I'm not really sure, but I guess .\\?"),
                view.verdictText());
        StringBuilder ascii = new StringBuilder();
        float[] px = view.preview().pixels();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) ascii.append(px[y * 28 + x] > 0.5f ? '#' : px[y * 28 + x] > 0.05f ? '.' : ' ');
            ascii.append('\n');
        }
        System.out.println("[canvas] strokes " + view.drawingArea().drawing().strokes().stream()
                .map(s -> java.util.Arrays.toString(s.xy())).toList() + "\n" + ascii);
        System.out.println("[canvas] drawn 7 guessed as " + g.bestLabel() + " (" + String.format("%.1f %%", 100 * g.bestConfidence())
                + "): " + view.verdictText());
        assertEquals("7", g.bestLabel(), "the ready model reads the drawn 7");
    }

    @Test
    void keysSubmitClearAndUndo() {
        drawOne();
        drawSeven();
        DrawingArea area = view.drawingArea();
        assertEquals(2, area.drawing().strokes().size());
        Ui.key(area, 'z', SWT.MOD1);
        assertEquals(1, area.drawing().strokes().size(), "Ctrl+Z undoes the last stroke");
        Ui.key(area, SWT.CR, 0);
        Ui.waitUntil("a guess after Enter", 10_000, () -> view.shownGuess() != null
                && view.shownGuess().drawing().equals(area.drawing()) && view.shownGuess().hasPrediction());
        Ui.key(area, SWT.ESC, 0);
        assertTrue(area.drawing().isEmpty(), "Esc clears");
        Ui.waitUntil("the empty message", 5_000, () -> Verdict.EMPTY.equals(view.verdictText()));
        assertEquals(0, view.preview().inkedPixels());
        drawOne();
        // Delete is one of the platform's "out of order" keys, whose binding runs after the widget's own key
        // listeners; a key event sent straight to the widget does not get there, so ask the binding service
        // which command Delete runs in the canvas and run that (Ctrl+Z, Enter and Esc above went through the
        // key binding dispatcher itself)
        org.eclipse.ui.keys.IBindingService bindings = view.getSite().getService(org.eclipse.ui.keys.IBindingService.class);
        org.eclipse.jface.bindings.Binding delete = bindings.getPerfectMatch(
                org.eclipse.jface.bindings.keys.KeySequence.getInstance(org.eclipse.jface.bindings.keys.KeyStroke.getInstance(SWT.DEL)));
        assertNotNull(delete, "Delete is bound in the canvas");
        assertEquals("digitlab.ui.commands.canvas.clear", delete.getParameterizedCommand().getId());
        try {
            view.getSite().getService(org.eclipse.ui.handlers.IHandlerService.class)
                    .executeCommand(delete.getParameterizedCommand(), null);
        } catch (Exception e) {
            throw new AssertionError("Delete's command failed", e);
        }
        Ui.drain();
        assertTrue(area.drawing().isEmpty(), "Delete clears");
    }

    @Test
    void activityViewShowsHiddenActivationsOfTheDrawnDigit() throws Exception {
        ActivityView activity = Ui.show(DigitLabViews.ACTIVITY);
        Ui.show(DigitLabViews.CANVAS);
        Ui.activate();
        drawSeven();
        Ui.waitUntil("activations", 10_000, () -> !activity.shownActivations().isEmpty()
                && activity.shownActivations().get(0).length > 0);
        float[] first = activity.shownActivations().get(0);
        assertTrue(first.length >= 10);
        assertTrue(Arrays.stream(toDoubles(first)).anyMatch(v -> v > 0), "some neuron fires");
    }

    /**
     * The canvas's one way out to other views is its workbench selection: its newest guess, which adapts to the
     * preprocessed digit (what plugin views such as Saliency take) and is empty for an empty canvas.
     */
    @Test
    void theCanvasPublishesItsGuessAsItsSelection() {
        drawSeven();
        Ui.waitUntil("a guess", 10_000, () -> view.shownGuess() != null && view.shownGuess().hasPrediction());
        ISelection selection = Ui.page().getWorkbenchWindow().getSelectionService().getSelection(DigitLabViews.CANVAS);
        Object first = ((IStructuredSelection) selection).getFirstElement();
        assertSame(view.shownGuess(), first);
        PreprocessedDigit digit = Adapters.adapt(first, PreprocessedDigit.class);
        assertNotNull(digit, "the guess adapts to its digit");
        assertSame(view.shownGuess().digit(), digit);
        view.drawingArea().clear();
        Ui.waitUntil("the empty guess", 10_000, () -> view.shownGuess() != null && view.shownGuess().isEmpty());
        Object empty = ((IStructuredSelection) Ui.page().getWorkbenchWindow().getSelectionService()
                .getSelection(DigitLabViews.CANVAS)).getFirstElement();
        assertSame(view.shownGuess(), empty);
        assertNull(Adapters.adapt(empty, PreprocessedDigit.class), "an empty canvas has no digit");
    }

    @Test
    void canvasInferenceLatency() {
        drawSeven();
        Ui.waitUntil("a guess", 10_000, () -> view.shownGuess() != null && view.shownGuess().hasPrediction());
        GuessEngine engine = new GuessEngine();
        var model = Ui.models().current();
        assertNotNull(model);
        var drawing = view.drawingArea().drawing();
        for (int i = 0; i < 50; i++) engine.guess(i, drawing, model); // warm-up
        long[] t = new long[200];
        for (int i = 0; i < t.length; i++) t[i] = engine.guess(i, drawing, model).nanos();
        Arrays.sort(t);
        System.out.printf("[canvas] inference latency (rasterize 280x280 + preprocess + forward + activations), %s: median %.3f ms, p90 %.3f ms%n",
                model.name(), t[t.length / 2] / 1e6, t[t.length * 9 / 10] / 1e6);
        assertTrue(t[t.length / 2] > 0);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}

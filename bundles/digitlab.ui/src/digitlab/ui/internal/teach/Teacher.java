package digitlab.ui.internal.teach;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPartSite;

import digitlab.train.mydrawings.MyDrawing;
import digitlab.train.mydrawings.MyDrawingsStore;
import digitlab.train.mydrawings.PenStroke;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.canvas.Guess;
import digitlab.ui.internal.canvas.GuessEngine;
import digitlab.ui.internal.canvas.Stroke;

/**
 * Teaches a drawing: digitises it as the canvas does ({@link GuessEngine}) and adds its strokes and its
 * 28x28 image to My drawings with the label the user gave, in a job (the store writes a file). The
 * outcome comes back on the UI thread as one line: what was taught, or why not (a label that is not a
 * class, an empty drawing, a damaged store naming its file), in which case nothing was added.
 */
public final class Teacher {

    /** What teaching did: the line for the user and whether it was an error. */
    public record Outcome(String message, boolean error, String shortMessage) {
        /** An outcome whose short form is the message itself. */
        public Outcome(String message, boolean error) {
            this(message, error, message);
        }
    }

    private final IWorkbenchPartSite site;
    private final Control owner;
    private final MyDrawingsStore store;
    private final GuessEngine engine = new GuessEngine();

    /** A teacher adding to {@code store}, reporting to the view of {@code site} while {@code owner} lives. */
    public Teacher(IWorkbenchPartSite site, Control owner, MyDrawingsStore store) {
        this.site = site;
        this.owner = owner;
        this.store = store;
    }

    /** Adds {@code drawing} with {@code label}; {@code done} gets the outcome on the UI thread. */
    public void teach(Drawing drawing, int label, Consumer<Outcome> done) {
        ViewJob.of("Adding the drawing to My drawings", monitor -> add(drawing, label)).whenDone(done).schedule(site, owner);
    }

    /** The work of {@link #teach}, on the calling thread. */
    Outcome add(Drawing drawing, int label) {
        if (label < 0 || label >= MyDrawing.CLASSES) {
            return new Outcome("Not taught: label " + label + " is not a class; the classes are 0..9", true);
        }
        Guess g = engine.guess(0, drawing, null);
        if (g.isEmpty()) return new Outcome("Not taught: the drawing is empty: draw a digit before teaching it", true);
        List<PenStroke> strokes = new ArrayList<>();
        for (Stroke s : drawing.strokes()) strokes.add(new PenStroke(clamp(s.xy()), Math.min(1f, s.width())));
        try {
            MyDrawing d = store.add(label, g.digit().pixels(), strokes);
            int count = store.list().size();
            return new Outcome("Taught: it's a " + d.label() + (d.heldOut() ? " (held out to measure fine-tuning)" : "")
                    + " \u2014 " + count + " in My drawings", false, d.label() + " (" + count + ")");
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome("Not taught: " + e.getMessage(), true);
        }
    }

    private static float[] clamp(float[] xy) {
        for (int i = 0; i < xy.length; i++) xy[i] = Math.max(0, Math.min(1, xy[i]));
        return xy;
    }
}

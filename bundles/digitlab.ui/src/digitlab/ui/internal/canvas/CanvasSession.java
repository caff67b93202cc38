package digitlab.ui.internal.canvas;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the canvas shares with other views, on the UI thread: its newest {@link Guess} (the activity
 * view shows its activations) and a way to put a picture onto it (the confusion-matrix gallery and
 * the dataset browser load images by double-click).
 */
public final class CanvasSession {

    private static final CanvasSession SHARED = new CanvasSession();

    private final List<Consumer<Guess>> guessListeners = new CopyOnWriteArrayList<>();
    private Guess latest;
    private Consumer<Drawing> loader;
    private Drawing waiting;

    /** The workbench's instance. */
    public static CanvasSession shared() {
        return SHARED;
    }

    /** The newest guess of the canvas, or null. */
    public Guess latest() {
        return latest;
    }

    /** Called by the canvas view with each new guess. */
    public void publish(Guess guess) {
        latest = guess;
        for (Consumer<Guess> l : guessListeners) l.accept(guess);
    }

    /** Listens for new guesses (UI thread). */
    public void addGuessListener(Consumer<Guess> l) {
        guessListeners.add(l);
    }

    /** Stops listening. */
    public void removeGuessListener(Consumer<Guess> l) {
        guessListeners.remove(l);
    }

    /** Registers the open canvas as the place pictures go (null when it closes); takes a waiting picture. */
    public void setLoader(Consumer<Drawing> newLoader) {
        loader = newLoader;
        if (loader != null && waiting != null) {
            Drawing d = waiting;
            waiting = null;
            loader.accept(d);
        }
    }

    /** Puts {@code drawing} on the canvas now, or as soon as a canvas opens. */
    public void load(Drawing drawing) {
        if (loader != null) loader.accept(drawing);
        else waiting = drawing;
    }
}

package digitlab.ui.internal.prefs;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * The lab's settings on Window &gt; Preferences &gt; Digit Lab (instance preferences of {@code digitlab.ui}):
 * the pen, guessing while drawing, the threads of new runs. Read by the views; the pages write them.
 */
public final class LabPreferences {

    /** The pen's width in thousandths of the drawing square's side (75 = 7.5 %, about an MNIST stroke). */
    public static final String PEN_WIDTH = "canvas.penWidth";
    /** Whether a new canvas guesses while the pen moves. */
    public static final String LIVE_GUESSING = "canvas.liveGuessing";
    /** Kernel threads of new training runs. */
    public static final String THREADS = "training.threads";

    /** The default pen width (thousandths of the square) and its bounds. */
    public static final int DEFAULT_PEN = 75, MIN_PEN = 30, MAX_PEN = 150;

    private LabPreferences() {
    }

    /** The preferences node. */
    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode("digitlab.ui");
    }

    /** The pen's width as a fraction of the drawing square's side. */
    public static float penWidth() {
        int v = node().getInt(PEN_WIDTH, DEFAULT_PEN);
        return Math.max(MIN_PEN, Math.min(MAX_PEN, v)) / 1000f;
    }

    /** Whether a canvas opened without saved state guesses while drawing. */
    public static boolean liveGuessing() {
        return node().getBoolean(LIVE_GUESSING, true);
    }

    /** Threads for new runs: the setting, by default all cores but one (the UI keeps a free core). */
    public static int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        int v = node().getInt(THREADS, defaultThreads());
        return Math.max(1, Math.min(cores, v));
    }

    /** All cores but one, at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Tells {@code l} about changes (remove it again with {@link #removeListener}). */
    public static void addListener(IPreferenceChangeListener l) {
        node().addPreferenceChangeListener(l);
    }

    /** Stops telling {@code l}. */
    public static void removeListener(IPreferenceChangeListener l) {
        node().removePreferenceChangeListener(l);
    }
}

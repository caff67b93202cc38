package digitlab.ui.internal.model;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import digitlab.train.ModelService;
import digitlab.train.Run;
import digitlab.train.RunStore;
import digitlab.ui.internal.prefs.PreferenceSaving;

/**
 * The user's choice of current model, kept across restarts: "Use as Current Model" on a run, File > Open
 * Model..., or the ready model. The choice is stored in the workbench's preferences (the run's id or the
 * file's path, never the model itself) and {@link #restore() restored} when the workbench loads its current
 * model; a run deleted or a file removed since then falls back to the ready model with one logged line.
 * All methods read files: call them off the UI thread.
 */
public final class CurrentModelChoice {

    static final String NODE = "currentModel";
    static final String KIND = "kind";
    static final String REF = "ref";
    static final String RUN = "run";
    static final String FILE = "file";

    private CurrentModelChoice() {
    }

    /** Makes {@code run}'s model current and remembers it. */
    public static void useRun(Run run) throws IOException {
        ModelService.get().setFromRun(run);
        remember(RUN, run.id());
    }

    /** Loads {@code file}, makes it current and remembers it. */
    public static void useFile(Path file) throws IOException {
        ModelService.get().setFromFile(file);
        remember(FILE, file.toAbsolutePath().toString());
    }

    /** Makes the ready model current again and forgets any other choice. */
    public static void useReady() throws IOException {
        ModelService.get().resetToReady();
        remember("", "");
    }

    /**
     * Makes the remembered choice current, if there is one; the ready model stays when there is none or it
     * cannot be loaded any more (then the choice is forgotten and a warning logged).
     */
    public static void restore() {
        IEclipsePreferences p = node();
        String kind = p.get(KIND, "");
        String ref = p.get(REF, "");
        if (kind.isEmpty() || ref.isEmpty()) return;
        try {
            if (kind.equals(RUN)) ModelService.get().setFromRun(RunStore.workspace().open(ref));
            else if (kind.equals(FILE)) ModelService.get().setFromFile(Path.of(ref));
        } catch (IOException | RuntimeException e) {
            ILog.of(CurrentModelChoice.class).warn("The current model of the last session (" + kind + " " + ref
                    + ") cannot be loaded: " + e.getMessage() + "; using the ready model.");
            remember("", "");
        }
    }

    /** What is remembered: "run ID", "file PATH", or "" for the ready model (for tests). */
    public static String remembered() {
        IEclipsePreferences p = node();
        String kind = p.get(KIND, "");
        return kind.isEmpty() ? "" : kind + " " + p.get(REF, "");
    }

    private static void remember(String kind, String ref) {
        IEclipsePreferences p = node();
        if (kind.isEmpty()) {
            p.remove(KIND);
            p.remove(REF);
        } else {
            p.put(KIND, kind);
            p.put(REF, ref);
        }
        PreferenceSaving.flushOrLog(p);
    }

    private static IEclipsePreferences node() {
        return (IEclipsePreferences) InstanceScope.INSTANCE.getNode("digitlab.ui").node(NODE);
    }
}

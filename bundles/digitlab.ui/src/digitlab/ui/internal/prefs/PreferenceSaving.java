package digitlab.ui.internal.prefs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import digitlab.train.internal.AtomicFiles;

/**
 * Saves the lab's instance preferences so that a failed save loses nothing and says why.
 * <p>
 * How Equinox writes {@code <workspace>/.metadata/.plugins/org.eclipse.core.runtime/.settings/<bundle>.prefs}
 * (org.eclipse.equinox.preferences 3.12, {@code EclipsePreferences.write}): when the file exists, the new
 * content goes to {@code <bundle>.prefs.bak} first, which then replaces the file with one rename
 * ({@code Files.move(REPLACE_EXISTING)}); a write that fails midway throws before the rename, so the file
 * keeps the previous settings (and {@code .bak} is read only when the file itself is missing). When the file
 * does not exist yet, Equinox writes it in place, so a first save cut short would leave a torn file: here the
 * file is created first, holding only Equinox's version line, with the lab's {@link AtomicFiles} (temporary
 * file, fsync, rename), and every save takes the rename path. {@code PreferenceSaveFaultTest} fails the
 * writes midway to check all this. Not covered: Equinox does not fsync {@code .bak} before the rename, so
 * after a power cut the file's durability rests on the file system (ext4 flushes a file replaced by rename).
 */
public final class PreferenceSaving {

    /** What Equinox writes first into every preferences file. */
    static final String VERSION_LINE = "eclipse.preferences.version=1\n";

    private PreferenceSaving() {
    }

    /** The file Equinox keeps the instance preferences of {@code qualifier} (a bundle's name) in. */
    public static Path file(String qualifier) {
        // Equinox's InstancePreferences: the state location of org.eclipse.core.runtime in the workspace's metadata
        Path base = Platform.getStateLocation(Platform.getBundle("org.eclipse.core.runtime")).toFile().toPath();
        return base.resolve(".settings").resolve(qualifier + ".prefs");
    }

    /**
     * Writes {@code node} (an instance-scope node or one of its children) to disk.
     *
     * @return null when saved, else one line for the user naming the file and the reason; the file on disk
     *         then still holds the previous settings, and the new ones stay in memory for the next save
     */
    public static String flush(Preferences node) {
        Path file = null;
        try {
            String qualifier = qualifier(node);
            if (qualifier != null) {
                file = file(qualifier);
                if (!Files.exists(file)) AtomicFiles.writeString(file, VERSION_LINE);
            }
            node.flush();
            return null;
        } catch (BackingStoreException | IOException | RuntimeException e) {
            return "Cannot save the preferences" + (file == null ? "" : " to " + file) + ": " + reason(e)
                    + "; the file keeps the previous settings.";
        }
    }

    /** {@link #flush} for saves nobody waits for (a form remembered, a list of folders): a failure is logged. */
    public static void flushOrLog(Preferences node) {
        String problem = flush(node);
        if (problem != null) ILog.of(PreferenceSaving.class).warn(problem);
    }

    /** The bundle name of an instance-scope node ({@code /instance/<qualifier>/...}), else null. */
    private static String qualifier(Preferences node) {
        String[] parts = node.absolutePath().split("/");
        return parts.length >= 3 && InstanceScope.SCOPE.equals(parts[1]) ? parts[2] : null;
    }

    /** The innermost I/O reason ("No space left on device"), not the wrappers' "Exception saving ...". */
    static String reason(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof FileSystemException f && f.getReason() != null) reason = f.getReason();
            else if (t instanceof IOException && t.getMessage() != null) reason = t.getMessage();
        }
        if (reason == null) reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return reason;
    }
}

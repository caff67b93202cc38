package digitlab.ui.internal.prefs;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;

import digitlab.train.Datasets;

/**
 * Carries the Fashion-MNIST folder chosen in Preferences &gt; Digit Lab &gt; Datasets (instance preference
 * {@value #KEY} of {@code digitlab.ui}) to the {@code fashion} dataset, at start-up and on every change.
 * <p>
 * Why a system property: {@code digitlab.data.fashion.FashionMnistProvider} reads its folder from
 * {@code setFolder(Path)}, else the system property {@value #PROPERTY}, else the Debian default. Calling
 * {@code setFolder} would give this bundle a compile-time (and resolve-time) dependency on the Fashion plugin,
 * which is an optional example plugin: the views must work without it. The property is the provider's public,
 * documented seam and needs nothing from it. Whatever {@value #PROPERTY} held when the lab started (a
 * {@code -D} on the command line) is kept and comes back when the preference is cleared.
 */
public final class FashionFolderPreference {

    /** The preference key (an absolute folder, or empty for the default). */
    public static final String KEY = "fashionFolder";
    /** The system property {@code FashionMnistProvider} reads. */
    public static final String PROPERTY = "digitlab.fashion.dir";
    /** Where Debian's {@code dataset-fashion-mnist} puts the files (the provider's own default). */
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";

    private static String startupProperty;
    private static IPreferenceChangeListener listener;

    private FashionFolderPreference() {
    }

    /** The preferences node the key lives in. */
    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode("digitlab.ui");
    }

    /** Applies the preference now and after each change (idempotent). */
    public static synchronized void install() {
        if (listener != null) return;
        startupProperty = System.getProperty(PROPERTY);
        listener = e -> {
            if (KEY.equals(e.getKey())) apply(true);
        };
        node().addPreferenceChangeListener(listener);
        apply(false); // nothing is loaded yet at start-up: no cache to drop
    }

    /** Stops following the preference (the property keeps its value). */
    public static synchronized void uninstall() {
        if (listener == null) return;
        node().removePreferenceChangeListener(listener);
        listener = null;
    }

    /** The folder used when the preference is empty: the start-up {@value #PROPERTY}, else Debian's folder. */
    public static synchronized Path defaultFolder() {
        return Path.of(startupProperty != null && !startupProperty.isBlank() ? startupProperty.strip() : DEBIAN_FOLDER);
    }

    /** The folder Fashion-MNIST is read from now: the preference, else the start-up property, else Debian's. */
    public static Path effectiveFolder() {
        String p = System.getProperty(PROPERTY);
        return Path.of(p != null && !p.isBlank() ? p.strip() : DEBIAN_FOLDER);
    }

    /** Sets (or restores) the property from the preference and drops datasets loaded from the old folder. */
    static synchronized void apply(boolean dropCached) {
        String folder = node().get(KEY, "").strip();
        String value = folder.isEmpty() ? startupProperty : folder;
        String before = System.getProperty(PROPERTY);
        if (value == null) System.clearProperty(PROPERTY);
        else System.setProperty(PROPERTY, value);
        if (dropCached && (before == null ? value != null : !before.equals(value))) {
            // The registry caches datasets by id: without this, "fashion" would stay the old folder's images.
            Datasets.registry().clearCache();
        }
    }
}

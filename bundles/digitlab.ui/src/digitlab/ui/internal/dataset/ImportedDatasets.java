package digitlab.ui.internal.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import digitlab.data.DatasetProvider;
import digitlab.data.idx.IdxFolderProvider;
import digitlab.train.Datasets;

/**
 * The IDX folders imported with "Import IDX Dataset Folder...", kept in the instance preferences (node
 * {@code digitlab.ui/datasets}, key {@value #KEY}: one {@code idx:/path} id a line) so they survive a restart.
 * <p>
 * They are not registered in {@link Datasets#registry()}: the registry reserves the {@code idx:} prefix and
 * resolves such ids by itself, but it lists only registered providers. So the views that offer datasets ask
 * {@link #offered()} (registered ones, then imported folders) and listen here for new imports.
 */
public final class ImportedDatasets {

    /** The preference key: the imported ids, one a line. */
    public static final String KEY = "importedFolders";
    private static final String NODE = "datasets";
    /**
     * Static like the preference node it stands for (one per workspace): the dataset choosers open in any view
     * (Training form, Dataset view) hear of an import made by the File menu's handler, which knows no view.
     */
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private ImportedDatasets() {
    }

    private static IEclipsePreferences node() {
        return (IEclipsePreferences) InstanceScope.INSTANCE.getNode("digitlab.ui").node(NODE);
    }

    /** The imported dataset ids ({@code idx:/absolute/folder}), oldest first. */
    public static synchronized List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String line : node().get(KEY, "").split("\n")) {
            String id = line.strip();
            if (id.startsWith(IdxFolderProvider.PREFIX) && !ids.contains(id)) ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** The ids a dataset chooser offers: the registered datasets, then the imported folders. */
    public static List<String> offered() {
        Set<String> ids = new LinkedHashSet<>();
        for (DatasetProvider p : Datasets.registry().providers()) ids.add(p.id());
        ids.addAll(ids());
        return List.copyOf(ids);
    }

    /**
     * Remembers an imported folder (flushed to disk at once) and tells the listeners; a folder imported
     * before is not added twice.
     *
     * @return the folder's dataset id
     */
    public static String add(Path folder) {
        String id = new IdxFolderProvider(folder).id();
        synchronized (ImportedDatasets.class) {
            List<String> ids = new ArrayList<>(ids());
            if (!ids.contains(id)) {
                ids.add(id);
                store(ids);
            }
        }
        for (Runnable l : LISTENERS) l.run();
        return id;
    }

    /** Forgets an imported folder (the files are left alone). */
    public static void remove(String id) {
        synchronized (ImportedDatasets.class) {
            List<String> ids = new ArrayList<>(ids());
            if (!ids.remove(id)) return;
            store(ids);
        }
        for (Runnable l : LISTENERS) l.run();
    }

    private static void store(List<String> ids) {
        IEclipsePreferences p = node();
        if (ids.isEmpty()) p.remove(KEY);
        else p.put(KEY, String.join("\n", ids));
        // Still in memory for this session when the save fails (the log says why); the next save writes it.
        digitlab.ui.internal.prefs.PreferenceSaving.flushOrLog(p);
    }

    /** Calls {@code l} (on the caller's thread) after each import or removal. */
    public static void addListener(Runnable l) {
        LISTENERS.add(l);
    }

    /** Stops calling {@code l}. */
    public static void removeListener(Runnable l) {
        LISTENERS.remove(l);
    }
}

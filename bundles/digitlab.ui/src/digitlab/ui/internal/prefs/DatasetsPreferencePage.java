package digitlab.ui.internal.prefs;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import digitlab.data.DatasetUnavailableException;
import digitlab.data.idx.IdxFolder;

/**
 * Preferences &gt; Digit Lab &gt; Datasets: the Fashion-MNIST folder. Stored as instance preference
 * {@value FashionFolderPreference#KEY} of {@code digitlab.ui}; {@link FashionFolderPreference} hands it to the
 * dataset. Empty means the {@code -Ddigitlab.fashion.dir} the lab started with, else Debian's folder. A folder
 * without the four IDX files is accepted (it may be mounted later) but the page says which files it lacks.
 */
public final class DatasetsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page id (plugin.xml). */
    public static final String ID = "digitlab.ui.preferences.datasets";

    private DirectoryFieldEditor fashionFolder;

    /** A grid page. */
    public DatasetsPreferencePage() {
        super(GRID);
    }

    @Override
    public void init(IWorkbench workbench) {
        setDescription("Fashion-MNIST (dataset 'fashion') is read from this folder. Leave it empty for "
                + FashionFolderPreference.defaultFolder() + " (Debian: sudo apt-get install dataset-fashion-mnist).");
    }

    @Override
    protected IPreferenceStore doGetPreferenceStore() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, "digitlab.ui");
    }

    @Override
    protected void createFieldEditors() {
        fashionFolder = new DirectoryFieldEditor(FashionFolderPreference.KEY, "&Fashion-MNIST folder:",
                getFieldEditorParent());
        fashionFolder.setEmptyStringAllowed(true);
        addField(fashionFolder);
    }

    @Override
    protected void checkState() {
        super.checkState();
        if (!isValid() || fashionFolder == null) return;
        setMessage(problem(fashionFolder.getStringValue()), WARNING);
    }

    @Override
    public void propertyChange(org.eclipse.jface.util.PropertyChangeEvent event) {
        super.propertyChange(event);
        if (fashionFolder != null && isValid()) setMessage(problem(fashionFolder.getStringValue()), WARNING);
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        // Flush at once: the folder must survive a crash, not only an orderly exit. A failed save says which
        // file and why, keeps the page open, and leaves the file with the previous settings (PreferenceSaving).
        if (ok && getPreferenceStore() instanceof ScopedPreferenceStore store && store.needsSaving()) {
            String problem = PreferenceSaving.flush(FashionFolderPreference.node());
            if (problem != null) {
                setErrorMessage(problem);
                return false;
            }
        }
        return ok;
    }

    /** Types a folder into the field, as a person would (for tests). */
    public void setFashionFolder(String folder) {
        fashionFolder.setStringValue(folder);
        checkState();
    }

    /** What is wrong with a folder for Fashion-MNIST (which files it lacks), or null when it has all four. */
    static String problem(String folder) {
        String f = folder == null ? "" : folder.strip();
        Path path = f.isEmpty() ? FashionFolderPreference.defaultFolder() : Path.of(f);
        try {
            IdxFolder.locate(path);
            return null;
        } catch (DatasetUnavailableException e) {
            return e.getMessage();
        }
    }
}

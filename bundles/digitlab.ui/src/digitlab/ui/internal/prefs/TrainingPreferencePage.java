package digitlab.ui.internal.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import digitlab.train.RunStore;

/**
 * Preferences &gt; Digit Lab &gt; Training: the threads of new runs (at most the cores of this computer) and where
 * runs are kept: the workspace's {@code runs} folder, named on the page; the workspace is chosen when the lab
 * starts ({@code DIGITLAB_WORKSPACE} for the start script, {@code -data} for the launcher), so it is not a field.
 */
public final class TrainingPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** A grid page. */
    public TrainingPreferencePage() {
        super(GRID);
    }

    @Override
    public void init(IWorkbench workbench) {
        setDescription("Settings of new training runs (the Training view's form starts with them).\n\nRuns are kept in "
                + RunStore.workspace().root() + ".\nTo keep them elsewhere, start the lab with DIGITLAB_WORKSPACE=FOLDER "
                + "(or -data FOLDER); runs go to FOLDER/runs.");
    }

    @Override
    protected IPreferenceStore doGetPreferenceStore() {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "digitlab.ui");
        store.setDefault(LabPreferences.THREADS, LabPreferences.defaultThreads());
        return store;
    }

    @Override
    protected void createFieldEditors() {
        int cores = Runtime.getRuntime().availableProcessors();
        IntegerFieldEditor threads = new IntegerFieldEditor(LabPreferences.THREADS,
                "&Threads per run (1-" + cores + "):", getFieldEditorParent(), 3);
        threads.setValidRange(1, cores);
        addField(threads);
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        String problem = ok ? PreferenceSaving.flush(LabPreferences.node()) : null;
        if (problem != null) {
            setErrorMessage(problem);
            return false;
        }
        return ok;
    }
}

package digitlab.ui.internal.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Preferences &gt; Digit Lab &gt; Canvas: the pen's width and whether the canvas guesses while drawing. An open
 * canvas follows at once; saved atomically ({@link PreferenceSaving}).
 */
public final class CanvasPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** A grid page. */
    public CanvasPreferencePage() {
        super(GRID);
    }

    @Override
    public void init(IWorkbench workbench) {
        setDescription("How the Digit Canvas draws and guesses. MNIST digits are drawn with a pen of about 7.5 % of "
                + "the digit's box (75 thousandths).");
    }

    @Override
    protected IPreferenceStore doGetPreferenceStore() {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "digitlab.ui");
        store.setDefault(LabPreferences.PEN_WIDTH, LabPreferences.DEFAULT_PEN);
        store.setDefault(LabPreferences.LIVE_GUESSING, true);
        return store;
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor pen = new IntegerFieldEditor(LabPreferences.PEN_WIDTH, "&Pen width (thousandths of the box):",
                getFieldEditorParent(), 3);
        pen.setValidRange(LabPreferences.MIN_PEN, LabPreferences.MAX_PEN);
        addField(pen);
        addField(new BooleanFieldEditor(LabPreferences.LIVE_GUESSING, "&Guess while drawing", getFieldEditorParent()));
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

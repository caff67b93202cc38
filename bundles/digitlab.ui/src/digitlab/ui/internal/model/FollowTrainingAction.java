package digitlab.ui.internal.model;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IMemento;

/**
 * The "Follow Training" check box of a view's menu (Digit Canvas, Weights): when checked, the view shows the
 * newest snapshot of a run while it trains ({@link ModelAccess#live()}), else the current model. Its state
 * is kept in the view's memento, so it survives a restart.
 */
public final class FollowTrainingAction extends Action {

    private static final String MEMENTO_KEY = "followTraining";

    private final Runnable changed;

    /**
     * @param memento   the view's memento from {@code init} (may be null), which may hold the last state
     * @param byDefault the state when the memento holds none
     * @param tooltip   what following means in this view
     * @param changed   called on the UI thread when the user checks or unchecks it
     */
    public FollowTrainingAction(IMemento memento, boolean byDefault, String tooltip, Runnable changed) {
        super("Follow Training", AS_CHECK_BOX);
        Boolean saved = memento == null ? null : memento.getBoolean(MEMENTO_KEY);
        setChecked(saved != null ? saved : byDefault);
        setToolTipText(tooltip);
        this.changed = changed;
    }

    @Override
    public void run() {
        changed.run();
    }

    /** The model the view shows: the live snapshot when following and a run trains, else the current model. */
    public PredictionModel shown(ModelAccess models) {
        return models.shown(isChecked());
    }

    /** Keeps the state in the view's memento (call from the view's {@code saveState}). */
    public void saveState(IMemento memento) {
        memento.putBoolean(MEMENTO_KEY, isChecked());
    }
}

package digitlab.train;

/** Told when the {@link ModelService}'s current model changes. */
@FunctionalInterface
public interface ModelListener {

    /** The current model is now {@code current}. Called on the thread that changed it: hand widget work to the UI thread. */
    void currentModelChanged(CurrentModel current);
}

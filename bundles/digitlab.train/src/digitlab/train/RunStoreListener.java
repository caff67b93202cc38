package digitlab.train;

/** Told when runs of a {@link RunStore} are created, change status, are renamed or deleted. */
@FunctionalInterface
public interface RunStoreListener {

    /**
     * Run {@code id} was created, changed or deleted. Called on the thread that made the change (a training
     * thread, the UI thread ...): keep it quick and hand over to the UI thread for widget updates.
     */
    void runChanged(RunStore store, String id);
}

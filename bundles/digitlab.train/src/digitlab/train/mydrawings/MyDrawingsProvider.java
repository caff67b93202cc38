package digitlab.train.mydrawings;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import java.io.IOException;

/**
 * Offers the workspace's My drawings ({@link MyDrawingsStore#workspace()}) as dataset
 * {@value MyDrawingsDataset#ID}: {@code digitlab train|eval --dataset mydrawings}, the Dataset view.
 * Registered by the training bundle itself (it knows the workspace).
 */
public final class MyDrawingsProvider implements DatasetProvider {

    @Override
    public String id() {
        return MyDrawingsDataset.ID;
    }

    @Override
    public String displayName() {
        return MyDrawingsDataset.NAME;
    }

    /** Reads the store; an absent store is an empty dataset. */
    @Override
    public Dataset load() throws IOException {
        return MyDrawingsStore.workspace().dataset();
    }
}

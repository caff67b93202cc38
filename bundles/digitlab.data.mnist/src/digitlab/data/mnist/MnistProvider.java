package digitlab.data.mnist;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;

import java.io.IOException;

/** Contributes the embedded MNIST as dataset {@code mnist}. */
public final class MnistProvider implements DatasetProvider {

    @Override
    public String id() {
        return MnistDataset.ID;
    }

    @Override
    public String displayName() {
        return MnistDataset.DISPLAY_NAME;
    }

    @Override
    public boolean isAvailable() {
        return MnistDataset.class.getResource(MnistDataset.RESOURCE_FOLDER + "train-images-idx3-ubyte.gz") != null;
    }

    @Override
    public Dataset load() throws IOException {
        return MnistDataset.load();
    }
}

package digitlab.train;

import digitlab.data.Dataset;
import digitlab.data.DatasetRegistry;
import digitlab.data.SplitPolicy;
import digitlab.train.internal.Contributions;
import java.io.IOException;

/**
 * Where training finds its datasets: the one seam between the training bundle and dataset contributions.
 * Today that is {@link DatasetRegistry#standard()} filled, inside the product, from the {@code digitlab.data.datasets} extension point
 * and from bundles that declare a {@code META-INF/services/digitlab.data.DatasetProvider} entry (as
 * {@code digitlab.data.mnist} does).
 */
public final class Datasets {

    private Datasets() {
    }

    /** The shared dataset registry, with the installed bundles' datasets registered. */
    public static DatasetRegistry registry() {
        Contributions.ensureLoaded();
        return DatasetRegistry.standard();
    }

    /**
     * Loads dataset {@code id} with {@code validationImages} held out (-1 = the dataset's default, 0 = none).
     * Call off the UI thread.
     *
     * @throws digitlab.data.UnknownDatasetException listing the known ids
     * @throws digitlab.data.DatasetUnavailableException with advice on what to install
     * @throws IOException naming the broken file
     * @throws IllegalArgumentException when the split leaves no training image
     */
    public static Dataset load(String id, int validationImages) throws IOException {
        Dataset d = registry().load(id);
        if (validationImages >= 0) d = d.withSplitPolicy(SplitPolicy.lastImages(validationImages));
        return d;
    }
}

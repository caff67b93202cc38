package digitlab.train.internal;

import digitlab.data.DatasetRegistry;
import digitlab.train.extensions.ContributionLoader;
import digitlab.train.mydrawings.MyDrawingsDataset;
import digitlab.train.mydrawings.MyDrawingsProvider;

/**
 * Makes sure the plugins' contributions (datasets, layers, optimizers, presets) are in the standard
 * registries before the training bundle looks anything up: the extension points (read by
 * {@link ContributionLoader}) first, then datasets that bundles declare as {@code META-INF/services}
 * ({@link BundleDatasets}), then the workspace's My drawings. Cheap after the first call; does nothing on a plain class path.
 */
public final class Contributions {

    private static volatile boolean loaded;

    private Contributions() {
    }

    /** Loads the contributions once per process. */
    public static void ensureLoaded() {
        if (loaded) return;
        synchronized (Contributions.class) {
            if (loaded) return;
            try {
                ContributionLoader.loadAll();
            } catch (LinkageError | RuntimeException e) {
                // No extension registry (plain Java without Equinox): nothing is contributed that way.
            }
            BundleDatasets.registerOnce(DatasetRegistry.standard());
            DatasetRegistry r = DatasetRegistry.standard();
            if (r.providers().stream().noneMatch(p -> p.id().equals(MyDrawingsDataset.ID))) {
                r.register(new MyDrawingsProvider()); // the workspace's own dataset: the drawings the user taught
            }
            loaded = true;
        }
    }
}

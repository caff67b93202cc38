package digitlab.train.extensions;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.DatasetUnavailableException;
import java.io.IOException;

/**
 * A contributed {@link DatasetProvider} as the lab registers it: the id is read once at registration;
 * {@code load()} may throw {@link IOException} as documented; anything else disables the contribution, and
 * from then on the dataset is listed as unavailable and loading it fails with a message naming the plugin.
 */
final class GuardedDatasetProvider implements DatasetProvider {

    private final DatasetProvider delegate;
    private final String id;
    private final Guard guard;

    GuardedDatasetProvider(DatasetProvider delegate, String id, Guard guard) {
        this.delegate = delegate;
        this.id = id;
        this.guard = guard;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        if (guard.contribution().disabledBecause() != null) return id + " (disabled: plugin " + guard.contribution().contributor() + " failed)";
        try {
            String name = delegate.displayName();
            return name == null || name.isBlank() ? id : name;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            guard.fail("in displayName()", e);
            return id + " (disabled: plugin " + guard.contribution().contributor() + " failed)";
        }
    }

    @Override
    public boolean isAvailable() {
        if (guard.contribution().disabledBecause() != null) return false;
        try {
            return delegate.isAvailable();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            guard.fail("in isAvailable()", e);
            return false;
        }
    }

    @Override
    public Dataset load() throws IOException {
        try {
            guard.checkEnabled();
        } catch (ContributionFailure e) {
            throw new DatasetUnavailableException(e.getMessage(), null);
        }
        try {
            Dataset d = delegate.load();
            if (d == null) throw new NullPointerException("load() returned null");
            return d;
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new IOException(guard.fail("loading the dataset", e).getMessage(), e);
        }
    }
}

package digitlab.data;

import java.io.IOException;

/**
 * Contributes one dataset to the lab. A provider is cheap to create and to ask for its id and name; the
 * images are read only by {@link #load()}, when a dataset is actually used.
 * <p>
 * Register providers with {@link DatasetRegistry#register(DatasetProvider)} (from an extension point, an
 * OSGi component, a {@code java.util.ServiceLoader} entry or plain code).
 */
public interface DatasetProvider {

    /** The dataset id, for example {@code mnist}; lower case letters, digits, '-', '_' or '.'. */
    String id();

    /** A name for people, for example "Fashion-MNIST (Zalando)". */
    String displayName();

    /**
     * Whether {@link #load()} can be expected to succeed (for instance, whether the files are installed),
     * without reading them. The default says yes.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Reads the dataset. May take a second or so; call it off the UI thread.
     *
     * @throws DatasetUnavailableException when the data is not there, with advice on what to install or set
     * @throws IOException                 when the data is there but broken (for example
     *                                     {@link digitlab.data.idx.IdxFormatException}), naming file and problem
     */
    Dataset load() throws IOException;
}

package digitlab.data;

import digitlab.data.idx.IdxFolderProvider;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Knows the datasets of the lab and resolves dataset ids.
 * <p>
 * Ids: those of registered providers ({@code mnist}, {@code fashion}, ...) and {@code idx:/path/to/folder}
 * for any folder with the four standard IDX files ({@link IdxFolderProvider}), which needs no registration.
 * <p>
 * Providers are added with {@link #register(DatasetProvider)}, which an extension-point reader, an OSGi
 * component or plain code can call at any time. {@link #standard()} is the shared registry; on a plain class
 * path it also picks up providers declared as {@code java.util.ServiceLoader} services
 * ({@code META-INF/services/digitlab.data.DatasetProvider}), which is how the MNIST and Fashion-MNIST bundles
 * announce themselves outside OSGi. (Under OSGi each bundle has its own class loader, so there they are
 * registered by the platform wiring instead.)
 * <p>
 * Loaded datasets are cached per id (softly, so that memory pressure can drop them); thread-safe.
 */
public final class DatasetRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static volatile DatasetRegistry standard;

    private final Map<String, DatasetProvider> providers = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, SoftReference<Dataset>> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> loadLocks = new ConcurrentHashMap<>();

    /** An empty registry (only {@code idx:} ids resolve). */
    public DatasetRegistry() {
    }

    /**
     * The shared registry of the running program, with the providers found by {@code ServiceLoader} through
     * this bundle's and the current thread's class loader.
     *
     * <p>Why a static registry and not an OSGi service: this bundle is plain Java (datasets load in tests,
     * scripts and other programs as they are); inside the lab, digitlab.train fills it from the extension
     * registry and the bundles' {@code META-INF/services}, once, before anything looks an id up.
     */
    public static DatasetRegistry standard() {
        DatasetRegistry r = standard;
        if (r == null) {
            synchronized (DatasetRegistry.class) {
                r = standard;
                if (r == null) {
                    r = new DatasetRegistry();
                    r.registerServices(DatasetRegistry.class.getClassLoader());
                    r.registerServices(Thread.currentThread().getContextClassLoader());
                    standard = r;
                }
            }
        }
        return r;
    }

    /**
     * Registers the {@code ServiceLoader} providers visible through {@code loader} whose ids are not taken
     * yet; broken service entries are skipped.
     *
     * @return how many providers were added
     */
    public int registerServices(ClassLoader loader) {
        if (loader == null) {
            return 0;
        }
        int added = 0;
        try {
            for (DatasetProvider p : ServiceLoader.load(DatasetProvider.class, loader)) {
                if (!providers.containsKey(p.id()) && register(p)) {
                    added++;
                }
            }
        } catch (ServiceConfigurationError e) {
            // A broken META-INF/services entry of some other jar must not take the lab down.
            System.getLogger(DatasetRegistry.class.getName()).log(System.Logger.Level.WARNING,
                    "skipping dataset providers: " + e.getMessage());
        }
        return added;
    }

    /**
     * Adds a provider. Registering another instance of the same provider class under the same id again is a
     * no-op (so a provider found both by {@code ServiceLoader} and by an extension point is harmless).
     *
     * @return true when added, false when the same provider class already had this id
     * @throws IllegalArgumentException when its id is malformed (lower case letters, digits, '.', '_', '-';
     *                                  {@code idx:} is reserved) or taken by a different provider (naming both)
     */
    public boolean register(DatasetProvider provider) {
        Objects.requireNonNull(provider, "provider");
        String id = provider.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dataset provider " + provider.getClass().getName() + " has id '" + id
                    + "'; ids are lower case letters, digits, '.', '_' or '-'");
        }
        DatasetProvider previous = providers.putIfAbsent(id, provider);
        if (previous != null) {
            if (previous.getClass() == provider.getClass()) {
                return false;
            }
            throw new IllegalArgumentException("dataset id '" + id + "' of " + provider.getClass().getName()
                    + " is already registered by " + previous.getClass().getName());
        }
        order.add(id);
        return true;
    }

    /**
     * Removes the provider with this id (for example when its plugin stops) and forgets its cached dataset.
     *
     * @return whether there was one
     */
    public boolean unregister(String id) {
        cache.remove(id);
        order.remove(id);
        return providers.remove(id) != null;
    }

    /** The registered providers, in registration order (not including {@code idx:} folders). */
    public List<DatasetProvider> providers() {
        List<DatasetProvider> list = new ArrayList<>();
        for (String id : order) {
            DatasetProvider p = providers.get(id);
            if (p != null) {
                list.add(p);
            }
        }
        return List.copyOf(list);
    }

    /** The ids this registry answers to, for messages: the registered ones, then {@code idx:<folder>}. */
    public List<String> knownIds() {
        List<String> ids = new ArrayList<>(order);
        ids.add(IdxFolderProvider.PREFIX + "<folder>");
        return List.copyOf(ids);
    }

    /**
     * The provider for an id: a registered one, or an {@link IdxFolderProvider} for {@code idx:/path}.
     *
     * @throws UnknownDatasetException naming the id and listing the known ids
     */
    public DatasetProvider resolve(String id) throws UnknownDatasetException {
        String key = id == null ? "" : id.strip();
        if (key.startsWith(IdxFolderProvider.PREFIX)) {
            try {
                return IdxFolderProvider.forId(key);
            } catch (IllegalArgumentException e) {
                throw new UnknownDatasetException(key, e.getMessage());
            }
        }
        DatasetProvider p = providers.get(key);
        if (p == null) {
            throw new UnknownDatasetException(key, "unknown dataset '" + key + "'; known datasets: "
                    + String.join(", ", knownIds()));
        }
        return p;
    }

    /**
     * Resolves and loads a dataset, or returns the one loaded before for this id (with the standard
     * validation split; use {@link Dataset#withSplitPolicy} for another). Call off the UI thread.
     *
     * @throws UnknownDatasetException     for an unknown id (listing the known ones)
     * @throws DatasetUnavailableException when the data is not there, with advice
     * @throws IOException                 when the data is broken, naming file and problem
     */
    public Dataset load(String id) throws IOException {
        DatasetProvider provider = resolve(id);
        String key = provider.id();
        Dataset cached = cached(key);
        if (cached != null) {
            return cached;
        }
        synchronized (loadLocks.computeIfAbsent(key, k -> new Object())) {
            cached = cached(key);
            if (cached == null) {
                cached = provider.load();
                cache.put(key, new SoftReference<>(cached));
            }
            return cached;
        }
    }

    /** Forgets the cached dataset of {@code id} (the next {@link #load} of it reads its data again). */
    public void evict(String id) {
        cache.remove(id);
    }

    /** Forgets all cached datasets (the next {@link #load} reads the files again). */
    public void clearCache() {
        cache.clear();
    }

    private Dataset cached(String key) {
        SoftReference<Dataset> ref = cache.get(key);
        return ref == null ? null : ref.get();
    }
}

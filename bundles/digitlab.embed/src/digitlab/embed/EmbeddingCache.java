package digitlab.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finished maps and their activations, kept in memory per model, layer and number of images (and method and
 * settings for maps), the least recently used dropped first. The model is named by a key its owner chooses
 * (a content hash, a run, later a run at an epoch); two different models must never share a key.
 * Thread-safe.
 */
public final class EmbeddingCache {

    /** A map's key. */
    public record Key(String model, EmbedRequest request) {
        /** The key of the request's normalised form ({@link EmbedRequest#normalised()}). */
        public Key {
            request = request.normalised();
        }
    }

    private record ActivationKey(String model, int layer, int limit) {
    }

    private final Map<Key, Embedding> maps;
    private final Map<ActivationKey, ActivationSet> activations;

    /** A cache of at most {@code capacity} maps and as many activation sets. */
    public EmbeddingCache(int capacity) {
        maps = lru(capacity);
        activations = lru(capacity);
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The map stored for {@code key}, or null. */
    public synchronized Embedding get(Key key) {
        return maps.get(key);
    }

    /** The activations stored for the key's model, layer and limit, or null. */
    public synchronized ActivationSet activations(Key key) {
        return activations.get(new ActivationKey(key.model(), key.request().layer(), key.request().limit()));
    }

    /** Stores {@code map} and its activations under {@code key}. */
    public synchronized void put(Key key, Embedding map) {
        maps.put(key, map);
        activations.put(new ActivationKey(key.model(), key.request().layer(), key.request().limit()), map.points());
    }

    /** Forgets everything about {@code model} (a run deleted, a model replaced). */
    public synchronized void forget(String model) {
        maps.keySet().removeIf(k -> k.model().equals(model));
        activations.keySet().removeIf(k -> k.model().equals(model));
    }
}

package digitlab.nn.onnx;

import digitlab.nn.onnx.internal.StandardMappings;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ONNX export mappings by layer type id: the standard layers ({@code dense}, the activations, {@code softmax},
 * {@code dropout}, {@code conv2d}, {@code maxpool}, {@code flatten}) and those contributed by plugins.
 * {@link #standard()} is the process-wide registry that the lab's export uses; thread-safe.
 */
public final class OnnxMappings {

    private static final OnnxMappings STANDARD = new OnnxMappings();

    private final Map<String, OnnxExportMapping> mappings = new ConcurrentHashMap<>();

    /** A registry with the standard layers' mappings. */
    public OnnxMappings() {
        StandardMappings.registerAll(mappings);
    }

    /**
     * The process-wide registry (standard layers plus plugin contributions).
     *
     * <p>Why a static registry and not an OSGi service: this bundle is plain Java (no OSGi, no Eclipse, so the
     * network runs in tests, scripts and other programs as it is); inside the lab, digitlab.train's
     * ContributionLoader fills it from the extension registry, once, before anything looks a name up.
     */
    public static OnnxMappings standard() {
        return STANDARD;
    }

    /** Adds or replaces the mapping of layer type {@code type}. */
    public void register(String type, OnnxExportMapping mapping) {
        mappings.put(key(type), mapping);
    }

    /** Removes the mapping of {@code type} (e.g. when its plugin stops). */
    public void unregister(String type) {
        mappings.remove(key(type));
    }

    /** The mapping of {@code type}, or null when the type has none. */
    public OnnxExportMapping find(String type) {
        return mappings.get(key(type));
    }

    /** The layer types that have a mapping, sorted. */
    public Set<String> types() {
        return new TreeSet<>(mappings.keySet());
    }

    private static String key(String type) {
        return type.trim().toLowerCase(Locale.ROOT);
    }
}

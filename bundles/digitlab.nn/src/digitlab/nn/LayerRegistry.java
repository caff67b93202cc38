package digitlab.nn;

import digitlab.nn.internal.ActivationLayer;
import digitlab.nn.internal.Dense;
import digitlab.nn.internal.Dropout;
import digitlab.nn.internal.Softmax;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Layer types by id: the built-ins ({@code dense}, {@code softmax}, {@code dropout} and one type per
 * registered {@link Activation}: {@code sigmoid}, {@code tanh}, {@code relu}, {@code leakyrelu},
 * {@code identity}) plus whatever plugins register at run time (e.g. {@code conv2d}).
 *
 * <p>{@link #standard()} is the process-wide registry that architectures use by default and that
 * plugins add to; {@code new LayerRegistry()} gives an independent one with the built-ins only.
 * Thread-safe.
 */
public final class LayerRegistry {

    private static final LayerRegistry STANDARD = new LayerRegistry();

    private final Map<String, LayerFactory> factories = new ConcurrentHashMap<>();

    /** A registry with the built-in layer types. */
    public LayerRegistry() {
        register(Dense.TYPE, Dense::create);
        register(Softmax.TYPE, Softmax::create);
        register(Dropout.TYPE, Dropout::create);
    }

    /**
     * The process-wide registry (built-ins plus plugin contributions).
     *
     * <p>Why a static registry and not an OSGi service: this bundle is plain Java (no OSGi, no Eclipse, so the
     * network runs in tests, scripts and other programs as it is); inside the lab, digitlab.train's
     * ContributionLoader fills it from the extension registry, once, before anything looks a name up.
     */
    public static LayerRegistry standard() {
        return STANDARD;
    }

    /** Adds or replaces the factory for {@code type} (lower-cased). */
    public void register(String type, LayerFactory factory) {
        factories.put(type.trim().toLowerCase(java.util.Locale.ROOT), factory);
    }

    /** Removes a type (e.g. when its plugin stops). */
    public void unregister(String type) {
        factories.remove(type.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** True when {@code type} names a registered layer type or activation. */
    public boolean contains(String type) {
        return type != null && (factories.containsKey(type.trim().toLowerCase(java.util.Locale.ROOT))
                || Activations.find(type) != null);
    }

    /** All known type ids, sorted (layer types and activations). */
    public Set<String> types() {
        Set<String> all = new TreeSet<>(factories.keySet());
        all.addAll(Activations.ids());
        return all;
    }

    /**
     * Creates the layer for {@code spec} receiving samples of shape {@code input}.
     *
     * @throws IllegalArgumentException for an unknown type (listing the known ones) or bad parameters
     */
    public Layer create(LayerSpec spec, Shape input) {
        LayerFactory f = factories.get(spec.type());
        if (f != null) return f.create(spec, input);
        Activation a = spec.type().equals("leakyrelu")
                ? Activations.leakyRelu((float) spec.doubleParam("alpha", 0.01))
                : Activations.find(spec.type());
        if (a != null) return new ActivationLayer(spec, a, input);
        throw new IllegalArgumentException("unknown layer type '" + spec.type() + "'; known: " + types());
    }
}

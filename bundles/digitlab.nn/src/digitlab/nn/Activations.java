package digitlab.nn;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in activations and a registry by id, which plugins may extend at run time. Each
 * registered activation is also a layer type of the same id ({@link LayerRegistry}).
 */
public final class Activations {

    /** Logistic sigmoid {@code 1 / (1 + e^-x)}; derivative {@code y (1 - y)}. */
    public static final Activation SIGMOID = new Activation() {
        @Override public String id() { return "sigmoid"; }
        @Override public float apply(float x) { return (float) (1.0 / (1.0 + Math.exp(-x))); }
        @Override public float derivative(float x, float y) { return y * (1f - y); }
    };

    /** Hyperbolic tangent; derivative {@code 1 - y^2}. */
    public static final Activation TANH = new Activation() {
        @Override public String id() { return "tanh"; }
        @Override public float apply(float x) { return (float) Math.tanh(x); }
        @Override public float derivative(float x, float y) { return 1f - y * y; }
    };

    /** Rectified linear unit {@code max(0, x)}; derivative 1 for {@code x > 0}, else 0. */
    public static final Activation RELU = new Activation() {
        @Override public String id() { return "relu"; }
        @Override public float apply(float x) { return x > 0f ? x : 0f; }
        @Override public float derivative(float x, float y) { return x > 0f ? 1f : 0f; }
    };

    /** Leaky ReLU with slope 0.01 for negative inputs. */
    public static final Activation LEAKY_RELU = leakyRelu(0.01f);

    /** Identity {@code f(x) = x} (a linear layer). */
    public static final Activation IDENTITY = new Activation() {
        @Override public String id() { return "identity"; }
        @Override public float apply(float x) { return x; }
        @Override public float derivative(float x, float y) { return 1f; }
    };

    private static final Map<String, Activation> REGISTRY = new ConcurrentHashMap<>();

    static {
        for (Activation a : new Activation[] {SIGMOID, TANH, RELU, LEAKY_RELU, IDENTITY}) register(a);
    }

    private Activations() {
    }

    /** Leaky ReLU {@code x > 0 ? x : alpha x}, with id {@code "leakyrelu"}. */
    public static Activation leakyRelu(float alpha) {
        return new Activation() {
            @Override public String id() { return "leakyrelu"; }
            @Override public float apply(float x) { return x > 0f ? x : alpha * x; }
            @Override public float derivative(float x, float y) { return x > 0f ? 1f : alpha; }
        };
    }

    /** Adds (or replaces) an activation under its id. */
    public static void register(Activation activation) {
        REGISTRY.put(activation.id().toLowerCase(java.util.Locale.ROOT), activation);
    }

    /** Removes the activation with this id (for plugins being stopped). */
    public static void unregister(String id) {
        REGISTRY.remove(id.toLowerCase(java.util.Locale.ROOT));
    }

    /** The activation with this id, or null. */
    public static Activation find(String id) {
        return id == null ? null : REGISTRY.get(id.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The activation with this id.
     *
     * @throws IllegalArgumentException listing the known ids when there is none
     */
    public static Activation get(String id) {
        Activation a = find(id);
        if (a == null) throw new IllegalArgumentException("unknown activation '" + id + "'; known: " + ids());
        return a;
    }

    /** The registered ids, sorted. */
    public static Set<String> ids() {
        return new TreeSet<>(REGISTRY.keySet());
    }
}

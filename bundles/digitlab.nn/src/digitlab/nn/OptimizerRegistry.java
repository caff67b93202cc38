package digitlab.nn;

import digitlab.nn.internal.Adam;
import digitlab.nn.internal.Momentum;
import digitlab.nn.internal.Sgd;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optimizers by name: {@code sgd}, {@code momentum} (with {@link TrainingConfig#nesterov()}),
 * {@code adam} (L2 decay added to the gradient) and {@code adamw} (decoupled weight decay), plus
 * whatever plugins register. {@link #standard()} is the process-wide registry. Thread-safe.
 */
public final class OptimizerRegistry {

    private static final OptimizerRegistry STANDARD = new OptimizerRegistry();

    private final Map<String, OptimizerFactory> factories = new ConcurrentHashMap<>();

    /** A registry with the built-in optimizers. */
    public OptimizerRegistry() {
        register("sgd", (c, n) -> new Sgd(c.weightDecay(), c.threads()));
        register("momentum", (c, n) -> new Momentum(n, c.momentum(), c.nesterov(), c.weightDecay(), c.threads()));
        register("adam", (c, n) -> new Adam("adam", n, c.beta1(), c.beta2(), c.epsilon(), c.weightDecay(), false, c.threads()));
        register("adamw", (c, n) -> new Adam("adamw", n, c.beta1(), c.beta2(), c.epsilon(), c.weightDecay(), true, c.threads()));
    }

    /**
     * The process-wide registry (built-ins plus plugin contributions).
     *
     * <p>Why a static registry and not an OSGi service: this bundle is plain Java (no OSGi, no Eclipse, so the
     * network runs in tests, scripts and other programs as it is); inside the lab, digitlab.train's
     * ContributionLoader fills it from the extension registry, once, before anything looks a name up.
     */
    public static OptimizerRegistry standard() {
        return STANDARD;
    }

    /** Adds or replaces an optimizer under {@code name} (lower-cased). */
    public void register(String name, OptimizerFactory factory) {
        factories.put(name.trim().toLowerCase(java.util.Locale.ROOT), factory);
    }

    /** Removes an optimizer. */
    public void unregister(String name) {
        factories.remove(name.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** True when {@code name} is registered. */
    public boolean contains(String name) {
        return name != null && factories.containsKey(name.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(factories.keySet());
    }

    /**
     * A fresh optimizer named by {@code config.optimizer()}.
     *
     * @throws IllegalArgumentException listing the known names when it is unknown
     */
    public Optimizer create(TrainingConfig config, int parameterCount) {
        OptimizerFactory f = factories.get(config.optimizer().trim().toLowerCase(java.util.Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("optimizer: unknown '" + config.optimizer() + "'; known: " + names());
        }
        return f.create(config, parameterCount);
    }
}

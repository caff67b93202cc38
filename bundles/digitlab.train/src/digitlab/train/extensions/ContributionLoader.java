package digitlab.train.extensions;

import digitlab.data.DatasetProvider;
import digitlab.data.DatasetRegistry;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.onnx.OnnxExportMapping;
import digitlab.nn.onnx.OnnxMappings;
import digitlab.nn.Network;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.OptimizerRegistry;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * Reads the lab's extension points and fills the plain-Java registries of {@code digitlab.nn} and
 * {@code digitlab.data}:
 * <ul>
 * <li>{@value #LAYERS} into {@link LayerRegistry#standard()},</li>
 * <li>{@value #OPTIMIZERS} into {@link OptimizerRegistry#standard()},</li>
 * <li>{@value #DATASETS} into {@link DatasetRegistry#standard()},</li>
 * <li>{@value #PRESETS} into {@link Presets} (last, so presets may use contributed layers and optimizers).</li>
 * </ul>
 * Every contribution is called defensively: a class that cannot be loaded or created, has the wrong type,
 * or whose id is malformed or taken, is logged with the contributing plugin's name and skipped; the others
 * are registered behind guards that disable them (logged the same way) when they throw while in use.
 *
 * <p>Why the extension registry and not OSGi services: contributions are declared in {@code plugin.xml}, so
 * the lab knows every layer type, optimizer and preset by name without starting the contributing bundles
 * (their classes load on first use), the contributor's name comes with every element for the log, and the
 * contributing bundles (like {@code digitlab.nn.conv}) stay plain Java with no OSGi or Eclipse code at all.
 *
 * <p>Contributions are read once per process: plugins installed while the lab runs take effect at the next
 * start.
 */
public final class ContributionLoader {

    /** Layer types: {@code <layer type="..." class="...LayerFactory"/>}. */
    public static final String LAYERS = "digitlab.nn.layers";
    /** Optimizers: {@code <optimizer name="..." class="...OptimizerFactory"/>}. */
    public static final String OPTIMIZERS = "digitlab.nn.optimizers";
    /** Presets: {@code <preset name="..." class="...Supplier<Preset>"/>}. */
    public static final String PRESETS = "digitlab.nn.presets";
    /** Datasets: {@code <dataset id="..." class="...DatasetProvider"/>}. */
    public static final String DATASETS = "digitlab.data.datasets";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final Pattern DATASET_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static ContributionLoader loaded;

    private final ContributionLog log = new ContributionLog();
    private final List<Contribution> registered = new ArrayList<>();

    private ContributionLoader() {
    }

    /**
     * Reads all contributions into the standard registries, the first time it is called; later calls do
     * nothing and return the same loader. Safe to call from any thread, from the command line application and
     * from the workbench start (whichever comes first does the work). Without an extension registry (plain
     * Java, or called before the registry bundle started) nothing is read and nothing is remembered.
     *
     * @return the loader, to ask for what was registered and what went wrong
     */
    public static synchronized ContributionLoader loadAll() {
        if (loaded == null) {
            IExtensionRegistry registry = RegistryFactory.getRegistry();
            if (registry == null) return new ContributionLoader(); // not remembered: a later call may find one
            ContributionLoader l = new ContributionLoader();
            l.load(registry, LayerRegistry.standard(), OptimizerRegistry.standard(), DatasetRegistry.standard());
            loaded = l;
        }
        return loaded;
    }

    /** The contributions registered (some may have been disabled since; see {@link Contribution#disabledBecause()}). */
    public synchronized List<Contribution> registered() {
        return List.copyOf(registered);
    }

    /** Every contribution skipped while loading or disabled while in use, oldest first. */
    public List<ContributionProblem> problems() {
        return log.problems();
    }

    private void load(IExtensionRegistry registry, LayerRegistry layers, OptimizerRegistry optimizers,
                      DatasetRegistry datasets) {
        for (IConfigurationElement e : registry.getConfigurationElementsFor(LAYERS)) loadLayer(e, layers);
        for (IConfigurationElement e : registry.getConfigurationElementsFor(OPTIMIZERS)) loadOptimizer(e, optimizers);
        for (IConfigurationElement e : registry.getConfigurationElementsFor(DATASETS)) loadDataset(e, datasets);
        for (IConfigurationElement e : registry.getConfigurationElementsFor(PRESETS)) loadPreset(e, layers);
    }

    private void loadLayer(IConfigurationElement e, LayerRegistry layers) {
        String type = lower(e.getAttribute("type"));
        String what = "layer type '" + type + "' (" + e.getAttribute("class") + ")";
        if (!isName(e, LAYERS, "type", type, what)) return;
        if (layers.contains(type)) {
            log.skipped(LAYERS, contributor(e), what, "the type '" + type + "' is already registered", null);
            return;
        }
        LayerFactory f = create(e, LAYERS, what, LayerFactory.class);
        if (f == null) return;
        Contribution c = contribution(e, LAYERS, "layer type", type);
        layers.register(type, new GuardedLayerFactory(f, new Guard(c, log)));
        if (e.getAttribute("onnx") != null) {
            // optional: how ONNX export writes this layer type; without it, export names the layer and stops
            OnnxExportMapping m = create(e, "onnx", LAYERS, what + "'s ONNX mapping", OnnxExportMapping.class);
            if (m != null) OnnxMappings.standard().register(type, m);
        }
    }

    private void loadOptimizer(IConfigurationElement e, OptimizerRegistry optimizers) {
        String name = lower(e.getAttribute("name"));
        String what = "optimizer '" + name + "' (" + e.getAttribute("class") + ")";
        if (!isName(e, OPTIMIZERS, "name", name, what)) return;
        if (optimizers.contains(name)) {
            log.skipped(OPTIMIZERS, contributor(e), what, "the optimizer '" + name + "' is already registered", null);
            return;
        }
        OptimizerFactory f = create(e, OPTIMIZERS, what, OptimizerFactory.class);
        if (f == null) return;
        Contribution c = contribution(e, OPTIMIZERS, "optimizer", name);
        optimizers.register(name, new GuardedOptimizerFactory(f, new Guard(c, log)));
    }

    private void loadDataset(IConfigurationElement e, DatasetRegistry datasets) {
        String id = e.getAttribute("id");
        String what = "dataset '" + id + "' (" + e.getAttribute("class") + ")";
        if (id == null || !DATASET_ID.matcher(id).matches()) {
            log.skipped(DATASETS, contributor(e), what, "id '" + id
                    + "' is missing or malformed (lower case letters, digits, '.', '_', '-')", null);
            return;
        }
        DatasetProvider p = create(e, DATASETS, what, DatasetProvider.class);
        if (p == null) return;
        String actual;
        try {
            actual = p.id();
        } catch (RuntimeException | LinkageError | AssertionError t) {
            log.skipped(DATASETS, contributor(e), what, "id() threw " + ContributionLog.describe(t), t);
            return;
        }
        if (!id.equals(actual)) {
            log.skipped(DATASETS, contributor(e), what, "the provider's id() is '" + actual
                    + "', not the id '" + id + "' declared in plugin.xml", null);
            return;
        }
        Contribution c = contribution(e, DATASETS, "dataset", id);
        try {
            datasets.register(new GuardedDatasetProvider(p, id, new Guard(c, log)));
        } catch (IllegalArgumentException t) {
            log.skipped(DATASETS, contributor(e), what, t.getMessage(), null);
            return;
        }
        recordRegistered(c);
    }

    private void loadPreset(IConfigurationElement e, LayerRegistry layers) {
        String name = lower(e.getAttribute("name"));
        String what = "preset '" + name + "' (" + e.getAttribute("class") + ")";
        if (!isName(e, PRESETS, "name", name, what)) return;
        if (Presets.names().contains(name)) {
            log.skipped(PRESETS, contributor(e), what, "the preset '" + name + "' is already registered", null);
            return;
        }
        Supplier<?> s = create(e, PRESETS, what, Supplier.class);
        if (s == null) return;
        try {
            Object o = s.get();
            if (!(o instanceof Preset preset)) {
                log.skipped(PRESETS, contributor(e), what, "get() returned "
                        + (o == null ? "null" : "a " + o.getClass().getName()) + ", not a digitlab.nn.Preset", null);
                return;
            }
            if (!preset.name().equalsIgnoreCase(name)) {
                log.skipped(PRESETS, contributor(e), what, "the preset is named '" + preset.name()
                        + "', not '" + name + "' as declared in plugin.xml", null);
                return;
            }
            new Network(preset.architecture(), layers); // every layer type known, every limit kept
            preset.config().validate();
            Presets.register(preset);
            recordRegistered(contribution(e, PRESETS, "preset", name));
        } catch (IllegalArgumentException t) {
            log.skipped(PRESETS, contributor(e), what, "it is not valid: " + t.getMessage(), null);
        } catch (RuntimeException | LinkageError | AssertionError t) {
            log.skipped(PRESETS, contributor(e), what, "get() threw " + ContributionLog.describe(t), t);
        }
    }

    /**
     * Creates the element's {@code class} and checks its type; logs, and returns null, when that fails. The
     * registry's own wrapping of errors ({@link CoreException} around ClassNotFoundException, an exception
     * from the constructor, ...) is unwrapped for the message.
     */
    private <T> T create(IConfigurationElement e, String point, String what, Class<T> type) {
        return create(e, "class", point, what, type);
    }

    /** Creates the class named by {@code attribute} of {@code e}; null (logged with the plugin) when it fails. */
    private <T> T create(IConfigurationElement e, String attribute, String point, String what, Class<T> type) {
        String className = e.getAttribute(attribute);
        if (className == null || className.isBlank()) {
            log.skipped(point, contributor(e), what, "the " + attribute + " attribute is missing", null);
            return null;
        }
        Object o;
        try {
            o = e.createExecutableExtension(attribute);
        } catch (CoreException t) {
            Throwable cause = t.getStatus() != null && t.getStatus().getException() != null ? t.getStatus().getException() : t;
            String reason = cause instanceof ClassNotFoundException
                    ? "class " + className + " not found in the plugin"
                    : "class " + className + " could not be created: " + ContributionLog.describe(cause);
            log.skipped(point, contributor(e), what, reason, cause);
            return null;
        } catch (RuntimeException | LinkageError | AssertionError t) {
            log.skipped(point, contributor(e), what, "class " + className + " could not be created: "
                    + ContributionLog.describe(t), t);
            return null;
        }
        if (!type.isInstance(o)) {
            log.skipped(point, contributor(e), what, "class " + className + " does not implement " + type.getName(), null);
            return null;
        }
        return type.cast(o);
    }

    private boolean isName(IConfigurationElement e, String point, String attribute, String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            log.skipped(point, contributor(e), what, attribute + " '" + value
                    + "' is missing or malformed (a letter, then letters, digits, '_', '.' or '-')", null);
            return false;
        }
        if (point.equals(LAYERS)) {
            try {
                LayerSpec.parse(value);
            } catch (IllegalArgumentException t) {
                log.skipped(point, contributor(e), what, t.getMessage(), null);
                return false;
            }
        }
        return true;
    }

    private Contribution contribution(IConfigurationElement e, String point, String kind, String id) {
        Contribution c = new Contribution(point, kind, id, contributor(e), e.getAttribute("class"));
        if (!point.equals(DATASETS) && !point.equals(PRESETS)) recordRegistered(c);
        return c;
    }

    private synchronized void recordRegistered(Contribution c) {
        registered.add(c);
    }

    private static String contributor(IConfigurationElement e) {
        try {
            return e.getContributor().getName();
        } catch (RuntimeException t) {
            return "(unknown plugin)";
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}

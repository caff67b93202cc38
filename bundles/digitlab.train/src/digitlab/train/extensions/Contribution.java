package digitlab.train.extensions;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One contribution read from an extension point, and whether it has been disabled: which point, the id it
 * registers under, the plugin that contributed it and its class. Guards share one instance per contribution,
 * so the first failure disables it everywhere.
 */
public final class Contribution {

    private final String point;
    private final String kind;
    private final String id;
    private final String contributor;
    private final String className;
    private final AtomicReference<String> disabledBecause = new AtomicReference<>();

    Contribution(String point, String kind, String id, String contributor, String className) {
        this.point = point;
        this.kind = kind;
        this.id = id;
        this.contributor = contributor;
        this.className = className;
    }

    /** The extension point id, e.g. {@code digitlab.nn.layers}. */
    public String point() {
        return point;
    }

    /** What it is for people: "layer type", "optimizer", "preset" or "dataset". */
    public String kind() {
        return kind;
    }

    /** The id it is registered under (layer type, optimizer name, preset name, dataset id). */
    public String id() {
        return id;
    }

    /** The symbolic name of the contributing plugin. */
    public String contributor() {
        return contributor;
    }

    /** The contributed class, as written in plugin.xml. */
    public String className() {
        return className;
    }

    /** Why it was disabled, or null while it is enabled. */
    public String disabledBecause() {
        return disabledBecause.get();
    }

    /** Marks it disabled; true for the first call only (so it is logged once). */
    boolean disable(String reason) {
        return disabledBecause.compareAndSet(null, reason);
    }

    /** E.g. {@code layer type 'conv2d' (digitlab.nn.conv.Conv2d$Factory) of plugin 'digitlab.nn.conv'}. */
    @Override
    public String toString() {
        return kind + " '" + id + "' (" + className + ") of plugin '" + contributor + "'";
    }
}

package digitlab.sdk;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a generated plugin contributes: each kind has its own example, test and templates. */
public enum PluginKind {
    /** A layer type ({@code digitlab.nn.layers}) and a preset using it ({@code digitlab.nn.presets}). */
    LAYER("a layer type and a preset that uses it"),
    /** An optimizer ({@code digitlab.nn.optimizers}). */
    OPTIMIZER("an optimizer"),
    /** A dataset ({@code digitlab.data.datasets}). */
    DATASET("a dataset"),
    /** An analysis view ({@code org.eclipse.ui.views} in the lab's view category). */
    VIEW("an analysis view");

    private final String contribution;

    PluginKind(String contribution) {
        this.contribution = contribution;
    }

    /** The kind's name on the command line and in the templates' folder names: layer, optimizer, dataset, view. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the plugin contributes, for people ("a layer type and a preset that uses it"). */
    public String contribution() {
        return contribution;
    }

    /** The kinds' names, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(PluginKind::id).toList();
    }

    /**
     * The kind named {@code id}.
     *
     * @throws IllegalArgumentException naming the known kinds
     */
    public static PluginKind of(String id) {
        for (PluginKind k : values()) {
            if (k.id().equals(id)) return k;
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; known: " + String.join(", ", ids()));
    }
}

package digitlab.sdk;

import java.net.URI;
import java.util.Objects;

/**
 * What {@link PluginGenerator} writes: a plugin of one kind, its id and name, and the lab's p2 repository that the
 * project's target definition points at.
 *
 * @param kind          what the plugin contributes
 * @param id            the bundle symbolic name and root package
 * @param name          the plugin's name for people (Bundle-Name, the feature's label)
 * @param labRepository the lab's p2 repository: a {@code file:} or {@code http(s):} URL of a repository, or a
 *                      {@code jar:file:...!/} URL of a zipped one
 */
public record PluginProject(PluginKind kind, PluginId id, String name, URI labRepository) {

    /** Checks that nothing is missing and the name fits on one line. */
    public PluginProject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labRepository, "labRepository");
        if (name == null || name.isBlank()) name = defaultName(kind, id);
        if (name.contains("\n") || name.contains("\r") || name.length() > 100) {
            throw new IllegalArgumentException("--name must be one line of at most 100 characters");
        }
        name = name.strip();
    }

    /** The name when none is given: "Swish layer plugin" for a layer with the id com.example.swish. */
    static String defaultName(PluginKind kind, PluginId id) {
        return id.className() + " " + kind.id() + " plugin";
    }
}

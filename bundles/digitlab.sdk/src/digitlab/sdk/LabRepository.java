package digitlab.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the lab's p2 repository is, as a URL a Tycho target definition reads: what {@code --lab-repository}
 * names (an http(s) or file URL, a folder, or a .zip), or by default the {@value #ZIP} that the build puts beside
 * the product archive.
 */
public final class LabRepository {

    /** The zipped repository's file name, beside the product archive. */
    public static final String ZIP = "digitlab-repository.zip";
    /**
     * Folders above the installation searched for {@value #ZIP}: the build's tree keeps it five levels above the
     * product ({@code products/digitlab.product/linux/gtk/x86_64/digitlab}); an unpacked archive, one.
     */
    static final int LEVELS_UP = 5;

    private LabRepository() {
    }

    /**
     * The repository that {@code location} names.
     *
     * @param location an {@code http(s):} or {@code file:} URL, a folder holding a p2 repository, or a .zip of one
     * @throws NewPluginException naming the location when it does not exist or is no p2 repository
     */
    public static URI of(String location) throws NewPluginException {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return new URI(location);
            } catch (URISyntaxException e) {
                throw new NewPluginException("--lab-repository " + location + ": not a URL (" + e.getReason() + ")");
            }
        }
        Path path;
        try {
            path = lower.startsWith("file:") ? Path.of(new URI(location)) : Path.of(location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new NewPluginException("--lab-repository " + location + ": not a file URL (" + e.getMessage() + ")");
        }
        path = path.toAbsolutePath().normalize();
        if (!Files.exists(path)) throw new NewPluginException("--lab-repository " + location + ": no such file or folder");
        if (Files.isDirectory(path)) {
            for (String index : List.of("content.xml", "content.jar", "content.xml.xz", "compositeContent.xml",
                    "compositeContent.jar")) {
                if (Files.isRegularFile(path.resolve(index))) return path.toUri();
            }
            throw new NewPluginException("--lab-repository " + location
                    + ": not a p2 repository (no content.xml, content.jar or compositeContent.xml in it)");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
            throw new NewPluginException("--lab-repository " + location + ": give a folder, a .zip or a URL of a p2 repository");
        }
        return URI.create("jar:" + path.toUri() + "!/");
    }

    /**
     * The {@value #ZIP} nearest to the installation {@code installDir}: in it or in one of the {@value #LEVELS_UP}
     * folders above it.
     */
    public static Optional<Path> findBeside(Path installDir) {
        Path p = installDir.toAbsolutePath().normalize();
        for (int i = 0; i <= LEVELS_UP && p != null; i++, p = p.getParent()) {
            Path zip = p.resolve(ZIP);
            if (Files.isRegularFile(zip)) return Optional.of(zip);
        }
        return Optional.empty();
    }
}

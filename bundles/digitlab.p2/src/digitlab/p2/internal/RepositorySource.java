package digitlab.p2.internal;

import digitlab.p2.PluginException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns what a user names as a repository into the URI p2 loads: an {@code http(s):} or {@code file:} URL as it is,
 * a folder as its {@code file:} URI, and a {@code .zip} or {@code .jar} file as {@code jar:file:...!/} (p2 reads a
 * repository inside an archive through that form).
 */
public final class RepositorySource {

    private RepositorySource() {
    }

    /**
     * @param source a URL, a folder or an archive file
     * @return the repository's URI for p2
     * @throws PluginException a local file or folder that does not exist, a file that is not an archive, a
     *         malformed URL
     */
    public static URI toUri(String source) throws PluginException {
        if (source == null || source.isBlank()) throw new PluginException("no repository given");
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("jar:")) {
            try {
                return new URI(source);
            } catch (URISyntaxException e) {
                throw new PluginException(source + " is not a valid URL: " + e.getReason());
            }
        }
        Path path;
        try {
            path = lower.startsWith("file:") ? Path.of(new URI(source)) : Path.of(source);
        } catch (URISyntaxException | IllegalArgumentException e) { // InvalidPathException too
            throw new PluginException(source + " is not a valid file URL or path: " + e.getMessage());
        }
        path = path.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) return path.toUri();
        if (!Files.exists(path)) throw new PluginException(source + ": no such file or folder");
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
            throw new PluginException(source + " is neither a folder nor a .zip or .jar archive of a p2 repository");
        }
        return URI.create("jar:" + path.toUri() + "!/");
    }

    /** @return the URI as users write it: the path of a local folder or archive, the URL otherwise */
    public static String display(URI uri) {
        String text = uri.toString();
        if (text.startsWith("jar:file:") && text.endsWith("!/")) {
            return Path.of(URI.create(text.substring(4, text.length() - 2))).toString();
        }
        if ("file".equals(uri.getScheme())) return Path.of(uri).toString();
        return text;
    }
}

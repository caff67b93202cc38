package digitlab.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a plugin project that builds with {@code mvn verify} against the lab's p2 repository: a pomless Tycho
 * build (the plugin, its test fragment, a feature, a p2 repository to install from, a target definition) with a
 * working example of its {@link PluginKind}. The files come from the templates in this bundle's
 * {@value #TEMPLATES} folder, listed in {@value #INDEX}: {@code common/...} for every kind, {@code <kind>/...} for
 * one; in their paths {@code __ID__}, {@code __PACKAGE__} and {@code __CLASS__} stand for the id, the package's
 * path and the class-name part, a leading {@code dot-} for '.'; in their text {@code @@ID@@}, {@code @@SHORT@@},
 * {@code @@CLASS@@}, {@code @@NAME@@}, {@code @@KIND@@} and {@code @@LAB_REPOSITORY@@} for the same and the
 * repository's URL, {@code @@KIND_NOTES@@} for the text of {@code templates/<kind>.md} (what the README says
 * about the kind) and {@code @@KIND_TARGET@@} for {@code templates/<kind>-target.xml} (more target locations, if
 * the kind needs any). The Maven wrapper {@code mvnw} is made executable.
 */
public final class PluginGenerator {

    /** The templates' folder in this bundle. */
    public static final String TEMPLATES = "/templates/";
    /** The list of template files, one path (below {@value #TEMPLATES}) per line. */
    public static final String INDEX = TEMPLATES + "index.txt";

    private PluginGenerator() {
    }

    /**
     * Writes {@code project} into {@code dir}, which must not exist or be empty. The files are written into a
     * folder beside it first and moved into place at the end, so a failure leaves nothing behind.
     *
     * @return the files written, relative to {@code dir}, in the index's order
     * @throws NewPluginException naming the folder when it holds files or cannot be written
     */
    public static List<Path> generate(PluginProject project, Path dir) throws NewPluginException {
        Path target = dir.toAbsolutePath().normalize();
        checkFree(target);
        Map<Path, String> files = render(project);
        Path parent = target.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
            for (Map.Entry<Path, String> f : files.entrySet()) {
                Path file = staging.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                if (file.getFileName().toString().equals("mvnw")) makeExecutable(file);
            }
            if (Files.isDirectory(target)) Files.delete(target); // empty, checked above
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
        } catch (IOException e) {
            throw new NewPluginException(target + ": cannot write the project (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        } finally {
            if (staging != null) deleteQuietly(staging);
        }
        return List.copyOf(files.keySet());
    }

    /**
     * The project's files and their text, without writing anything: relative path to content, in the index's order.
     */
    public static Map<Path, String> render(PluginProject project) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (String template : templates(project.kind())) {
            String relative = template.substring(template.indexOf('/') + 1);
            Path path = Path.of(substitutePath(relative, project.id()));
            String text = substitute(read(TEMPLATES + template), project);
            if (text.contains("@@")) {
                throw new IllegalStateException(template + ": a placeholder is left after substitution");
            }
            files.put(path, text);
        }
        return files;
    }

    /** The template paths (below {@value #TEMPLATES}) of {@code kind}: the common ones, then the kind's own. */
    public static List<String> templates(PluginKind kind) {
        List<String> result = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) continue;
            if (path.startsWith("common/") || path.startsWith(kind.id() + "/")) result.add(path);
        }
        return result;
    }

    static String substitutePath(String path, PluginId id) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            if (b.length() > 0) b.append('/');
            String s = segment.startsWith("dot-") ? "." + segment.substring(4) : segment;
            b.append(s.replace("__PACKAGE__", id.packagePath()).replace("__ID__", id.value())
                    .replace("__CLASS__", id.className()));
        }
        return b.toString();
    }

    static String substitute(String text, PluginProject p) {
        return text.replace("@@ID@@", p.id().value())
                .replace("@@SHORT@@", p.id().shortName())
                .replace("@@CLASS@@", p.id().className())
                .replace("@@NAME@@", xmlSafe(p.name()))
                .replace("@@KIND@@", p.kind().id())
                .replace("@@LAB_REPOSITORY@@", xmlSafe(p.labRepository().toString()))
                .replace("@@KIND_NOTES@@", text.contains("@@KIND_NOTES@@") ? kindPart(p, ".md", true) : "")
                .replace("@@KIND_TARGET@@", text.contains("@@KIND_TARGET@@") ? kindPart(p, "-target.xml", false) : "");
    }

    /** The text of {@code templates/<kind><suffix>}, substituted; empty when it is optional and missing. */
    private static String kindPart(PluginProject p, String suffix, boolean required) {
        String resource = TEMPLATES + p.kind().id() + suffix;
        if (!required && PluginGenerator.class.getResource(resource) == null) return "";
        return substitute(read(resource), p);
    }

    /** The name and URL go into XML, manifests and Markdown: no markup characters. */
    private static String xmlSafe(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void checkFree(Path dir) throws NewPluginException {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new NewPluginException(dir + " is a file; give a new or empty folder");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new NewPluginException(dir + " is not empty; give a new or empty folder (nothing is overwritten)");
            }
        } catch (IOException e) {
            throw new NewPluginException(dir + ": cannot read the folder (" + e.getMessage() + ")");
        }
    }

    private static String read(String resource) {
        try (InputStream in = PluginGenerator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the digitlab.sdk bundle");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** The Maven wrapper script: rwxr-xr-x where the file system has POSIX permissions. */
    private static void makeExecutable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover staging folder is hidden and named after the project
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}

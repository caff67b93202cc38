package digitlab.p2.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.p2.core.IAgentLocation;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.metadata.IArtifactKey;

/**
 * The lab's own artifacts, pinned by content: the product's configuration lists every {@code digitlab.*} bundle and
 * feature of the build that made it (the lab's p2 repository, with the example plugins) with its SHA-256, in
 * {@code p2/digitlab.p2/trusted-artifacts.txt} (written by {@code releng/digitlab.repository/pin-artifacts.sh}).
 * An unsigned artifact is trusted without a question only when its id, version and content all match: a
 * look-alike with the lab's id and version but other bytes is not.
 */
final class PinnedArtifacts {

    /** The file, in the agent's data area for this bundle. */
    static final String FILE = "trusted-artifacts.txt";

    private static final PinnedArtifacts NONE = new PinnedArtifacts(Map.of());

    /** "classifier id version" to the SHA-256 in hex */
    private final Map<String, String> sha256;

    private PinnedArtifacts(Map<String, String> sha256) {
        this.sha256 = sha256;
    }

    /** @return the pins of the agent's product; none when it has no such file (or it cannot be read: logged) */
    static PinnedArtifacts of(IProvisioningAgent agent) {
        IAgentLocation location = agent.getService(IAgentLocation.class);
        URI area = location == null ? null : location.getDataArea("digitlab.p2");
        if (area == null || !"file".equals(area.getScheme())) return NONE;
        Path file = Path.of(area).resolve(FILE);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | IllegalArgumentException e) {
            ILog.of(PinnedArtifacts.class).warn(file + ": cannot read the lab's pinned artifacts, trusting none: " + e.getMessage());
            return NONE;
        }
    }

    /** @param text lines "classifier id version sha256", '#' starts a comment line */
    static PinnedArtifacts parse(String text) {
        Map<String, String> pins = new HashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 4 || fields[3].length() != 64) {
                throw new IllegalArgumentException("not 'classifier id version sha256': " + trimmed);
            }
            pins.put(fields[0] + " " + fields[1] + " " + fields[2], fields[3].toLowerCase(java.util.Locale.ROOT));
        }
        return new PinnedArtifacts(pins);
    }

    /**
     * @param content the artifact as p2 downloaded it: a jar, or a folder (features are unpacked into one)
     * @return whether the artifact is one of the lab's own: pinned, with exactly the pinned content
     */
    boolean pins(IArtifactKey key, File content) {
        String expected = sha256.get(key.getClassifier() + " " + key.getId() + " " + key.getVersion());
        if (expected == null || content == null) return false;
        try {
            if (content.isFile()) return expected.equals(sha256(content.toPath()));
            if (content.isDirectory()) return expected.equals(folderSha256(content.toPath()));
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the SHA-256 of the lines "relative/path TAB sha256" of every file in the folder, sorted by path: the
     *     same for a jar's unpacked entries wherever they lie (pin-artifacts.sh computes it from the jar)
     */
    static String folderSha256(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                lines.add(folder.relativize(file).toString().replace(File.separatorChar, '/') + "\t" + sha256(file) + "\n");
            }
        }
        Collections.sort(lines);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) digest.update(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    int size() {
        return sha256.size();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

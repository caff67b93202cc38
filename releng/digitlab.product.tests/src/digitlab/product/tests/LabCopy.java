package digitlab.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * A copy of the built product in a temporary folder, with a p2 agent on the copy's own p2 data area: what p2's
 * dialogs change is the copy, never the build's product. The copy's profile is moved to the copy's folder first
 * (p2 does that itself when a roaming product starts from a new place; here the copy is not running).
 */
final class LabCopy {

    static final String PROFILE = "DefaultProfile";

    private final Path folder;
    private final IProvisioningAgent agent;

    private LabCopy(Path folder, IProvisioningAgent agent) {
        this.folder = folder;
        this.agent = agent;
    }

    /** Copies the product into the folder and opens a p2 agent on the copy. */
    static LabCopy of(Path product, Path folder) throws IOException, ProvisionException, BundleException {
        Path source = product.toRealPath();
        copy(source, folder);
        Path target = folder.toRealPath();
        relocate(target.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry/" + PROFILE + ".profile"), source, target);
        BundleContext context = FrameworkUtil.getBundle(LabCopy.class).getBundleContext();
        for (Bundle bundle : context.getBundles()) {
            // p2's agent services come from declarative services of lazily started bundles
            if (bundle.getSymbolicName().startsWith("org.eclipse.equinox.p2.") && bundle.getHeaders().get("Fragment-Host") == null
                && bundle.getState() != Bundle.ACTIVE) {
                bundle.start(Bundle.START_TRANSIENT);
            }
        }
        ServiceReference<IProvisioningAgentProvider> reference = context.getServiceReference(IProvisioningAgentProvider.class);
        IProvisioningAgent agent = context.getService(reference).createAgent(target.resolve("p2").toUri());
        return new LabCopy(target, agent);
    }

    IProvisioningAgent agent() {
        return agent;
    }

    Path folder() {
        return folder;
    }

    /** @return the copy's profile as p2 has it now */
    IProfile profile() {
        return agent.getService(IProfileRegistry.class).getProfile(PROFILE);
    }

    /** @return whether the profile has a unit with this id (e.g. a feature's {@code x.feature.group}) */
    boolean hasUnit(String id) {
        return !profile().query(QueryUtil.createIUQuery(id), null).isEmpty();
    }

    /** @return the copy's bundles.info: what the lab starts with */
    String bundlesInfo() throws IOException {
        return Files.readString(folder.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
    }

    /** @return whether a jar of this bundle lies in the copy's plugins folder */
    boolean hasJar(String bundle) throws IOException {
        try (Stream<Path> jars = Files.list(folder.resolve("plugins"))) {
            return jars.anyMatch(jar -> jar.getFileName().toString().startsWith(bundle + "_"));
        }
    }

    /** Runs the copy's start script with a headless command; @return its exit code and output, merged */
    String run(Path workspace, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(folder.resolve("digitlab").toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("DIGITLAB_WORKSPACE", workspace.toString());
        builder.environment().put("DIGITLAB_HEAP", "1g");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // the test's own JDK (21 or newer)
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(SwtDriver.PATIENCE_MS, TimeUnit.MILLISECONDS)) process.destroyForcibly();
        return "exit " + process.exitValue() + "\n" + new String(output, StandardCharsets.UTF_8);
    }

    void close() {
        agent.stop();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Points the newest profile's install folder and bundle pool (absolute paths) at the copy. */
    private static void relocate(Path profileFolder, Path from, Path to) throws IOException {
        Path newest;
        try (Stream<Path> profiles = Files.list(profileFolder)) {
            newest = profiles.filter(p -> p.getFileName().toString().endsWith(".profile.gz"))
                .max(Comparator.comparing(p -> p.getFileName().toString())).orElseThrow(
                    () -> new IOException("no profile in " + profileFolder));
        }
        String xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(newest))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String moved = xml.replace("'" + from + "'", "'" + to + "'");
        if (moved.equals(xml)) throw new IOException(newest + " does not name the product's folder " + from);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(newest))) {
            out.write(moved.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @return the URI p2 reads a zipped repository through */
    static URI zipRepository(Path zip) {
        return URI.create("jar:" + zip.toUri() + "!/");
    }
}

package digitlab.product.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.publisher.IPublisherAction;
import org.eclipse.equinox.p2.publisher.IPublisherInfo;
import org.eclipse.equinox.p2.publisher.Publisher;
import org.eclipse.equinox.p2.publisher.PublisherInfo;
import org.eclipse.equinox.p2.publisher.eclipse.BundlesAction;
import org.eclipse.equinox.p2.publisher.eclipse.FeaturesAction;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

/**
 * A p2 repository of another publisher, made by p2's own publisher as a plugin author's build would: one feature
 * with one bundle, both unsigned. p2's install wizard lists features, so the bundle comes in a feature.
 */
final class OtherPublisherRepository {

    private OtherPublisherRepository() {
    }

    /**
     * Publishes feature {@code FEATURE} with bundle {@code BUNDLE} (both version 1.0.0, unsigned) into a new
     * repository in the folder.
     *
     * @return the repository's location
     */
    static URI create(IProvisioningAgent agent, Path folder, String feature, String bundle) throws IOException, ProvisionException {
        Path source = folder.resolve("source");
        Path plugins = Files.createDirectories(source.resolve("plugins"));
        Path features = Files.createDirectories(source.resolve("features/" + feature + "_1.0.0"));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bundle);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", bundle + " test plugin");
        try (OutputStream out = Files.newOutputStream(plugins.resolve(bundle + "_1.0.0.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            // the manifest is all there is
        }
        Files.writeString(features.resolve("feature.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <feature id="%s" label="Example Test Feature" version="1.0.0" provider-name="Example Inc.">
               <plugin id="%s" version="1.0.0" unpack="false"/>
            </feature>
            """.formatted(feature, bundle));
        URI repository = folder.resolve("repository").toUri();
        PublisherInfo info = new PublisherInfo();
        info.setMetadataRepository(agent.getService(IMetadataRepositoryManager.class).createRepository(repository,
            "Other publisher", IMetadataRepositoryManager.TYPE_SIMPLE_REPOSITORY, null));
        info.setArtifactRepository(agent.getService(IArtifactRepositoryManager.class).createRepository(repository,
            "Other publisher", IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, null));
        info.setArtifactOptions(IPublisherInfo.A_PUBLISH | IPublisherInfo.A_INDEX);
        IPublisherAction[] actions = {
            new FeaturesAction(new java.io.File[] {source.resolve("features").toFile()}),
            new BundlesAction(new java.io.File[] {plugins.toFile()}),
        };
        IStatus status = new Publisher(info).publish(actions, new NullProgressMonitor());
        if (!status.isOK()) throw new IOException("the p2 publisher failed: " + status);
        agent.getService(IMetadataRepositoryManager.class).removeRepository(repository);
        agent.getService(IArtifactRepositoryManager.class).removeRepository(repository);
        return repository;
    }
}

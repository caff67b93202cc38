package digitlab.p2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.core.UIServices.TrustInfo;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.publisher.eclipse.BundlesAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's own artifacts are trusted by content (id, version and SHA-256 pinned in the product's configuration),
 * in the headless guard and before p2's trust dialog; a look-alike with the lab's id and version but other bytes
 * is not.
 */
class PinnedTrustTest {

    private static final String VERSION = "1.0.0.202612031614";

    @TempDir
    Path temp;

    @Test
    void pinsIdVersionAndContent() throws Exception {
        File own = write("own.jar", "the lab's bytes");
        File lookalike = write("lookalike.jar", "other bytes");
        PinnedArtifacts pins = pinsFor(own);
        assertTrue(pins.pins(key("digitlab.examples.robustness", VERSION), own));
        assertFalse(pins.pins(key("digitlab.examples.robustness", VERSION), lookalike), "a look-alike is trusted");
        assertFalse(pins.pins(key("digitlab.examples.robustness", "1.0.0.202612031615"), own), "another version is trusted");
        assertFalse(pins.pins(key("digitlab.analysis.saliency", VERSION), own), "another id is trusted");
    }

    @Test
    void pinsAnUnpackedFeatureByEveryFileInIt() throws Exception {
        Path feature = Files.createDirectories(temp.resolve("digitlab.examples.feature_" + VERSION + "/META-INF"));
        Files.writeString(feature.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\n");
        Files.writeString(feature.getParent().resolve("feature.xml"), "<feature id=\"digitlab.examples.feature\"/>");
        IArtifactKey key = BundlesAction.createBundleArtifactKey("x", "1.0.0"); // only for its type
        PinnedArtifacts pins = PinnedArtifacts.parse("org.eclipse.update.feature digitlab.examples.feature " + VERSION + " "
            + PinnedArtifacts.folderSha256(feature.getParent()) + "\n");
        IArtifactKey featureKey = org.eclipse.equinox.p2.publisher.eclipse.FeaturesAction.createFeatureArtifactKey(
            "digitlab.examples.feature", VERSION);
        assertTrue(pins.pins(featureKey, feature.getParent().toFile()));
        Files.writeString(feature.getParent().resolve("feature.xml"), "<feature id=\"digitlab.examples.feature\" other=\"1\"/>");
        assertFalse(pins.pins(featureKey, feature.getParent().toFile()), "a changed feature folder is trusted");
        assertFalse(pins.pins(key, feature.getParent().toFile()));
    }

    @Test
    void theHeadlessGuardTrustsPinnedAndRefusesTheLookalike() throws Exception {
        File own = write("own.jar", "the lab's bytes");
        File lookalike = write("lookalike.jar", "other bytes");
        IArtifactKey key = key("digitlab.examples.robustness", VERSION);
        UnsignedContentGuard guard = new UnsignedContentGuard(false, pinsFor(own));
        assertTrue(guard.getTrustInfo(Map.of(), Map.of(), Set.of(key), Map.of(key, own)).trustUnsignedContent());
        assertEquals(List.of(), guard.refused());
        assertFalse(guard.getTrustInfo(Map.of(), Map.of(), Set.of(key), Map.of(key, lookalike)).trustUnsignedContent());
        assertEquals(List.of("digitlab.examples.robustness " + VERSION), guard.refused());
    }

    @Test
    void theDialogIsAskedOnlyAboutWhatIsNotPinned() throws Exception {
        File own = write("own.jar", "the lab's bytes");
        File other = write("other.jar", "another publisher");
        IArtifactKey ownKey = key("digitlab.examples.robustness", VERSION);
        IArtifactKey otherKey = key("com.example.hello", "1.0.0");
        List<Set<IArtifactKey>> asked = new ArrayList<>();
        PinnedTrustServices services = new PinnedTrustServices(new Dialog(asked), pinsFor(own));

        TrustInfo onlyOwn = services.getTrustInfo(Map.of(), Map.of(), Set.of(ownKey), Map.of(ownKey, own));
        assertTrue(onlyOwn.trustUnsignedContent());
        assertEquals(List.of(), asked, "the dialog was asked about the lab's own artifact");

        TrustInfo mixed = services.getTrustInfo(Map.of(), Map.of(), Set.of(ownKey, otherKey), Map.of(ownKey, own, otherKey, other));
        assertFalse(mixed.trustUnsignedContent(), "the dialog's refusal was not the answer");
        assertEquals(List.of(Set.of(otherKey)), asked);
    }

    @Test
    void aDamagedPinFileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PinnedArtifacts.parse("osgi.bundle digitlab.x 1.0.0 abc"));
        assertEquals(0, PinnedArtifacts.parse("# only a comment\n\n").size());
    }

    private PinnedArtifacts pinsFor(File own) throws Exception {
        return PinnedArtifacts.parse("# pins\nosgi.bundle digitlab.examples.robustness " + VERSION + " "
            + PinnedArtifacts.sha256(own.toPath()) + "\n");
    }

    private File write(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content).toFile();
    }

    private static IArtifactKey key(String id, String version) {
        return BundlesAction.createBundleArtifactKey(id, Version.parseVersion(version).toString());
    }

    /** p2's dialog as the user answering no; records what it was asked about. */
    private static final class Dialog extends UIServices implements org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices {
        private final List<Set<IArtifactKey>> asked;

        Dialog(List<Set<IArtifactKey>> asked) {
            this.asked = asked;
        }

        @Override
        public TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> certificates,
                                      Map<org.bouncycastle.openpgp.PGPPublicKey, Set<IArtifactKey>> keys,
                                      Set<IArtifactKey> unsigned, Map<IArtifactKey, File> artifacts) {
            asked.add(Set.copyOf(unsigned));
            return new TrustInfo(List.of(), List.of(), false, false);
        }

        @Override
        public TrustInfo getTrustInfo(Certificate[][] chains, String[] unsigned) {
            throw new AssertionError("the old question");
        }

        @Override
        public AuthenticationInfo getUsernamePassword(String location) {
            return null;
        }

        @Override
        public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previous) {
            return null;
        }
    }
}

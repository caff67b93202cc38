package digitlab.p2.internal;

import java.io.File;
import java.net.URI;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices;
import org.eclipse.equinox.p2.repository.metadata.spi.IInstallableUnitUIServices;

/**
 * p2's trust question answered without a dialog, for the headless install. p2's CheckTrust phase asks it about
 * artifacts that are unsigned or signed by certificates or PGP keys nobody trusts (content signed by a
 * certificate the JVM trusts is never asked about). The answer: trust everything when the user said
 * {@code --trust-unsigned}; otherwise trust only the lab's own artifacts, pinned by content in the product's
 * configuration ({@link PinnedArtifacts}: the examples published with this build of the lab), and refuse the
 * rest, which makes p2 install nothing; {@link #refused()} then names what was refused.
 */
final class UnsignedContentGuard extends UIServices implements IArtifactUIServices, IInstallableUnitUIServices {

    private final boolean trustUnsigned;
    private final PinnedArtifacts pinned;
    private final Set<String> refused = new TreeSet<>();

    /**
     * @param trustUnsigned the user's {@code --trust-unsigned}
     * @param pinned the lab's own artifacts, trusted without the flag
     */
    UnsignedContentGuard(boolean trustUnsigned, PinnedArtifacts pinned) {
        this.trustUnsigned = trustUnsigned;
        this.pinned = pinned;
    }

    /** @return the artifacts refused in the last question ("id version"), empty when none was */
    List<String> refused() {
        return new ArrayList<>(refused);
    }

    @Override
    public TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> untrustedCertificates,
                                  Map<PGPPublicKey, Set<IArtifactKey>> untrustedPGPKeys,
                                  Set<IArtifactKey> unsignedArtifacts, Map<IArtifactKey, File> artifacts) {
        refused.clear();
        if (trustUnsigned) {
            List<Certificate> certificates = new ArrayList<>();
            untrustedCertificates.keySet().forEach(chain -> certificates.add(chain.get(0)));
            return new TrustInfo(certificates, untrustedPGPKeys.keySet(), false, true);
        }
        for (IArtifactKey key : unsignedArtifacts) {
            if (!pinned.pins(key, artifacts.get(key))) refused.add(key.getId() + " " + key.getVersion());
        }
        untrustedCertificates.values().forEach(keys -> keys.forEach(key -> refused.add(key.getId() + " " + key.getVersion())));
        untrustedPGPKeys.values().forEach(keys -> keys.forEach(key -> refused.add(key.getId() + " " + key.getVersion())));
        return new TrustInfo(List.of(), List.of(), false, refused.isEmpty());
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        // Older p2 callers: no artifact keys, so only the user's flag decides.
        refused.clear();
        if (trustUnsigned) {
            List<Certificate> certificates = new ArrayList<>();
            if (untrustedChains != null) for (Certificate[] chain : untrustedChains) certificates.add(chain[0]);
            return new TrustInfo(certificates.toArray(Certificate[]::new), false, true);
        }
        if (unsignedDetail != null) refused.addAll(List.of(unsignedDetail));
        if (untrustedChains != null && untrustedChains.length > 0) refused.add(untrustedChains.length + " untrusted signers");
        return new TrustInfo(new Certificate[0], false, refused.isEmpty());
    }

    @Override
    public TrustAuthorityInfo getTrustAuthorityInfo(Map<URI, Set<IInstallableUnit>> siteIUs,
                                                    Map<URI, List<Certificate>> siteCertificates) {
        // The only repository of an install is the one the user named on the command line: trust it.
        Collection<URI> named = siteIUs.keySet();
        return new TrustAuthorityInfo(named, false, false);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return null; // no prompt on the command line: a repository that needs a password is not reachable
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return null;
    }
}

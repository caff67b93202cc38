package digitlab.p2.internal;

import java.io.File;
import java.net.URI;
import java.security.cert.Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices;
import org.eclipse.equinox.p2.repository.metadata.spi.IInstallableUnitUIServices;

/**
 * p2's questions to the user, with the lab's own artifacts taken out of the trust question: unsigned artifacts
 * that {@link PinnedArtifacts} pins (id, version and content of this build's examples) are trusted without asking;
 * everything else goes to p2's own dialogs unchanged (the delegate: p2's ValidationDialogServiceUI), so content of
 * other publishers brings up p2's Trust Artifacts dialog as in Eclipse. With nothing left to ask about, there is no
 * dialog. Without a delegate (no p2 UI) whatever is not pinned is refused.
 */
final class PinnedTrustServices extends UIServices implements IArtifactUIServices, IInstallableUnitUIServices {

    private final UIServices delegate;
    private final PinnedArtifacts pinned;

    /**
     * @param delegate p2's own dialogs, or null
     * @param pinned the lab's own artifacts
     */
    PinnedTrustServices(UIServices delegate, PinnedArtifacts pinned) {
        this.delegate = delegate;
        this.pinned = pinned;
    }

    @Override
    public TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> untrustedCertificates,
                                  Map<PGPPublicKey, Set<IArtifactKey>> untrustedPGPKeys,
                                  Set<IArtifactKey> unsignedArtifacts, Map<IArtifactKey, File> artifacts) {
        Set<IArtifactKey> unpinned = new LinkedHashSet<>();
        for (IArtifactKey key : unsignedArtifacts) if (!pinned.pins(key, artifacts.get(key))) unpinned.add(key);
        if (unpinned.isEmpty() && untrustedCertificates.isEmpty() && untrustedPGPKeys.isEmpty()) {
            return new TrustInfo(List.of(), List.of(), false, true); // only the lab's own: no question
        }
        if (delegate == null) return new TrustInfo(List.of(), List.of(), false, false);
        // The user's answer about the rest decides; pinned artifacts are trusted either way, so a refusal still
        // refuses the whole install (p2 installs all or nothing).
        if (delegate instanceof IArtifactUIServices dialogs) {
            return dialogs.getTrustInfo(untrustedCertificates, untrustedPGPKeys, unpinned, artifacts);
        }
        return IArtifactUIServices.getTrustInfo(delegate, untrustedCertificates, untrustedPGPKeys, unpinned, artifacts);
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return delegate == null ? new TrustInfo(new Certificate[0], false, false) : delegate.getTrustInfo(untrustedChains, unsignedDetail);
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, java.util.Collection<PGPPublicKey> untrustedPGPKeys,
                                  String[] unsignedDetail) {
        return delegate == null ? new TrustInfo(new Certificate[0], false, false)
            : delegate.getTrustInfo(untrustedChains, untrustedPGPKeys, unsignedDetail);
    }

    @Override
    public TrustAuthorityInfo getTrustAuthorityInfo(Map<URI, Set<IInstallableUnit>> siteIUs,
                                                    Map<URI, List<Certificate>> siteCertificates) {
        if (delegate instanceof IInstallableUnitUIServices dialogs) return dialogs.getTrustAuthorityInfo(siteIUs, siteCertificates);
        return new TrustAuthorityInfo(siteIUs.keySet(), false, false);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return delegate == null ? null : delegate.getUsernamePassword(location);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return delegate == null ? null : delegate.getUsernamePassword(location, previousInfo);
    }

    @Override
    public void showInformationMessage(String title, String text, String linkText) {
        if (delegate != null) delegate.showInformationMessage(title, text, linkText);
    }
}

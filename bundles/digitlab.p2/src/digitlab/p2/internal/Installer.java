package digitlab.p2.internal;

import digitlab.p2.InstalledPlugin;
import digitlab.p2.PluginException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.planner.ProfileInclusionRules;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

/**
 * Installs features or bundles from one repository into the lab's profile, as p2's director does: the units
 * become strict roots of the profile, the planner adds what they require (from that repository or already
 * installed), the engine downloads, checks trust and writes {@code bundles.info}. A repository the user named only
 * for this install is forgotten again afterwards.
 */
public final class Installer {

    private final LabProfile lab;

    /** @param lab the profile to install into */
    public Installer(LabProfile lab) {
        this.lab = lab;
    }

    /** See {@link digitlab.p2.LabPlugins#install}. */
    public List<InstalledPlugin> install(String source, List<String> ids, boolean trustUnsigned, IProgressMonitor monitor)
            throws PluginException {
        IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
        URI uri = RepositorySource.toUri(source);
        IMetadataRepositoryManager metadata = lab.agent().getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifacts = lab.agent().getService(IArtifactRepositoryManager.class);
        boolean knownMetadata = metadata.contains(uri);
        boolean knownArtifacts = artifacts.contains(uri);
        try {
            IMetadataRepository repository = load(metadata, artifacts, uri, source, progress);
            List<IInstallableUnit> wanted = select(repository, ids, source);
            IProfile profile = lab.profile();
            List<IInstallableUnit> fresh = new ArrayList<>();
            for (IInstallableUnit iu : wanted) {
                if (profile.query(QueryUtil.createIUQuery(iu.getId(), iu.getVersion()), null).isEmpty()) fresh.add(iu);
            }
            if (fresh.isEmpty()) throw new PluginException(names(wanted) + " already installed; nothing to do");
            IPlanner planner = lab.agent().getService(IPlanner.class);
            IProfileChangeRequest request = planner.createChangeRequest(profile);
            for (IInstallableUnit iu : fresh) {
                request.add(iu);
                request.setInstallableUnitInclusionRules(iu, ProfileInclusionRules.createStrictInclusionRule(iu));
                request.setInstallableUnitProfileProperty(iu, IProfile.PROP_PROFILE_ROOT_IU, "true");
                request.setInstallableUnitProfileProperty(iu, LabProfile.ORIGIN, RepositorySource.display(uri));
            }
            ProvisioningContext context = new ProvisioningContext(lab.agent());
            context.setMetadataRepositories(uri);
            context.setArtifactRepositories(uri);
            IProvisioningPlan plan = planner.getProvisioningPlan(request, context, progress);
            if (plan.getStatus().getSeverity() == IStatus.ERROR || plan.getStatus().getSeverity() == IStatus.CANCEL) {
                throw new PluginException("cannot install " + names(fresh) + ": " + Problems.oneLine(plan.getStatus()));
            }
            new PlanRunner(lab).perform(plan, new UnsignedContentGuard(trustUnsigned, PinnedArtifacts.of(lab.agent())), "install " + names(fresh),
                source, progress);
            IProfile after = lab.profile();
            List<InstalledPlugin> installed = new ArrayList<>();
            for (IInstallableUnit iu : fresh) installed.add(LabProfile.describe(after, iu, false));
            return installed;
        } finally {
            if (!knownMetadata) metadata.removeRepository(uri);
            if (!knownArtifacts) artifacts.removeRepository(uri);
        }
    }

    private static IMetadataRepository load(IMetadataRepositoryManager metadata, IArtifactRepositoryManager artifacts,
                                            URI uri, String source, IProgressMonitor progress) throws PluginException {
        try {
            IMetadataRepository repository = metadata.loadRepository(uri, progress);
            artifacts.loadRepository(uri, progress);
            return repository;
        } catch (ProvisionException e) {
            int code = e.getStatus().getCode();
            if (code == ProvisionException.REPOSITORY_NOT_FOUND) {
                throw new PluginException(source + " is not a p2 repository (no content.xml, content.jar or"
                    + " compositeContent.xml in it, or it cannot be reached)", e);
            }
            throw new PluginException(source + ": cannot read the p2 repository: " + Problems.oneLine(e.getStatus()), e);
        }
    }

    private static List<IInstallableUnit> select(IMetadataRepository repository, List<String> ids, String source)
            throws PluginException {
        List<IInstallableUnit> result = new ArrayList<>();
        if (ids.isEmpty()) {
            repository.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null).forEach(iu -> {
                if (isFeature(iu)) result.add(iu);
            });
            if (result.isEmpty()) throw new PluginException(source + " offers no features: name the bundles to install");
            return result;
        }
        for (String id : ids) {
            IInstallableUnit found = latest(repository, id + LabProfile.GROUP_SUFFIX);
            if (found == null) found = latest(repository, id);
            if (found == null) {
                throw new PluginException(source + " has no feature or bundle '" + id + "'; its features: " + features(repository));
            }
            result.add(found);
        }
        return result;
    }

    private static IInstallableUnit latest(IMetadataRepository repository, String id) {
        IQueryResult<IInstallableUnit> found = repository.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), null);
        return found.isEmpty() ? null : found.iterator().next();
    }

    private static String features(IMetadataRepository repository) {
        TreeSet<String> names = new TreeSet<>();
        repository.query(QueryUtil.createIUGroupQuery(), null).forEach(iu -> {
            if (isFeature(iu)) names.add(LabProfile.userId(iu));
        });
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** @return a feature's group: not a category, not a product (a repository may offer the lab's own products) */
    private static boolean isFeature(IInstallableUnit iu) {
        return !QueryUtil.isCategory(iu) && !"true".equals(iu.getProperty(LabProfile.PRODUCT_TYPE));
    }

    static String names(List<IInstallableUnit> ius) {
        List<String> names = new ArrayList<>();
        for (IInstallableUnit iu : ius) names.add(LabProfile.userId(iu) + " " + iu.getVersion());
        return String.join(", ", names);
    }
}

package digitlab.p2.internal;

import digitlab.p2.InstalledPlugin;
import digitlab.p2.PluginException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IInstallableUnitFragment;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.metadata.MetadataFactory;
import org.eclipse.equinox.p2.metadata.MetadataFactory.InstallableUnitDescription;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The lab's p2 profile and what the lab makes of it: its roots as {@link InstalledPlugin}s, and the part that is
 * the lab itself (the product and {@code digitlab.feature} with everything they require), which is never
 * uninstalled.
 */
public final class LabProfile {

    /** Profile property of an installable unit: the repository it was installed from (set by {@link Installer}). */
    static final String ORIGIN = "digitlab.p2.origin";
    /** Profile property p2's dropins reconciler sets on what it installed from {@code dropins/}. */
    static final String FROM_DROPINS = "org.eclipse.equinox.p2.reconciler.dropins";
    static final String GROUP_SUFFIX = ".feature.group";
    private static final String LAB_FEATURE = "digitlab.feature" + GROUP_SUFFIX;
    static final String PRODUCT_TYPE = "org.eclipse.equinox.p2.type.product";

    private final IProvisioningAgent agent;
    private final String profileId;

    /**
     * @param agent the p2 agent owning the profile
     * @param profileId the profile's id ({@link IProfileRegistry#SELF} for the running lab's)
     */
    public LabProfile(IProvisioningAgent agent, String profileId) {
        this.agent = agent;
        this.profileId = profileId;
    }

    /** @return the running lab's profile (the agent p2 started for {@code eclipse.p2.data.area}) */
    public static LabProfile running() throws PluginException {
        Bundle bundle = FrameworkUtil.getBundle(LabProfile.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) throw new PluginException("digitlab.p2 is not running in an OSGi framework");
        IProvisioningAgent agent = currentAgent(context);
        LabProfile lab = new LabProfile(agent, IProfileRegistry.SELF);
        if (lab.profile() == null) {
            throw new PluginException("this lab has no p2 profile (it was not installed by p2, e.g. it runs from a"
                + " development workspace): manage plugins in a built product");
        }
        return lab;
    }

    private static IProvisioningAgent currentAgent(BundleContext context) throws PluginException {
        try {
            Collection<ServiceReference<IProvisioningAgent>> refs = context.getServiceReferences(
                IProvisioningAgent.class, "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)");
            for (ServiceReference<IProvisioningAgent> ref : refs) {
                IProvisioningAgent agent = context.getService(ref);
                if (agent != null) return agent;
            }
            ServiceReference<IProvisioningAgentProvider> ref = context.getServiceReference(IProvisioningAgentProvider.class);
            IProvisioningAgentProvider provider = ref == null ? null : context.getService(ref);
            if (provider == null) throw new PluginException("p2 is not running in this lab (no provisioning agent)");
            return provider.createAgent(null); // null: the agent of the running system
        } catch (InvalidSyntaxException | ProvisionException e) {
            throw new PluginException("p2 is not running in this lab: " + e.getMessage(), e);
        }
    }

    /** @return the p2 agent */
    public IProvisioningAgent agent() {
        return agent;
    }

    /** @return the profile as it is now (a new snapshot after every change), or null when there is none */
    public IProfile profile() {
        return agent.getService(IProfileRegistry.class).getProfile(profileId);
    }

    /** @return the roots of the profile, as users name them, sorted by id */
    public List<InstalledPlugin> installed() {
        IProfile profile = profile();
        Set<IInstallableUnit> core = labCore(profile);
        List<InstalledPlugin> result = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(QueryUtil.createIUAnyQuery(), null)) {
            if (isRoot(profile, iu) || isFromDropins(profile, iu)) result.add(describe(profile, iu, core.contains(iu)));
        }
        result.sort(Comparator.comparing(InstalledPlugin::id));
        return result;
    }

    /** @return the installed unit a user's id names (a feature id without {@code .feature.group}, or a bundle), or null */
    public IInstallableUnit find(IProfile profile, String id) {
        for (String candidate : List.of(id + GROUP_SUFFIX, id)) {
            for (IInstallableUnit iu : profile.query(QueryUtil.createIUQuery(candidate), null)) return iu;
        }
        return null;
    }

    /** @return whether p2's dropins reconciler installed it (it is not a root: the reconciler keeps it while its jar is there) */
    static boolean isFromDropins(IProfile profile, IInstallableUnit iu) {
        return "true".equals(profile.getInstallableUnitProperty(iu, FROM_DROPINS));
    }

    static boolean isRoot(IProfile profile, IInstallableUnit iu) {
        return "true".equals(profile.getInstallableUnitProperty(iu, IProfile.PROP_PROFILE_ROOT_IU));
    }

    /**
     * @return the product and the lab's feature, with everything they require, transitively (requirements whose
     *         filter does not match the profile's environment do not count: the product requires the features it
     *         installs as separate roots, such as the examples, only under such a filter). Configuration units
     *         (IInstallableUnitFragment, e.g. {@code tooling.osgi.bundle.default}) are not followed: their host
     *         requirement matches every bundle, plugins included, without depending on them.
     */
    public Set<IInstallableUnit> labCore(IProfile profile) {
        List<IInstallableUnit> all = new ArrayList<>();
        profile.query(QueryUtil.createIUAnyQuery(), null).forEach(all::add);
        IInstallableUnit environment = environment(profile);
        Set<IInstallableUnit> core = new HashSet<>();
        Deque<IInstallableUnit> todo = new ArrayDeque<>();
        for (IInstallableUnit iu : all) {
            if (LAB_FEATURE.equals(iu.getId()) || "true".equals(iu.getProperty(PRODUCT_TYPE))) todo.add(iu);
        }
        while (!todo.isEmpty()) {
            IInstallableUnit iu = todo.pop();
            if (!core.add(iu) || iu instanceof IInstallableUnitFragment) continue;
            for (IRequirement requirement : iu.getRequirements()) {
                if (requirement.getFilter() != null && !requirement.getFilter().isMatch(environment)) continue;
                for (IInstallableUnit candidate : all) {
                    if (!core.contains(candidate) && requirement.isMatch(candidate)) todo.add(candidate);
                }
            }
        }
        return core;
    }

    /** The profile's properties and environment (os, ws, arch) as the unit requirement filters are matched against. */
    private static IInstallableUnit environment(IProfile profile) {
        InstallableUnitDescription description = new InstallableUnitDescription();
        description.setId("digitlab.p2.environment");
        description.setVersion(Version.emptyVersion);
        profile.getProperties().forEach(description::setProperty);
        String environments = profile.getProperty(IProfile.PROP_ENVIRONMENTS);
        if (environments != null) {
            for (String pair : environments.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) description.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return MetadataFactory.createInstallableUnit(description);
    }

    /** @return the roots of the profile that require {@code iu}, directly or not */
    List<IInstallableUnit> rootsRequiring(IProfile profile, IInstallableUnit iu) {
        List<IInstallableUnit> all = new ArrayList<>();
        profile.query(QueryUtil.createIUAnyQuery(), null).forEach(all::add);
        IInstallableUnit environment = environment(profile);
        List<IInstallableUnit> result = new ArrayList<>();
        for (IInstallableUnit root : all) {
            if (root.equals(iu) || !isRoot(profile, root)) continue;
            Set<IInstallableUnit> seen = new HashSet<>();
            Deque<IInstallableUnit> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                IInstallableUnit next = todo.pop();
                if (!seen.add(next) || next instanceof IInstallableUnitFragment) continue;
                for (IRequirement requirement : next.getRequirements()) {
                    if (requirement.getFilter() != null && !requirement.getFilter().isMatch(environment)) continue;
                    for (IInstallableUnit candidate : all) {
                        if (requirement.isMatch(candidate)) todo.add(candidate);
                    }
                }
            }
            if (seen.contains(iu)) result.add(root);
        }
        return result;
    }

    static InstalledPlugin describe(IProfile profile, IInstallableUnit iu, boolean partOfLab) {
        String origin = profile == null ? null : profile.getInstallableUnitProperty(iu, ORIGIN);
        if (origin == null && profile != null && isFromDropins(profile, iu)) origin = "dropins";
        if (origin == null) origin = partOfLab ? "Digit Lab" : "product";
        return new InstalledPlugin(userId(iu), iu.getVersion().toString(), name(iu), origin, partOfLab);
    }

    static String userId(IInstallableUnit iu) {
        String id = iu.getId();
        return id.endsWith(GROUP_SUFFIX) ? id.substring(0, id.length() - GROUP_SUFFIX.length()) : id;
    }

    static String name(IInstallableUnit iu) {
        String name = iu.getProperty(IInstallableUnit.PROP_NAME, null);
        return name == null || name.isBlank() || name.startsWith("%") ? userId(iu) : name;
    }
}

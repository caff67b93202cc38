package digitlab.p2.internal;

import digitlab.p2.InstalledPlugin;
import digitlab.p2.PluginException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;

/**
 * Uninstalls a root of the lab's profile (and what only it needed), never a part of the lab itself.
 */
public final class Uninstaller {

    private final LabProfile lab;

    /** @param lab the profile to uninstall from */
    public Uninstaller(LabProfile lab) {
        this.lab = lab;
    }

    /** See {@link digitlab.p2.LabPlugins#uninstall}. */
    public InstalledPlugin uninstall(String id, IProgressMonitor monitor) throws PluginException {
        IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
        IProfile profile = lab.profile();
        IInstallableUnit iu = lab.find(profile, id);
        if (iu == null) throw new PluginException("'" + id + "' is not installed ('digitlab plugins' lists what is)");
        if (LabProfile.isFromDropins(profile, iu)) {
            throw new PluginException("'" + id + "' comes from the dropins folder: remove it from there (it is gone at the next start)");
        }
        if (lab.labCore(profile).contains(iu)) {
            throw new PluginException("'" + id + "' is part of Digit Lab itself and cannot be uninstalled");
        }
        if (!LabProfile.isRoot(profile, iu)) {
            List<String> with = new ArrayList<>();
            for (IInstallableUnit root : lab.rootsRequiring(profile, iu)) with.add(LabProfile.userId(root));
            throw new PluginException("'" + id + "' came with " + (with.isEmpty() ? "another plugin" : String.join(", ", with))
                + "; uninstall that instead");
        }
        InstalledPlugin described = LabProfile.describe(profile, iu, false);
        IPlanner planner = lab.agent().getService(IPlanner.class);
        IProfileChangeRequest request = planner.createChangeRequest(profile);
        request.remove(iu);
        ProvisioningContext context = new ProvisioningContext(lab.agent());
        context.setMetadataRepositories(new URI[0]); // removing needs no repository: p2 reads none
        context.setArtifactRepositories(new URI[0]);
        IProvisioningPlan plan = planner.getProvisioningPlan(request, context, progress);
        if (plan.getStatus().getSeverity() == IStatus.ERROR || plan.getStatus().getSeverity() == IStatus.CANCEL) {
            throw new PluginException("cannot uninstall '" + id + "': " + Problems.oneLine(plan.getStatus()));
        }
        new PlanRunner(lab).perform(plan, new UnsignedContentGuard(false, PinnedArtifacts.of(lab.agent())), "uninstall '" + id + "'", "the lab", progress);
        return described;
    }
}

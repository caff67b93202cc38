package digitlab.p2.internal;

import digitlab.p2.PluginException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;

/**
 * Runs a p2 plan with the engine, with {@link UnsignedContentGuard} answering p2's trust question in place of a
 * dialog. p2's engine rolls the profile back when a phase fails, so a failed run changes nothing.
 */
final class PlanRunner {

    private final LabProfile lab;

    PlanRunner(LabProfile lab) {
        this.lab = lab;
    }

    /**
     * @param what the change, for messages ("install x 1.0.0")
     * @param source the repository as the user named it, for messages
     */
    void perform(IProvisioningPlan plan, UnsignedContentGuard guard, String what, String source, IProgressMonitor progress)
            throws PluginException {
        IProvisioningAgent agent = lab.agent();
        Object previous = agent.getService(UIServices.SERVICE_NAME);
        if (previous != null) agent.unregisterService(UIServices.SERVICE_NAME, previous);
        agent.registerService(UIServices.SERVICE_NAME, guard);
        IStatus status;
        try {
            status = agent.getService(IEngine.class).perform(plan, PhaseSetFactory.createDefaultPhaseSet(), progress);
        } finally {
            agent.unregisterService(UIServices.SERVICE_NAME, guard);
            if (previous != null) agent.registerService(UIServices.SERVICE_NAME, previous);
        }
        if (!guard.refused().isEmpty()) {
            throw new PluginException("refused unsigned or untrusted content from " + source + ": "
                + String.join(", ", guard.refused()) + "; nothing installed (add --trust-unsigned if you trust it)");
        }
        if (status.getSeverity() == IStatus.ERROR || status.getSeverity() == IStatus.CANCEL) {
            throw new PluginException("cannot " + what + ": " + Problems.oneLine(status));
        }
    }
}

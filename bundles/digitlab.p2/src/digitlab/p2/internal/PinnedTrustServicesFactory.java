package digitlab.p2.internal;

import java.util.Collection;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.core.spi.IAgentServiceFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Gives every p2 agent of the lab a {@link PinnedTrustServices} as its {@link UIServices} (a declarative-services
 * component, OSGI-INF/pinned-trust.xml, ranked above p2's own factory, which p2 would pick otherwise): p2's
 * dialogs, created by p2's factory, answer what the lab's pins do not.
 */
public final class PinnedTrustServicesFactory implements IAgentServiceFactory {

    /** p2 UI's factory of its dialogs (org.eclipse.equinox.p2.ui, OSGI-INF/serviceui.xml) */
    private static final String P2_DIALOGS = "(component.name=org.eclipse.equinox.p2.ui.serviceuifactory)";

    @Override
    public Object createService(IProvisioningAgent agent) {
        return new PinnedTrustServices(p2Dialogs(agent), PinnedArtifacts.of(agent));
    }

    private static UIServices p2Dialogs(IProvisioningAgent agent) {
        BundleContext context = FrameworkUtil.getBundle(PinnedTrustServicesFactory.class).getBundleContext();
        try {
            Collection<ServiceReference<IAgentServiceFactory>> refs = context.getServiceReferences(IAgentServiceFactory.class, P2_DIALOGS);
            for (ServiceReference<IAgentServiceFactory> ref : refs) {
                IAgentServiceFactory factory = context.getService(ref);
                if (factory != null && factory.createService(agent) instanceof UIServices dialogs) return dialogs;
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(P2_DIALOGS, e);
        }
        return null; // no p2 UI (a headless lab): what is not pinned is refused
    }
}

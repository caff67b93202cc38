package digitlab.ui.internal.model;

import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;

/**
 * Makes the workbench's one {@link ModelAccess} (plugin.xml, {@code org.eclipse.ui.services}). The workbench asks
 * the factory at the level of the locator a caller asked (a view's site, a window, the workbench); every level
 * below the workbench answers with its parent's service, so all views share the workbench's instance.
 */
public final class ModelAccessFactory extends AbstractServiceFactory {

    @Override
    @SuppressWarnings("rawtypes") // the platform's signature
    public Object create(Class serviceInterface, IServiceLocator parentLocator, IServiceLocator locator) {
        if (serviceInterface != ModelAccess.class) return null;
        Object parents = parentLocator.getService(ModelAccess.class);
        return parents != null ? parents : new ModelAccess();
    }
}

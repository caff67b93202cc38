package digitlab.ui.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import digitlab.ui.internal.prefs.FashionFolderPreference;

/**
 * Starts with the first view: hands the Fashion-MNIST folder preference to the dataset before any view can
 * load it (every way to load a dataset in the workbench goes through a class of this bundle).
 */
public final class UiActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        FashionFolderPreference.install();
    }

    @Override
    public void stop(BundleContext context) {
        FashionFolderPreference.uninstall();
    }
}

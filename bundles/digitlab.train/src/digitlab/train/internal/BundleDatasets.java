package digitlab.train.internal;

import digitlab.data.DatasetProvider;
import digitlab.data.DatasetRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Inside OSGi, {@code java.util.ServiceLoader} does not see other bundles' {@code META-INF/services}
 * files, so the dataset providers that bundles declare there (e.g. {@code digitlab.data.mnist}) are found
 * here: each resolved bundle's entry is read and its classes are loaded through that bundle. Outside OSGi
 * this does nothing ({@link DatasetRegistry#standard()} uses ServiceLoader itself). A broken entry is
 * logged with the bundle's name and skipped.
 */
public final class BundleDatasets {

    private static final String ENTRY = "META-INF/services/" + DatasetProvider.class.getName();
    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final System.Logger LOG = System.getLogger(BundleDatasets.class.getName());

    private BundleDatasets() {
    }

    /** Registers the bundles' providers into {@code registry}, once per process. */
    public static void registerOnce(DatasetRegistry registry) {
        if (!DONE.compareAndSet(false, true)) return;
        try {
            register(registry);
        } catch (LinkageError | RuntimeException e) {
            // Plain class path: there are no bundles to look at.
        }
    }

    private static void register(DatasetRegistry registry) {
        org.osgi.framework.Bundle self = org.osgi.framework.FrameworkUtil.getBundle(BundleDatasets.class);
        if (self == null || self.getBundleContext() == null) return;
        for (org.osgi.framework.Bundle b : self.getBundleContext().getBundles()) {
            if ((b.getState() & (org.osgi.framework.Bundle.RESOLVED | org.osgi.framework.Bundle.STARTING
                    | org.osgi.framework.Bundle.ACTIVE)) == 0 && b.getState() != org.osgi.framework.Bundle.INSTALLED) {
                continue;
            }
            URL entry = b.getEntry(ENTRY);
            if (entry == null) continue;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String name = line.replaceAll("#.*", "").strip();
                    if (name.isEmpty()) continue;
                    try {
                        Object o = b.loadClass(name).getDeclaredConstructor().newInstance();
                        DatasetProvider p = (DatasetProvider) o;
                        if (registry.providers().stream().noneMatch(x -> x.id().equals(p.id()))) registry.register(p);
                    } catch (Exception | LinkageError e) {
                        LOG.log(System.Logger.Level.WARNING, "bundle " + b.getSymbolicName() + ": dataset provider "
                                + name + " skipped: " + e);
                    }
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "bundle " + b.getSymbolicName() + ": cannot read " + ENTRY + ": " + e);
            }
        }
    }
}

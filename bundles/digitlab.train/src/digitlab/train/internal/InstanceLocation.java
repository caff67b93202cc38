package digitlab.train.internal;

import java.net.URL;
import java.nio.file.Path;

/**
 * The folder where the lab keeps its runs: the Eclipse instance location ({@code -data WS}) when running
 * inside the product, else {@code ~/.digitlab/workspace} (plain Java, tests).
 */
public final class InstanceLocation {

    private InstanceLocation() {
    }

    /** The workspace folder. */
    public static Path directory() {
        try {
            org.eclipse.osgi.service.datalocation.Location loc = org.eclipse.core.runtime.Platform.getInstanceLocation();
            if (loc != null) {
                URL url = loc.getURL();
                if (url != null && "file".equals(url.getProtocol())) return Path.of(url.getPath());
            }
        } catch (LinkageError | RuntimeException e) {
            // Not running in an OSGi framework (plain class path): fall through to the default.
        }
        return Path.of(System.getProperty("user.home"), ".digitlab", "workspace");
    }
}

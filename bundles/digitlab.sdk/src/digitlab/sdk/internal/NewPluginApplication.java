package digitlab.sdk.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application {@code digitlab.sdk.newplugin}: {@code digitlab new-plugin ...} as the start scripts run
 * it ({@code -application digitlab.sdk.newplugin new-plugin --kind ... DIR}); returns the exit code.
 */
public final class NewPluginApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        String[] args = raw instanceof String[] a ? a : new String[0];
        if (args.length > 0 && args[0].equals("new-plugin")) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int code = new NewPluginCommand(System.out, System.err, installDir()).run(args);
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    /** The installation's folder (osgi.install.area, a file: URL), or the working folder when it is not set. */
    static Path installDir() {
        String area = System.getProperty("osgi.install.area");
        if (area != null && area.startsWith("file:")) {
            try {
                return Path.of(new URI(area.replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Path.of(area.substring("file:".length()));
            }
        }
        return Path.of("").toAbsolutePath();
    }

    @Override
    public void stop() {
        // writing the project takes milliseconds; a half-written one is removed by the generator itself
    }
}

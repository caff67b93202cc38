package digitlab.p2.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application {@code digitlab.p2.cli}: {@code digitlab install|uninstall|plugins ...} as the start
 * scripts run it ({@code -application digitlab.p2.cli -data WS install REPO IDS}); returns the exit code.
 */
public final class PluginsApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        String[] args = raw instanceof String[] a ? a : new String[0];
        int code = new PluginsCommand(System.out, System.err).run(args);
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // p2 changes are short; the engine rolls back an interrupted one at the next start.
    }
}

package digitlab.train.cli;

import java.util.Map;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application {@code digitlab.train.cli}: runs {@link Cli} with the command-line arguments the
 * launcher did not consume ({@code -application digitlab.train.cli -data WS train --epochs 3}) and returns
 * the exit code as an {@link Integer}, which the launcher passes to {@code System.exit}.
 */
public final class CliApplication implements IApplication {

    /**
     * The lab's loggers, quieted to warnings on the command line so the output is the command's own lines
     * (e.g. the kernel choice is logged at INFO); held here because java.util.logging keeps loggers weakly.
     * {@code DIGITLAB_VERBOSE=1} keeps everything.
     */
    private static final java.util.logging.Logger LAB_LOG = java.util.logging.Logger.getLogger("digitlab");

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        if (System.getenv("DIGITLAB_VERBOSE") == null) LAB_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<?, ?> arguments = context.getArguments();
        Object raw = arguments.get(IApplicationContext.APPLICATION_ARGS);
        String[] args = raw instanceof String[] a ? a : new String[0];
        digitlab.train.extensions.ContributionLoader.loadAll(); // plugins: layers, optimizers, presets, datasets
        int code = new Cli().run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // The commands end by themselves; Ctrl+C is handled by the train command's shutdown hook.
    }
}

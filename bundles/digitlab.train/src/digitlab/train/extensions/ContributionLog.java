package digitlab.train.extensions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Where problems with contributions go: the Eclipse log (Error Log view, {@code .metadata/.log}) with the
 * contributing plugin as the status' plugin id, the {@code System.Logger} (so the command line shows them on
 * stderr), and a list the lab and tests can ask for.
 */
final class ContributionLog {

    private static final System.Logger LOG = System.getLogger("digitlab.extensions");

    private final List<ContributionProblem> problems = new CopyOnWriteArrayList<>();

    /** Records a contribution that was skipped while loading. */
    void skipped(String point, String contributor, String what, String reason, Throwable cause) {
        String message = "Plugin '" + contributor + "': " + what + " for " + point + " skipped: " + reason;
        record(new ContributionProblem(point, contributor, what, message, false), IStatus.ERROR, cause);
    }

    /** Records a contribution that failed in use and has been disabled. */
    void disabled(Contribution c, String reason, Throwable cause) {
        String message = "Plugin '" + c.contributor() + "': " + c.kind() + " '" + c.id() + "' (" + c.className()
                + ") failed and has been disabled: " + reason;
        record(new ContributionProblem(c.point(), c.contributor(), c.kind() + " '" + c.id() + "'", message, true),
                IStatus.ERROR, cause);
    }

    /** The problems so far, oldest first. */
    List<ContributionProblem> problems() {
        return List.copyOf(problems);
    }

    private void record(ContributionProblem p, int severity, Throwable cause) {
        problems.add(p);
        LOG.log(System.Logger.Level.WARNING, p.message());
        try {
            ILog.of(ContributionLog.class).log(new Status(severity, p.contributor(), p.message(), cause));
        } catch (RuntimeException | LinkageError e) {
            // No platform log (plain Java): the System.Logger line above is all there is.
        }
    }

    /** A one-line description of a throwable for messages: its class and message, or its cause's. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof org.eclipse.core.runtime.CoreException || root.getMessage() == null)) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}

package digitlab.train;

import digitlab.train.extensions.ContributionFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The one-line message with which a run that failed ends: the user's problem in the user's words (a file, the
 * disk, bad data, a plugin that failed), and for a bug "internal error: ..." with the stack trace in the log only.
 */
final class RunFailures {

    private static final System.Logger LOG = System.getLogger(RunFailures.class.getName());

    private RunFailures() {
    }

    /**
     * The message for {@code e}, which ended the session of {@code runId}; logs the stack trace of a bug, and
     * restores the interrupt flag of an interrupted thread.
     */
    static String describe(Throwable e, String runId) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (e instanceof UncheckedIOException u) return message(u.getCause());
        if (e instanceof IOException) return message(e);
        // Bad data or settings found late, or a plugin's layer/optimizer failed: the message says which.
        if (e instanceof IllegalArgumentException || e instanceof ContributionFailure) return e.getMessage();
        LOG.log(System.Logger.Level.ERROR, "run " + runId + " failed", e);
        return e instanceof OutOfMemoryError ? "out of memory; try a smaller network or batch" : "internal error: " + e;
    }

    /** A one-line message for an I/O problem: the exception's own text, which names the file. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof NoSuchFileException n) return (n.getReason() != null ? n.getReason() + ": " : "no such file: ") + n.getFile();
        if (e instanceof AccessDeniedException) return "permission denied: " + m;
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getFile() + ": " + f.getReason();
        return m == null ? e.toString() : m;
    }
}

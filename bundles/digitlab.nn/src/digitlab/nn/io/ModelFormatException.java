package digitlab.nn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model, checkpoint or imported network file cannot be read: it is empty, truncated, corrupted,
 * of another kind, from a newer version, or describes an invalid network. The message names the
 * file and the problem, e.g. {@code "model.dlm: truncated: the file has 120 bytes, its header says 92392"}.
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A problem with {@code file}. */
    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** A problem with {@code file} caused by {@code cause}. */
    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}

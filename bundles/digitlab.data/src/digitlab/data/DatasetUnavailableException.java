package digitlab.data;

import java.io.IOException;

/**
 * A dataset cannot be loaded because something outside the program is missing (files not installed, a
 * folder without the expected files, an unknown id). The message is meant for users: it says what is
 * missing and what to do, for example "Fashion-MNIST not found in /usr/share/datasets/fashion-mnist;
 * install it with: sudo apt-get install dataset-fashion-mnist, ...".
 */
public class DatasetUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is missing and what to do about it */
    public DatasetUnavailableException(String message) {
        super(message);
    }

    /** @param message what is missing and what to do about it; {@code cause} the underlying failure */
    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package digitlab.train.cli;

/** A mistake in the command line (unknown flag, bad value, missing option): exit code 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** With a one-line message naming the flag and the problem. */
    public UsageException(String message) {
        super(message);
    }
}

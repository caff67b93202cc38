package digitlab.p2;

/**
 * A plugin could not be installed, uninstalled or listed, for a reason the user can act on. The message is one
 * line naming the thing and the problem (e.g. {@code /tmp/x.zip is not a p2 repository (no content.xml or
 * content.jar in it)}); nothing in the lab was changed when it is thrown.
 */
public final class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message one line: the thing and the problem */
    public PluginException(String message) {
        super(message);
    }

    /**
     * @param message one line: the thing and the problem
     * @param cause what p2 reported, for the log
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}

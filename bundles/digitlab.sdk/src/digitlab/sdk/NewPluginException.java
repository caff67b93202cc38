package digitlab.sdk;

/** A plugin project could not be generated; the message names the input and the problem in one line. */
public final class NewPluginException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the input (the id, the folder, the repository) and the problem */
    public NewPluginException(String message) {
        super(message);
    }
}

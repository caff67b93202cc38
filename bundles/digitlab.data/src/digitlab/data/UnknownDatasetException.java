package digitlab.data;

/**
 * A dataset id that no registered provider answers to. The message lists the known ids, so a command line
 * can print it as it is (a usage error rather than a failure).
 */
public class UnknownDatasetException extends DatasetUnavailableException {

    private static final long serialVersionUID = 1L;

    private final String id;

    /** @param id the id asked for; {@code message} the text naming it and the known ids */
    public UnknownDatasetException(String id, String message) {
        super(message);
        this.id = id;
    }

    /** The id that was asked for. */
    public String id() {
        return id;
    }
}

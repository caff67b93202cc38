package digitlab.data.idx;

import java.io.IOException;

/**
 * An IDX file that is not what it claims to be. The message names the file and the problem, for example
 * "train-labels-idx1-ubyte.gz: header says 60000 labels but the file holds 59990".
 */
public class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /**
     * @param source  the file name (or resource name) the problem is in
     * @param problem what is wrong, without the file name
     */
    public IdxFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** Like {@link #IdxFormatException(String, String)}, keeping the low-level cause. */
    public IdxFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** The problem without the file name. */
    public String problem() {
        return problem;
    }
}

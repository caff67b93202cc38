package digitlab.train.extensions;

/**
 * Thrown in place of whatever a contributed layer or optimizer threw while in use: the message names the
 * plugin and says that the contribution is now disabled; the original exception is the cause. Whoever runs the
 * training (a job, the command line) reports it as the run's failure.
 */
public final class ContributionFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ContributionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

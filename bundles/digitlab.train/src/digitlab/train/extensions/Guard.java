package digitlab.train.extensions;

/**
 * The shared part of the guards around contributed code: turns an unexpected throwable from the
 * contribution into a {@link ContributionFailure} naming the plugin, and disables the contribution (logged
 * once). A disabled contribution refuses further use with the same message.
 */
final class Guard {

    private final Contribution contribution;
    private final ContributionLog log;

    Guard(Contribution contribution, ContributionLog log) {
        this.contribution = contribution;
        this.log = log;
    }

    Contribution contribution() {
        return contribution;
    }

    /** Disables the contribution (logging it the first time) and returns the exception to throw. */
    ContributionFailure fail(String during, Throwable cause) {
        String reason = describeFailure(during, cause);
        if (contribution.disable(reason)) log.disabled(contribution, reason, cause);
        return new ContributionFailure(contribution + " failed " + during + " (" + ContributionLog.describe(cause)
                + ") and has been disabled", cause);
    }

    /** Throws when the contribution was disabled before. */
    void checkEnabled() {
        String why = contribution.disabledBecause();
        if (why != null) throw new ContributionFailure(contribution + " is disabled after an error: " + why, null);
    }

    private static String describeFailure(String during, Throwable cause) {
        return during + ": " + ContributionLog.describe(cause);
    }
}

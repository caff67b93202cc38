package digitlab.train;

import java.util.Locale;

/**
 * When a session first reached its {@link TimeToTarget}: the seconds from the start of training (evaluations
 * included) and where in the run that was, or that it never did.
 *
 * @param target            the accuracy to reach
 * @param reached           whether an evaluation reached it
 * @param seconds           wall-clock seconds from the start of training to the end of that evaluation; NaN when
 *                          not reached
 * @param accuracy          the test accuracy of that evaluation; when not reached, the best one measured (NaN when
 *                          there was none)
 * @param epoch             the epoch (1-based) of that evaluation (of the best one when not reached; 0 when none)
 * @param batch             batches completed in that epoch
 * @param epochs            training progress then, in epochs (e.g. 1.5 halfway through the second)
 * @param evaluations       test-set evaluations run (up to the target, or all when not reached)
 * @param evaluationSeconds their time, part of {@code seconds}
 * @param testImages        images in each evaluation
 */
public record TargetResult(double target, boolean reached, double seconds, double accuracy, int epoch, int batch,
                           double epochs, int evaluations, double evaluationSeconds, int testImages) {

    /** One line for the user, e.g. "reached 99.00 % test accuracy after 12.3 s (99.04 % at epoch 2, batch 430 ...)". */
    public String describe() {
        if (reached) {
            return String.format(Locale.ROOT, "reached %.2f %% test accuracy after %.1f s: %.2f %% at epoch %d, batch %d"
                    + " (%.2f epochs; %d evaluations of %,d test images took %.1f s of it)", 100 * target, seconds,
                    100 * accuracy, epoch, batch, epochs, evaluations, testImages, evaluationSeconds);
        }
        if (evaluations == 0) {
            return String.format(Locale.ROOT, "did not reach %.2f %% test accuracy: no test images to evaluate", 100 * target);
        }
        return String.format(Locale.ROOT, "did not reach %.2f %% test accuracy (best %.2f %% at epoch %d, batch %d;"
                + " %d evaluations of %,d test images, %.1f s)", 100 * target, 100 * accuracy, epoch, batch, evaluations,
                testImages, evaluationSeconds);
    }
}

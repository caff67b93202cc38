package digitlab.train;

import java.nio.file.Path;

/**
 * How a training session ended.
 *
 * @param status           {@link RunStatus#COMPLETED}, {@link RunStatus#CANCELLED}, {@link RunStatus#DIVERGED},
 *                         {@link RunStatus#FAILED} or {@link RunStatus#STOPPED_EARLY} (an {@link EarlyStop}
 *                         rule stopped it)
 * @param message          one sentence for the user, e.g. "loss became NaN at epoch 2, batch 118; try a lower
 *                         learning rate (it was 10.0)"
 * @param epochsCompleted  epochs completed in the whole run
 * @param seconds          training time of the whole run, resumed parts included
 * @param samplesPerSecond mean training throughput of this session (NaN when no batch ran)
 * @param evaluation       the test-set evaluation of the final model (completed runs), or null
 * @param model            the saved model file (the last good model), or null when none was saved
 */
public record RunOutcome(RunStatus status, String message, int epochsCompleted, double seconds,
                         double samplesPerSecond, EvaluationReport evaluation, Path model) {
}

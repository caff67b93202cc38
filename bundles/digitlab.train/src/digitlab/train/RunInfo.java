package digitlab.train;

import java.time.Instant;

/**
 * What the runs view shows of one run (read from its {@code run.json}).
 *
 * @param id                 the run's id (its folder name), e.g. {@code 20261124-004512-mlp}
 * @param name               the name shown to users (renamable)
 * @param created            when the run was created
 * @param status             where it stands; a run left RUNNING by a crashed program reads as INTERRUPTED
 * @param message            the last status sentence, e.g. the divergence message; empty when none
 * @param dataset            the dataset id
 * @param preset             the architecture preset
 * @param architecture       the network in the core's text form, e.g. {@code 1x28x28 -> dense(units=256) -> ...}
 * @param epochsCompleted    epochs completed so far
 * @param epochs             epochs planned
 * @param seconds            training time so far
 * @param validationAccuracy the last epoch's validation accuracy, NaN when none
 * @param testAccuracy       the final test accuracy, NaN until the run completed
 * @param hasModel           whether a model file is saved
 * @param hasCheckpoint      whether a checkpoint is saved (the run can be resumed if its status allows)
 */
public record RunInfo(String id, String name, Instant created, RunStatus status, String message, String dataset,
                      String preset, String architecture, int epochsCompleted, int epochs, double seconds,
                      double validationAccuracy, double testAccuracy, boolean hasModel, boolean hasCheckpoint) {

    /**
     * Whether {@link TrainingSession#resume} can continue this run: from its checkpoint, or from the start
     * when it stopped before its first checkpoint.
     */
    public boolean canResume() {
        return status.isResumable() && epochsCompleted < epochs;
    }
}

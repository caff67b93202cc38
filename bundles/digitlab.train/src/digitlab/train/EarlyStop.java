package digitlab.train;

/**
 * A rule that may stop a run at the end of an epoch (a sweep's successive-halving rungs). Asked on the training
 * thread after each epoch but the last has been saved (history, epoch model, checkpoint, run.json), so it must
 * be quick; it may look at other runs' figures (it is called from several sessions at once, so it synchronises
 * itself).
 */
@FunctionalInterface
public interface EarlyStop {
    /**
     * @return null to go on, or the sentence that says why the run stops here (it becomes the run's message,
     *         e.g. "stopped early after epoch 1: validation accuracy 11.35 % ...")
     */
    String check(Run run, EpochPoint point);
}

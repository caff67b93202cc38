package digitlab.nn;

/**
 * The full state of a training run at a batch boundary, enough to continue it exactly as if it
 * had never stopped: parameters, optimizer state, position (epoch and batch), the shuffling
 * generator's state at the start of the epoch, and the running sums of the current epoch's
 * metrics. Taken with {@link Trainer#checkpoint()}, continued with {@link Trainer#resume}, saved
 * with {@code digitlab.nn.io.CheckpointFormat}. Arrays are owned by the checkpoint: do not change them.
 *
 * @param architecture    the network's architecture
 * @param config          the training configuration
 * @param parameters      the flat parameters
 * @param optimizerState  the optimizer's state arrays ({@link Optimizer#state()})
 * @param optimizerSteps  the optimizer's step count
 * @param epoch           epochs completed
 * @param batch           batches completed in the current epoch
 * @param shuffleState    the shuffling generator's state at the start of the current epoch
 * @param epochLossSum    sum over the current epoch's samples of their loss so far
 * @param epochCorrect    correctly classified training samples so far in the current epoch
 * @param epochSeen       training samples seen so far in the current epoch
 */
public record TrainingCheckpoint(Architecture architecture, TrainingConfig config, float[] parameters,
                                 float[][] optimizerState, long optimizerSteps, int epoch, int batch,
                                 long shuffleState, double epochLossSum, long epochCorrect, long epochSeen) {
}

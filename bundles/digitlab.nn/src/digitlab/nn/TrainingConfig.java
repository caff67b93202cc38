package digitlab.nn;

import java.io.Serializable;

/**
 * How to train: loss, optimizer and its settings, learning rate and schedule, batch size, epochs,
 * seed and threads. Immutable; change a copy with the {@code with...} methods, check with
 * {@link #validate()}. Dropout is part of the {@link Architecture} (a layer), not of this config.
 *
 * @param loss             loss id ({@link Losses#get}): {@code quadratic} or {@code xent}
 * @param optimizer        optimizer name ({@link OptimizerRegistry}): sgd, momentum, adam, adamw
 * @param learningRate     base learning rate, positive
 * @param batchSize        samples per mini-batch, 1..65536
 * @param epochs           passes over the training set, 1..100000
 * @param schedule         learning-rate schedule ({@link LearningRateSchedule#parse})
 * @param weightDecay      L2 weight decay lambda on weights (not biases), at least 0
 * @param momentum         momentum for {@code momentum}, in [0, 1)
 * @param nesterov         Nesterov momentum for {@code momentum}
 * @param beta1            Adam's first-moment decay, in [0, 1)
 * @param beta2            Adam's second-moment decay, in [0, 1)
 * @param epsilon          Adam's epsilon, positive
 * @param seed             seed for initialisation, shuffling and dropout
 * @param threads          threads for the kernels, 1..1024 (results do not depend on it)
 * @param snapshotInterval publish a model snapshot every this many batches (and at every epoch end)
 */
public record TrainingConfig(String loss, String optimizer, double learningRate, int batchSize, int epochs,
                             String schedule, double weightDecay, double momentum, boolean nesterov,
                             double beta1, double beta2, double epsilon, long seed, int threads,
                             int snapshotInterval) implements Serializable {

    /** Adam with lr 0.001, batch 64, 10 epochs, cross-entropy, constant rate, seed 1, one thread. */
    public static TrainingConfig defaults() {
        return new TrainingConfig("xent", "adam", 0.001, 64, 10, "constant", 0.0, 0.9, false,
                0.9, 0.999, 1e-8, 1L, 1, 10);
    }

    /**
     * Checks every field; the message names the first bad one.
     *
     * @return this, for chaining
     * @throws IllegalArgumentException e.g. {@code "batchSize: 0 must be between 1 and 65536"}
     */
    public TrainingConfig validate() {
        Losses.get(loss);
        if (!OptimizerRegistry.standard().contains(optimizer)) {
            throw new IllegalArgumentException("optimizer: unknown '" + optimizer + "'; known: "
                    + OptimizerRegistry.standard().names());
        }
        if (!(learningRate > 0 && learningRate <= 1e3)) {
            throw new IllegalArgumentException("learningRate: " + learningRate + " must be above 0 and at most 1000");
        }
        range("batchSize", batchSize, 1, 65_536);
        range("epochs", epochs, 1, 100_000);
        LearningRateSchedule.parse(schedule);
        if (!(weightDecay >= 0 && weightDecay < 1e3)) {
            throw new IllegalArgumentException("weightDecay: " + weightDecay + " must be at least 0 (and below 1000)");
        }
        unit("momentum", momentum);
        unit("beta1", beta1);
        unit("beta2", beta2);
        if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("epsilon: " + epsilon + " must be between 0 and 1");
        range("threads", threads, 1, 1024);
        range("snapshotInterval", snapshotInterval, 1, Integer.MAX_VALUE);
        return this;
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " must be between " + min + " and " + max);
        }
    }

    private static void unit(String name, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(name + ": " + value + " must be at least 0 and below 1");
    }

    /** The loss function named by {@link #loss()}. */
    public Loss lossFunction() {
        return Losses.get(loss);
    }

    /** The schedule named by {@link #schedule()}. */
    public LearningRateSchedule learningRateSchedule() {
        return LearningRateSchedule.parse(schedule);
    }

    /** A copy with another loss. */
    public TrainingConfig withLoss(String v) {
        return new TrainingConfig(v, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with another optimizer. */
    public TrainingConfig withOptimizer(String v) {
        return new TrainingConfig(loss, v, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with another learning rate. */
    public TrainingConfig withLearningRate(double v) {
        return new TrainingConfig(loss, optimizer, v, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with another batch size. */
    public TrainingConfig withBatchSize(int v) {
        return new TrainingConfig(loss, optimizer, learningRate, v, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with another number of epochs. */
    public TrainingConfig withEpochs(int v) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, v, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with another schedule. */
    public TrainingConfig withSchedule(String v) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, v, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with another weight decay. */
    public TrainingConfig withWeightDecay(double v) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, v, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with other momentum settings. */
    public TrainingConfig withMomentum(double v, boolean useNesterov) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, v,
                useNesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
    }

    /** A copy with other Adam settings. */
    public TrainingConfig withAdam(double b1, double b2, double eps) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, b1, b2, eps, seed, threads, snapshotInterval);
    }

    /** A copy with another seed. */
    public TrainingConfig withSeed(long v) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, v, threads, snapshotInterval);
    }

    /** A copy with another thread count. */
    public TrainingConfig withThreads(int v) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, v, snapshotInterval);
    }

    /** A copy with another snapshot interval. */
    public TrainingConfig withSnapshotInterval(int v) {
        return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                nesterov, beta1, beta2, epsilon, seed, threads, v);
    }
}

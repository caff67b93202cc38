package digitlab.nn;

import java.io.Serializable;

/**
 * How to train: loss, optimizer and its settings, learning rate and schedule, batch size, epochs,
 * seed and threads. Immutable; build one by name with {@link #builder()} (every setting not named keeps
 * its default, the {@code DEFAULT_...} constants), change a copy with {@link #toBuilder()} or the
 * {@code with...} methods, check with {@link #validate()}:
 * <pre>{@code
 * TrainingConfig c = TrainingConfig.builder().optimizer("sgd").learningRate(0.1).epochs(30).build();
 * }</pre> Dropout is part of the {@link Architecture} (a layer), not of this config.
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

    /** Default loss: softmax cross-entropy. */
    public static final String DEFAULT_LOSS = "xent";
    /** Default optimizer. */
    public static final String DEFAULT_OPTIMIZER = "adam";
    /** Default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Default mini-batch size. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /** Default number of epochs. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Default learning-rate schedule. */
    public static final String DEFAULT_SCHEDULE = "constant";
    /** Default L2 weight decay: none. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.0;
    /** Default momentum (for the momentum optimizer). */
    public static final double DEFAULT_MOMENTUM = 0.9;
    /** Default Adam beta1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default Adam beta2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default Adam epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** Default seed. */
    public static final long DEFAULT_SEED = 1L;
    /** Default number of threads. */
    public static final int DEFAULT_THREADS = 1;
    /** Default snapshot interval, in batches. */
    public static final int DEFAULT_SNAPSHOT_INTERVAL = 10;

    /** Adam with lr 0.001, batch 64, 10 epochs, cross-entropy, constant rate, seed 1, one thread. */
    public static TrainingConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults ({@code DEFAULT_...}); set what differs by name. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder().loss(loss).optimizer(optimizer).learningRate(learningRate).batchSize(batchSize)
                .epochs(epochs).schedule(schedule).weightDecay(weightDecay).momentum(momentum).nesterov(nesterov)
                .beta1(beta1).beta2(beta2).epsilon(epsilon).seed(seed).threads(threads).snapshotInterval(snapshotInterval);
    }

    /** Builds a {@link TrainingConfig} by setting names; {@link #build()} does not validate (call {@link #validate()}). */
    public static final class Builder {
        private String loss = DEFAULT_LOSS;
        private String optimizer = DEFAULT_OPTIMIZER;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int epochs = DEFAULT_EPOCHS;
        private String schedule = DEFAULT_SCHEDULE;
        private double weightDecay = DEFAULT_WEIGHT_DECAY;
        private double momentum = DEFAULT_MOMENTUM;
        private boolean nesterov;
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private double epsilon = DEFAULT_EPSILON;
        private long seed = DEFAULT_SEED;
        private int threads = DEFAULT_THREADS;
        private int snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;

        private Builder() {
        }

        /** @see TrainingConfig#loss() */
        public Builder loss(String v) { loss = v; return this; }
        /** @see TrainingConfig#optimizer() */
        public Builder optimizer(String v) { optimizer = v; return this; }
        /** @see TrainingConfig#learningRate() */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /** @see TrainingConfig#batchSize() */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** @see TrainingConfig#epochs() */
        public Builder epochs(int v) { epochs = v; return this; }
        /** @see TrainingConfig#schedule() */
        public Builder schedule(String v) { schedule = v; return this; }
        /** @see TrainingConfig#weightDecay() */
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        /** @see TrainingConfig#momentum() */
        public Builder momentum(double v) { momentum = v; return this; }
        /** @see TrainingConfig#nesterov() */
        public Builder nesterov(boolean v) { nesterov = v; return this; }
        /** @see TrainingConfig#beta1() */
        public Builder beta1(double v) { beta1 = v; return this; }
        /** @see TrainingConfig#beta2() */
        public Builder beta2(double v) { beta2 = v; return this; }
        /** @see TrainingConfig#epsilon() */
        public Builder epsilon(double v) { epsilon = v; return this; }
        /** @see TrainingConfig#seed() */
        public Builder seed(long v) { seed = v; return this; }
        /** @see TrainingConfig#threads() */
        public Builder threads(int v) { threads = v; return this; }
        /** @see TrainingConfig#snapshotInterval() */
        public Builder snapshotInterval(int v) { snapshotInterval = v; return this; }

        /** The configuration (not validated). */
        public TrainingConfig build() {
            return new TrainingConfig(loss, optimizer, learningRate, batchSize, epochs, schedule, weightDecay, momentum,
                    nesterov, beta1, beta2, epsilon, seed, threads, snapshotInterval);
        }
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
        return toBuilder().loss(v).build();
    }

    /** A copy with another optimizer. */
    public TrainingConfig withOptimizer(String v) {
        return toBuilder().optimizer(v).build();
    }

    /** A copy with another learning rate. */
    public TrainingConfig withLearningRate(double v) {
        return toBuilder().learningRate(v).build();
    }

    /** A copy with another batch size. */
    public TrainingConfig withBatchSize(int v) {
        return toBuilder().batchSize(v).build();
    }

    /** A copy with another number of epochs. */
    public TrainingConfig withEpochs(int v) {
        return toBuilder().epochs(v).build();
    }

    /** A copy with another schedule. */
    public TrainingConfig withSchedule(String v) {
        return toBuilder().schedule(v).build();
    }

    /** A copy with another weight decay. */
    public TrainingConfig withWeightDecay(double v) {
        return toBuilder().weightDecay(v).build();
    }

    /** A copy with other momentum settings. */
    public TrainingConfig withMomentum(double v, boolean useNesterov) {
        return toBuilder().momentum(v).nesterov(useNesterov).build();
    }

    /** A copy with other Adam settings. */
    public TrainingConfig withAdam(double b1, double b2, double eps) {
        return toBuilder().beta1(b1).beta2(b2).epsilon(eps).build();
    }

    /** A copy with another seed. */
    public TrainingConfig withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    /** A copy with another thread count. */
    public TrainingConfig withThreads(int v) {
        return toBuilder().threads(v).build();
    }

    /** A copy with another snapshot interval. */
    public TrainingConfig withSnapshotInterval(int v) {
        return toBuilder().snapshotInterval(v).build();
    }
}

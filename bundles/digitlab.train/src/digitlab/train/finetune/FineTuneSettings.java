package digitlab.train.finetune;

/**
 * How to fine-tune a model on My drawings. Each epoch mixes {@code mnistPerEpoch} MNIST training images
 * (a different slice every epoch) with the user's training drawings, repeated (the first time as drawn,
 * then slightly shifted, rotated, scaled and distorted) until they make up {@code drawingShare} of the
 * epoch: a few dozen drawings then weigh as much as a few thousand MNIST images, while the MNIST images
 * keep the model from forgetting MNIST. The optimizer and its settings are the model's own (Adam for a
 * model without a training record), restarted, at the small learning rate given here.
 *
 * @param epochs        passes over the mix, 1..100 (default {@value #DEFAULT_EPOCHS})
 * @param learningRate  the optimizer's rate, above 0 and at most 0.1 (default {@value #DEFAULT_LEARNING_RATE})
 * @param batchSize     samples per batch, 1..4096 (default 64)
 * @param mnistPerEpoch MNIST training images per epoch, 1..60000 (default {@value #DEFAULT_MNIST_PER_EPOCH})
 * @param drawingShare  the drawings' share of each epoch, in (0, 0.9] (default {@value #DEFAULT_DRAWING_SHARE})
 * @param seed          seed for shuffling, the MNIST slices and the drawings' variations
 * @param threads       threads wanted, 1..1024 (results do not depend on it)
 */
public record FineTuneSettings(int epochs, double learningRate, int batchSize, int mnistPerEpoch, double drawingShare,
                               long seed, int threads) {

    /** Default passes over the mix. */
    public static final int DEFAULT_EPOCHS = 2;
    /** Default learning rate: a tenth of Adam's usual 0.001, so the model moves a little. */
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    /** Default MNIST images per epoch. */
    public static final int DEFAULT_MNIST_PER_EPOCH = 12_000;
    /** Default share of the drawings in each epoch. */
    public static final double DEFAULT_DRAWING_SHARE = 0.1;

    /** The defaults, with all cores. */
    public static FineTuneSettings defaults() {
        return new FineTuneSettings(DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, 64, DEFAULT_MNIST_PER_EPOCH,
                DEFAULT_DRAWING_SHARE, 1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Checks every field.
     *
     * @return this
     * @throws IllegalArgumentException naming the first bad field and its range
     */
    public FineTuneSettings validate() {
        range("epochs", epochs, 1, 100);
        if (!(learningRate > 0 && learningRate <= 0.1)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be above 0 and at most 0.1");
        }
        range("batch", batchSize, 1, 4096);
        range("MNIST images per epoch", mnistPerEpoch, 1, 60_000);
        if (!(drawingShare > 0 && drawingShare <= 0.9)) {
            throw new IllegalArgumentException("drawing share " + drawingShare + " must be above 0 and at most 0.9");
        }
        range("threads", threads, 1, 1024);
        return this;
    }

    private static void range(String name, int v, int min, int max) {
        if (v < min || v > max) throw new IllegalArgumentException(name + " " + v + " must be between " + min + " and " + max);
    }

    /** A copy with {@code v} epochs. */
    public FineTuneSettings withEpochs(int v) {
        return new FineTuneSettings(v, learningRate, batchSize, mnistPerEpoch, drawingShare, seed, threads);
    }

    /** A copy with learning rate {@code v}. */
    public FineTuneSettings withLearningRate(double v) {
        return new FineTuneSettings(epochs, v, batchSize, mnistPerEpoch, drawingShare, seed, threads);
    }

    /** A copy with seed {@code v}. */
    public FineTuneSettings withSeed(long v) {
        return new FineTuneSettings(epochs, learningRate, batchSize, mnistPerEpoch, drawingShare, v, threads);
    }

    /** A copy wanting {@code v} threads. */
    public FineTuneSettings withThreads(int v) {
        return new FineTuneSettings(epochs, learningRate, batchSize, mnistPerEpoch, drawingShare, seed, v);
    }

    /** A copy with {@code v} MNIST images per epoch. */
    public FineTuneSettings withMnistPerEpoch(int v) {
        return new FineTuneSettings(epochs, learningRate, batchSize, v, drawingShare, seed, threads);
    }

    /** A copy where the drawings make up {@code v} of each epoch. */
    public FineTuneSettings withDrawingShare(double v) {
        return new FineTuneSettings(epochs, learningRate, batchSize, mnistPerEpoch, v, seed, threads);
    }
}

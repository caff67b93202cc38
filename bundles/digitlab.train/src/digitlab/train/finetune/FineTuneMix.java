package digitlab.train.finetune;

import digitlab.data.ImageSet;
import digitlab.data.augment.AugmentConfig;
import digitlab.data.augment.Augmenter;
import digitlab.nn.InputNormalization;
import digitlab.nn.SampleSource;

/**
 * One epoch of fine-tuning as the trainer's samples: positions {@code 0 .. mnist-1} are a slice of the
 * MNIST training images (the slice moves on with every epoch), the rest are the user's drawings, each
 * {@code repeats} times: the first copy as drawn, the others with a seeded variation (shift, rotation,
 * scale, mild elastic distortion; {@link AugmentConfig#DEFAULT}), different in every epoch. The trainer
 * shuffles the positions. Read by one thread at a time.
 */
final class FineTuneMix implements SampleSource {

    private final ImageSet mnist;
    private final ImageSet drawings;
    private final int mnistPerEpoch;
    private final int repeats;
    private final long seed;
    private final Augmenter augmenter;
    private final InputNormalization normalization;
    private volatile int epoch;

    /**
     * @param mnist    the MNIST training images
     * @param drawings the drawings to learn (at least one)
     * @param settings the mix's sizes and seed
     * @param normalization the model's input normalisation, applied to every sample
     */
    FineTuneMix(ImageSet mnist, ImageSet drawings, FineTuneSettings settings, InputNormalization normalization) {
        if (drawings.isEmpty()) throw new IllegalArgumentException("there are no drawings to learn");
        this.mnist = mnist;
        this.drawings = drawings;
        this.mnistPerEpoch = Math.min(settings.mnistPerEpoch(), mnist.size());
        this.repeats = repeats(mnistPerEpoch, drawings.size(), settings.drawingShare());
        this.seed = settings.seed();
        this.augmenter = new Augmenter(AugmentConfig.DEFAULT, drawings.width(), drawings.height());
        this.normalization = normalization;
    }

    /** Copies of each drawing per epoch so that the drawings make up about {@code share} of it (at least one). */
    static int repeats(int mnist, int drawings, double share) {
        return (int) Math.max(1, Math.round(share / (1 - share) * mnist / drawings));
    }

    /** Copies of each drawing per epoch. */
    int repeats() {
        return repeats;
    }

    /** Sets the epoch (0-based): which MNIST slice and which variations of the drawings. */
    void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public int size() {
        return mnistPerEpoch + repeats * drawings.size();
    }

    @Override
    public int inputSize() {
        return mnist.pixelsPerImage();
    }

    @Override
    public int label(int i) {
        return i < mnistPerEpoch ? mnist.label(mnistIndex(i)) : drawings.label((i - mnistPerEpoch) % drawings.size());
    }

    @Override
    public void copyInput(int i, float[] dst, int off) {
        copyPixels(i, dst, off);
        if (!normalization.equals(InputNormalization.IDENTITY)) {
            for (int k = 0; k < inputSize(); k++) dst[off + k] = normalization.apply(dst[off + k]);
        }
    }

    private void copyPixels(int i, float[] dst, int off) {
        if (i < mnistPerEpoch) {
            mnist.copyNormalized(mnistIndex(i), dst, off);
            return;
        }
        int j = i - mnistPerEpoch;
        int d = j % drawings.size();
        int copy = j / drawings.size();
        if (copy == 0) {
            drawings.copyNormalized(d, dst, off);
        } else {
            augmenter.augment(drawings, d, dst, off, Augmenter.seedFor(seed, epoch * repeats + copy, d));
        }
    }

    private int mnistIndex(int i) {
        return (int) (((long) epoch * mnistPerEpoch + i) % mnist.size());
    }
}

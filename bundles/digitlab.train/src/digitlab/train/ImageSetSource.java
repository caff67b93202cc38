package digitlab.train;

import digitlab.data.ImageSet;
import digitlab.nn.SampleSource;
import digitlab.data.augment.AugmentConfig;
import digitlab.data.augment.Augmenter;

/**
 * An {@link ImageSet} as the network's {@link SampleSource}: images stay bytes and become floats in
 * [0, 1] only when a batch is filled ({@link #copyInput}), so no float copy of a dataset ever exists.
 *
 * <p>With augmentation, each training image is shifted, rotated and scaled a little by an amount drawn
 * from (seed, epoch, image): the same run sees the same variations (reproducible, also after a resume),
 * each epoch different ones. Read by one thread at a time (it keeps one scratch buffer).
 */
public final class ImageSetSource implements SampleSource {

    private final ImageSet set;
    private final Augmenter augmenter;
    private final long seed;
    private volatile int epoch;

    /** The images as they are. */
    public ImageSetSource(ImageSet set) {
        this(set, null, 0);
    }

    private ImageSetSource(ImageSet set, Augmenter augmenter, long seed) {
        this.set = set;
        this.augmenter = augmenter;
        this.seed = seed;
    }

    /**
     * The same images with seeded augmentation ({@link AugmentConfig#DEFAULT} of digitlab.data: shifts,
     * rotations, scaling and a mild elastic distortion).
     */
    public static ImageSetSource augmented(ImageSet set, long seed) {
        return new ImageSetSource(set, new Augmenter(AugmentConfig.DEFAULT, set.width(), set.height()), seed);
    }

    /** The images. */
    public ImageSet imageSet() {
        return set;
    }

    /** Sets the epoch (0-based) whose variations {@link #copyInput} produces; no effect without augmentation. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public int inputSize() {
        return set.pixelsPerImage();
    }

    @Override
    public int label(int i) {
        return set.label(i);
    }

    @Override
    public void copyInput(int i, float[] dst, int off) {
        if (augmenter == null) {
            set.copyNormalized(i, dst, off);
        } else {
            augmenter.augment(set, i, dst, off, Augmenter.seedFor(seed, epoch, set.sourceIndex(i)));
        }
    }
}

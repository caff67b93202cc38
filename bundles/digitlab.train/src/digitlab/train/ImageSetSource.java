package digitlab.train;

import digitlab.data.ImageSet;
import digitlab.nn.SampleSource;
import digitlab.train.internal.Augmenter;

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
    private final byte[] scratch;
    private volatile int epoch;

    /** The images as they are. */
    public ImageSetSource(ImageSet set) {
        this(set, null);
    }

    private ImageSetSource(ImageSet set, Augmenter augmenter) {
        this.set = set;
        this.augmenter = augmenter;
        this.scratch = augmenter == null ? null : new byte[set.pixelsPerImage()];
    }

    /** The same images with seeded augmentation (see the class comment). */
    public static ImageSetSource augmented(ImageSet set, long seed) {
        return new ImageSetSource(set, new Augmenter(seed, set.width(), set.height()));
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
            set.copyPixels(i, scratch, 0);
            augmenter.transform(scratch, epoch, set.sourceIndex(i), dst, off);
        }
    }
}

package digitlab.train;

import java.util.stream.IntStream;

import digitlab.data.ImageSet;
import digitlab.data.augment.AugmentConfig;
import digitlab.data.augment.Augmenter;
import digitlab.data.augment.DrawnStyleAugmenter;
import digitlab.nn.SampleSource;

/**
 * An {@link ImageSet} as the network's {@link SampleSource}: images stay bytes and become floats in
 * [0, 1] only when a batch is filled ({@link #copyInput}), so no float copy of a dataset ever exists.
 *
 * <p>With augmentation, each training image is distorted by an amount drawn from (seed, epoch, image): the
 * same run sees the same variations (reproducible, also after a resume, whatever the thread count), each
 * epoch different ones. An epoch's distorted images are made all at once, on all cores, when the epoch's
 * first image is asked for, and kept as bytes (about 43 MB for MNIST's 55,000): distorting is a few hundred
 * microseconds an image, too slow for the training thread alone. Read by one thread at a time.
 */
public final class ImageSetSource implements SampleSource {

    /** Augmentation names, as presets and requests give them. */
    public static final String NONE = "none", STANDARD = "standard", DRAWN = "drawn";

    private final ImageSet set;
    private final String augmentation;
    private final long seed;
    private volatile int epoch;
    private int madeFor = -1;
    private byte[] made;

    /** The images as they are. */
    public ImageSetSource(ImageSet set) {
        this(set, NONE, 0);
    }

    private ImageSetSource(ImageSet set, String augmentation, long seed) {
        this.set = set;
        this.augmentation = augmentation;
        this.seed = seed;
    }

    /**
     * The same images with seeded augmentation ({@link AugmentConfig#DEFAULT} of digitlab.data: shifts,
     * rotations, scaling and a mild elastic distortion).
     */
    public static ImageSetSource augmented(ImageSet set, long seed) {
        return augmented(set, seed, STANDARD);
    }

    /**
     * The same images with the named augmentation: {@code none}, {@code standard} ({@link AugmentConfig#DEFAULT})
     * or {@code drawn} ({@link DrawnStyleAugmenter.Config#DRAWN}: slant, pens, low resolution; 28x28 images only).
     *
     * @throws IllegalArgumentException for another name, or {@code drawn} on images that are not 28x28
     */
    public static ImageSetSource augmented(ImageSet set, long seed, String augmentation) {
        switch (augmentation) {
            case NONE, STANDARD -> { }
            case DRAWN -> {
                if (set.width() != 28 || set.height() != 28) {
                    throw new IllegalArgumentException("augmentation: 'drawn' is for 28x28 images; this dataset's are "
                            + set.width() + "x" + set.height());
                }
            }
            default -> throw new IllegalArgumentException("augmentation: unknown '" + augmentation
                    + "'; known: none, standard, drawn");
        }
        return new ImageSetSource(set, augmentation, seed);
    }

    /** The images. */
    public ImageSet imageSet() {
        return set;
    }

    /** The augmentation's name. */
    public String augmentation() {
        return augmentation;
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
        if (augmentation.equals(NONE)) {
            set.copyNormalized(i, dst, off);
            return;
        }
        int e = epoch;
        if (madeFor != e) make(e);
        int n = set.pixelsPerImage();
        for (int k = 0; k < n; k++) dst[off + k] = (made[i * n + k] & 0xFF) * (1f / 255);
    }

    /** Distorts every image for epoch {@code e}, on all cores, one augmenter per worker chunk. */
    private void make(int e) {
        int n = set.pixelsPerImage();
        if (made == null) made = new byte[set.size() * n];
        int chunks = Math.max(1, Math.min(64, set.size() / 256));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            float[] buf = new float[n];
            DrawnStyleAugmenter drawn = augmentation.equals(DRAWN) ? new DrawnStyleAugmenter(DrawnStyleAugmenter.Config.DRAWN) : null;
            Augmenter standard = drawn == null ? new Augmenter(AugmentConfig.DEFAULT, set.width(), set.height()) : null;
            int from = (int) ((long) set.size() * c / chunks), to = (int) ((long) set.size() * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                long s = Augmenter.seedFor(seed, e, set.sourceIndex(i));
                if (drawn != null) drawn.augment(set, i, buf, 0, s);
                else standard.augment(set, i, buf, 0, s);
                for (int k = 0; k < n; k++) made[i * n + k] = (byte) Math.round(Math.max(0, Math.min(1, buf[k])) * 255);
            }
        });
        madeFor = e;
    }
}

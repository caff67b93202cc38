package @@ID@@;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.ImageDataset;
import digitlab.data.ImageSet;
import digitlab.data.SplitPolicy;
import java.util.List;

/**
 * The dataset {@code @@SHORT@@}: digits drawn as on a seven-segment display, each with its own slant, width,
 * stroke and wobble ({@link @@CLASS@@Digits}), brought into MNIST's form (28x28, the ink box scaled into 20x20 and
 * centred by its centre of mass) the way the lab's canvas brings a drawing. A model trained on handwriting meets
 * a kind of digit it has never seen: {@code ./digitlab eval --dataset @@SHORT@@}.
 * <p>
 * {@value #TRAINING_FILE} training images (the last {@value #VALIDATION} of them the validation part) and
 * {@value #TEST} test images, the same at every load (fixed seeds). The lab calls {@link #id()} and
 * {@link #displayName()} at start-up and {@link #load()} once, off the UI thread, when the dataset is first used.
 * A plugin that reads files instead would open them in {@code load()} and throw
 * {@link digitlab.data.DatasetUnavailableException} when they are missing, or an {@link java.io.IOException}
 * naming the file when one is broken.
 */
public final class @@CLASS@@Provider implements DatasetProvider {

    /** The dataset id, as in plugin.xml and {@code --dataset}. */
    public static final String ID = "@@SHORT@@";
    /** Images in the training file, validation included. */
    public static final int TRAINING_FILE = 2000;
    /** Images at the end of the training file held out for validation. */
    public static final int VALIDATION = 400;
    /** Test images. */
    public static final int TEST = 1000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Seven-segment digits (@@ID@@)";
    }

    @Override
    public Dataset load() {
        ImageSet train = @@CLASS@@Digits.images(TRAINING_FILE, 1);
        ImageSet test = @@CLASS@@Digits.images(TEST, 2);
        return new ImageDataset(ID, displayName(), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train, test,
                SplitPolicy.lastImages(VALIDATION));
    }
}

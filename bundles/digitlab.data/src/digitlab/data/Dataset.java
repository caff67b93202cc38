package digitlab.data;

import java.util.List;

/**
 * A labelled image dataset with a training, a validation and a test part.
 * <p>
 * All parts have the same image size and classes. {@link ImageDataset} is the standard implementation;
 * plugins usually build one of those from their own files rather than implementing this interface.
 */
public interface Dataset {

    /** The id used on command lines and in saved models, for example {@code mnist} or {@code idx:/data/kmnist}. */
    String id();

    /** A name for people, for example "MNIST handwritten digits". */
    String displayName();

    /** The class names, index = label; for MNIST "0".."9". */
    List<String> classNames();

    /** Number of classes, {@code classNames().size()}. */
    default int classCount() {
        return classNames().size();
    }

    /** Image width in pixels (28 for MNIST). */
    int imageWidth();

    /** Image height in pixels (28 for MNIST). */
    int imageHeight();

    /** One part of the dataset; views over shared bytes, cheap to call repeatedly. */
    ImageSet part(Split split);

    /** How the validation part is cut from the training file. */
    SplitPolicy splitPolicy();

    /**
     * The same images with another validation split; shares the bytes, copies nothing.
     *
     * @throws IllegalArgumentException when the policy would leave no training image
     */
    Dataset withSplitPolicy(SplitPolicy policy);
}

package digitlab.data;

import java.util.List;
import java.util.Objects;

/**
 * The standard {@link Dataset}: a training file and a test file of images, with the validation part cut
 * from the end of the training file by a {@link SplitPolicy}.
 */
public final class ImageDataset implements Dataset {

    private final String id;
    private final String displayName;
    private final List<String> classNames;
    private final ImageSet trainingFile;
    private final ImageSet test;
    private final SplitPolicy policy;
    private final ImageSet train;
    private final ImageSet validation;

    /**
     * @param id           the dataset id (non-blank)
     * @param displayName  a name for people
     * @param classNames   one name per class; its size must equal both sets' class count
     * @param trainingFile all training images, validation included
     * @param test         the test images
     * @param policy       how many images at the end of {@code trainingFile} become the validation part
     * @throws IllegalArgumentException naming what does not fit (image sizes, class counts, split)
     */
    public ImageDataset(String id, String displayName, List<String> classNames, ImageSet trainingFile,
            ImageSet test, SplitPolicy policy) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.classNames = List.copyOf(classNames);
        this.trainingFile = Objects.requireNonNull(trainingFile, "trainingFile");
        this.test = Objects.requireNonNull(test, "test");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (id.isBlank()) {
            throw new IllegalArgumentException("dataset id must not be blank");
        }
        if (trainingFile.width() != test.width() || trainingFile.height() != test.height()) {
            throw new IllegalArgumentException(id + ": training images are " + trainingFile.width() + "x"
                    + trainingFile.height() + " but test images are " + test.width() + "x" + test.height());
        }
        if (trainingFile.classCount() != this.classNames.size() || test.classCount() != this.classNames.size()) {
            throw new IllegalArgumentException(id + ": " + this.classNames.size() + " class names but the sets have "
                    + trainingFile.classCount() + " (train) and " + test.classCount() + " (test) classes");
        }
        int n = trainingFile.size();
        int v = policy.validationSize(n);
        this.train = trainingFile.range(0, n - v);
        this.validation = trainingFile.range(n - v, n);
    }

    /** Like the full constructor with {@link SplitPolicy#standard()}. */
    public ImageDataset(String id, String displayName, List<String> classNames, ImageSet trainingFile,
            ImageSet test) {
        this(id, displayName, classNames, trainingFile, test, SplitPolicy.standard());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int imageWidth() {
        return trainingFile.width();
    }

    @Override
    public int imageHeight() {
        return trainingFile.height();
    }

    @Override
    public ImageSet part(Split split) {
        return switch (Objects.requireNonNull(split, "split")) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }

    /** All training images, validation included, in file order. */
    public ImageSet trainingFile() {
        return trainingFile;
    }

    @Override
    public SplitPolicy splitPolicy() {
        return policy;
    }

    @Override
    public ImageDataset withSplitPolicy(SplitPolicy newPolicy) {
        return newPolicy.equals(policy) ? this
                : new ImageDataset(id, displayName, classNames, trainingFile, test, newPolicy);
    }

    @Override
    public String toString() {
        return id + " (" + train.size() + " train, " + validation.size() + " validation, " + test.size()
                + " test, " + imageWidth() + "x" + imageHeight() + ", " + classNames.size() + " classes)";
    }
}

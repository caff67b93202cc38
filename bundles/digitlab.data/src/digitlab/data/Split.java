package digitlab.data;

/**
 * The three parts of a dataset.
 * <ul>
 * <li>{@link #TRAIN}: the images a model learns from (the training file minus the validation tail).</li>
 * <li>{@link #VALIDATION}: held-out images from the end of the training file, used to choose models and
 * hyper-parameters honestly, without looking at the test set (see {@link SplitPolicy}).</li>
 * <li>{@link #TEST}: the dataset's own test file, for the final figure only.</li>
 * </ul>
 */
public enum Split {
    /** The training images that remain after the validation tail is taken off. */
    TRAIN("train"),
    /** The validation images: the tail of the training file, never overlapping {@link #TRAIN}. */
    VALIDATION("validation"),
    /** The dataset's test images. */
    TEST("test");

    private final String label;

    Split(String label) {
        this.label = label;
    }

    /** A lower-case name for messages and command lines: "train", "validation", "test". */
    public String label() {
        return label;
    }

    /**
     * Parses a split name as typed by a user ("train", "validation"/"val", "test"), ignoring case.
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static Split parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "train", "training" -> TRAIN;
            case "validation", "val", "valid" -> VALIDATION;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException(
                    "unknown split '" + text + "'; use train, validation or test");
        };
    }
}

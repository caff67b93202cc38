package digitlab.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The settings of a training run ({@link TrainingRequest}'s fields), each in one place: its name (the
 * request field, the key in a run's run.json and in the form's preferences, the {@link FieldProblem#field()}
 * of its problems), the {@code digitlab train} flag that sets it, the training form's label, its range
 * where it is a number, and the value a run file that lacks it means (older run files have fewer settings).
 * The form (digitlab.ui), the command line ({@code TrainCommand}) and the run file ({@code Run.RequestJson})
 * read these; the defaults of a new run come from the chosen preset ({@link TrainingRequest#forPreset}).
 *
 * <p>Declared in form order.
 */
public enum TrainingSetting {

    /** A name for the run; blank for a generated one. */
    NAME("name", "--name", "Run name", null, null, ""),
    /** The dataset id. */
    DATASET("dataset", "--dataset", "Dataset", null, null, ""),
    /** The architecture preset. */
    PRESET("preset", "--arch", "Architecture", null, null, ""),
    /** Widths of the hidden dense layers. */
    HIDDEN_LAYERS("hiddenLayers", "--layers", "Hidden layers", null, null, List.of()),
    /** The hidden activation; blank for the preset's. */
    ACTIVATION("activation", "--activation", "Activation", null, null, ""),
    /** The loss. */
    LOSS("loss", "--loss", "Loss", null, null, ""),
    /** The optimizer. */
    OPTIMIZER("optimizer", "--optimizer", "Optimizer", null, null, ""),
    /** The base learning rate, above 0 and at most 1000. */
    LEARNING_RATE("learningRate", "--lr", "Learning rate", 0.0, 1000.0, Double.NaN),
    /** Samples per mini-batch. */
    BATCH_SIZE("batchSize", "--batch", "Batch size", 1.0, 65_536.0, 0),
    /** Passes over the training set. */
    EPOCHS("epochs", "--epochs", "Epochs", 1.0, 100_000.0, 0),
    /** The seed (in run.json as text: a long does not survive a JSON number). */
    SEED("seed", "--seed", "Seed", null, null, 0L),
    /** Kernel threads wanted. */
    THREADS("threads", "--threads", "Threads", 1.0, 1024.0, 1),
    /** Seeded distortions of the training images. */
    AUGMENT("augment", "--augment", "Augmentation", null, null, false),
    /** Images held out for validation: -1 the dataset's default, 0 none. */
    VALIDATION_IMAGES("validationImages", "--validation", "Validation images", -1.0, null, -1),
    /** Train on the first this-many images only (0 = all). */
    TRAINING_LIMIT("trainingLimit", "--limit", "Training images", 0.0, null, 0),
    /** The learning-rate schedule. */
    SCHEDULE("schedule", "--schedule", "LR schedule", null, null, "constant"),
    /** L2 weight decay, at least 0 and below 1000. */
    WEIGHT_DECAY("weightDecay", "--weight-decay", "Weight decay", 0.0, 1000.0, 0.0);

    private final String key;
    private final String flag;
    private final String label;
    private final Double min;
    private final Double max;
    private final Object fileDefault;

    TrainingSetting(String key, String flag, String label, Double min, Double max, Object fileDefault) {
        this.key = key;
        this.flag = flag;
        this.label = label;
        this.min = min;
        this.max = max;
        this.fileDefault = fileDefault;
    }

    /** The name: the request field, the run.json and preference key, the field of its problems. */
    public String key() {
        return key;
    }

    /** The {@code digitlab train} option that sets it, e.g. {@code --lr}. */
    public String flag() {
        return flag;
    }

    /** The training form's label, e.g. "Learning rate". */
    public String label() {
        return label;
    }

    /** The smallest value allowed (exclusive for {@link #LEARNING_RATE}), or null when it is not a number. */
    public Double min() {
        return min;
    }

    /** The largest value allowed (exclusive for {@link #WEIGHT_DECAY}), or null when there is none. */
    public Double max() {
        return max;
    }

    /** What a run file that lacks this setting means (run files of older versions). */
    public Object fileDefault() {
        return fileDefault;
    }

    /** The setting named {@code key}, or null. */
    public static TrainingSetting ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElse(null);
    }

    /** The keys, in form order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(TrainingSetting::key).toList();
    }

    /**
     * The problem with {@code value} for a whole-number setting with both bounds ("0 must be between 1 and
     * 65,536"), or null when it is in range.
     */
    public String rangeProblem(long value) {
        if (value >= min && value <= max) return null;
        return TrainingRequest.number(value) + " must be between " + TrainingRequest.number(min) + " and "
                + TrainingRequest.number(max);
    }

    @Override
    public String toString() {
        return key + " (" + flag + ", " + label.toLowerCase(Locale.ROOT) + ")";
    }
}

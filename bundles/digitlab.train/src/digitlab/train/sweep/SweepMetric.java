package digitlab.train.sweep;

import java.util.Arrays;
import java.util.Locale;

/** What a sweep optimises: the figure by which its points are compared and its best point chosen. */
public enum SweepMetric {

    /** The validation accuracy after the run's last epoch (higher is better). The default. */
    VALIDATION_ACCURACY("validation_accuracy", "Validation accuracy", true),
    /** The validation loss after the run's last epoch (lower is better). */
    VALIDATION_LOSS("validation_loss", "Validation loss", false),
    /**
     * The test accuracy of the final model (higher is better). Known only for completed runs; early stopping then
     * compares validation accuracy (the test images are seen once, at the end).
     */
    TEST_ACCURACY("test_accuracy", "Test accuracy", true);

    private final String id;
    private final String label;
    private final boolean higherIsBetter;

    SweepMetric(String id, String label, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name in sweep.json, the command line ({@code --metric}) and JSON output, e.g. {@code validation_accuracy}. */
    public String id() {
        return id;
    }

    /** The name for people, e.g. "Validation accuracy". */
    public String label() {
        return label;
    }

    /** Whether a higher value is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric early stopping compares after each epoch: this one, or validation accuracy for the test accuracy. */
    public SweepMetric perEpoch() {
        return this == TEST_ACCURACY ? VALIDATION_ACCURACY : this;
    }

    /** Whether {@code a} is better than {@code b}; a NaN is worse than any number. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return higherIsBetter ? a > b : a < b;
    }

    /**
     * The metric named {@code id} ({@code validation_accuracy}, {@code validation_loss}, {@code test_accuracy}).
     *
     * @throws IllegalArgumentException listing the known ones
     */
    public static SweepMetric of(String id) {
        String t = id == null ? "" : id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.id.equals(t)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown metric '" + id + "'; known: validation_accuracy, validation_loss, test_accuracy"));
    }

    /** A value of this metric in words: "97.12 %" for accuracies, "0.0931" for losses, "-" for NaN. */
    public String format(double v) {
        if (Double.isNaN(v)) return "-";
        return this == VALIDATION_LOSS ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }
}

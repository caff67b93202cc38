package digitlab.ui;

import java.util.List;

/**
 * The ids of the lab's views, as contributed by this bundle's plugin.xml (perspectives, menus and
 * plugins refer to views by these ids).
 */
public final class DigitLabViews {

    /** Digit Canvas: draw a digit and see the network's guess. */
    public static final String CANVAS = "digitlab.ui.views.canvas";
    /** Network Activity: hidden-layer activations for the drawn digit. */
    public static final String ACTIVITY = "digitlab.ui.views.activity";
    /** Training: the run form and live charts. */
    public static final String TRAINING = "digitlab.ui.views.training";
    /** Runs: the experiment runs. */
    public static final String RUNS = "digitlab.ui.views.runs";
    /** Weights: heatmaps of the weights. */
    public static final String WEIGHTS = "digitlab.ui.views.weights";
    /** Confusion Matrix with the gallery of test images. */
    public static final String CONFUSION = "digitlab.ui.views.confusion";
    /** Dataset browser. */
    public static final String DATASET = "digitlab.ui.views.dataset";
    /** Projector: the test images in one layer's space, mapped to 2-D (PCA, t-SNE), with the drawing among them. */
    public static final String PROJECTOR = "digitlab.ui.views.projector";

    /** Sweep: the runs of a sweep of settings, sortable, the metric against a setting, the best run. */
    public static final String SWEEP = "digitlab.ui.views.sweep";

    /** All of them, in the order of the perspective. */
    public static final List<String> ALL = List.of(CANVAS, ACTIVITY, TRAINING, RUNS, SWEEP, WEIGHTS, CONFUSION, DATASET,
            PROJECTOR);

    private DigitLabViews() {
    }
}

package digitlab.ui.internal.confusion;

import digitlab.nn.Evaluation;

/**
 * The captions under the confusion gallery's images, one fact per line so that neighbours do not run
 * together: the test image's number, then the model's probability for the predicted class, and for a
 * mistake also for the true class, each with its class ("9: 85 %", "4: 14 %").
 */
final class GalleryCaptions {

    private GalleryCaptions() {
    }

    /** The caption of test image {@code position} in the cell (true {@code row}, predicted {@code col}). */
    static String of(int position, Evaluation e, String predicted, int col, String truth, int row) {
        String s = "#" + position + "\n" + line(predicted, e.probability(position, col));
        return row == col ? s : s + "\n" + line(truth, e.probability(position, row));
    }

    /** What the caption lines mean, for the gallery's title and tooltip. */
    static String legend(String predicted, String truth, boolean right) {
        return right ? "test image number, probability of " + predicted
                : "test image number, probability of " + predicted + " (guessed), of " + truth + " (true)";
    }

    private static String line(String label, double p) {
        return String.format("%s: %.0f %%", label, 100 * p);
    }
}

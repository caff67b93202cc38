package digitlab.train.finetune;

import digitlab.nn.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fine-tune did: accuracies before and after on the MNIST test images, on the held-out drawings
 * and on the drawings trained on, and the fine-tuned model (null unless completed). Accuracies are
 * fractions in [0, 1]; NaN where there was nothing to measure (no held-out drawing yet, or cancelled).
 *
 * @param completed        false when cancelled (nothing else changed)
 * @param model            the fine-tuned model, or null when cancelled
 * @param mnistBefore      MNIST test accuracy of the model before
 * @param mnistAfter       ... after
 * @param heldOutBefore    accuracy on the held-out part of My drawings before
 * @param heldOutAfter     ... after
 * @param trainedBefore    accuracy on the drawings trained on, before
 * @param trainedAfter     ... after
 * @param heldOutDrawings  the number of held-out drawings
 * @param trainedDrawings  the number of drawings trained on
 * @param repeats          copies of each drawing per epoch
 * @param epochs           epochs completed
 * @param seconds          time taken, evaluations included
 */
public record FineTuneResult(boolean completed, Model model, double mnistBefore, double mnistAfter, double heldOutBefore,
                             double heldOutAfter, double trainedBefore, double trainedAfter, int heldOutDrawings,
                             int trainedDrawings, int repeats, int epochs, double seconds) {

    /** One line for people, e.g. "MNIST test 98.78 % -> 98.71 %; held-out drawings 60.0 % -> 90.0 % (10)". */
    public String summary() {
        String s = String.format(java.util.Locale.ROOT, "MNIST test %.2f %% -> %s; held-out drawings %s -> %s (%d)",
                100 * mnistBefore, pct(mnistAfter, 2), pct(heldOutBefore, 1), pct(heldOutAfter, 1), heldOutDrawings);
        return completed ? s : "cancelled; nothing changed";
    }

    private static String pct(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%." + decimals + "f %%", 100 * v);
    }

    /** The figures for a JSON line (NaN becomes null). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", completed ? "completed" : "cancelled");
        m.put("mnist_test_before", num(mnistBefore));
        m.put("mnist_test_after", num(mnistAfter));
        m.put("heldout_before", num(heldOutBefore));
        m.put("heldout_after", num(heldOutAfter));
        m.put("trained_before", num(trainedBefore));
        m.put("trained_after", num(trainedAfter));
        m.put("heldout_drawings", heldOutDrawings);
        m.put("trained_drawings", trainedDrawings);
        m.put("repeats", repeats);
        m.put("epochs", epochs);
        m.put("seconds", seconds);
        return m;
    }

    private static Object num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}

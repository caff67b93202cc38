package digitlab.ui.internal.canvas;

/**
 * The sentence the canvas says about its guess, in the spirit of the original project: the more
 * confident the network, the firmer the words.
 * <ul>
 * <li>above 80 %: "Looks like 7 to me!"</li>
 * <li>above 70 %: "Looks mostly like 7"</li>
 * <li>above 60 %: "Looks kind of like 7"</li>
 * <li>otherwise: "I'm not really sure, but I guess 7?"</li>
 * </ul>
 */
public final class Verdict {

    /** What the canvas says when there is nothing to guess from. */
    public static final String EMPTY = "Nothing drawn yet \u2014 draw a digit";

    /** What the canvas says about a drawing not guessed yet ("Guess while drawing" off). */
    public static final String READY = "Press SUBMIT (Enter) to guess";

    private Verdict() {
    }

    /**
     * The verdict for class {@code label} guessed with {@code confidence} in [0, 1].
     */
    public static String of(String label, double confidence) {
        if (confidence > 0.8) return "Looks like " + label + " to me!";
        if (confidence > 0.7) return "Looks mostly like " + label;
        if (confidence > 0.6) return "Looks kind of like " + label;
        return "I'm not really sure, but I guess " + label + "?";
    }
}

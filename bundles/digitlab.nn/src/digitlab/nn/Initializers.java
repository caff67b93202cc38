package digitlab.nn;

import java.util.Locale;

/**
 * Seeded weight initialisers. Both keep the variance of activations roughly constant from layer
 * to layer, which is what lets deep networks start learning.
 */
public final class Initializers {

    private Initializers() {
    }

    /**
     * Xavier/Glorot uniform: {@code U(-a, a)} with {@code a = sqrt(6 / (fanIn + fanOut))}; suits
     * sigmoid and tanh.
     */
    public static void xavier(float[] w, int off, int n, int fanIn, int fanOut, Rng rng) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < n; i++) w[off + i] = (float) ((2 * rng.nextDouble() - 1) * a);
    }

    /** He (Kaiming) normal: {@code N(0, 2 / fanIn)}; suits ReLU and its relatives. */
    public static void he(float[] w, int off, int n, int fanIn, Rng rng) {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < n; i++) w[off + i] = (float) (rng.nextGaussian() * std);
    }

    /**
     * Initialises by name: {@code xavier} (alias {@code glorot}) or {@code he} (alias {@code kaiming}).
     *
     * @throws IllegalArgumentException for another name
     */
    public static void byName(String name, float[] w, int off, int n, int fanIn, int fanOut, Rng rng) {
        switch (checkName(name)) {
            case "xavier" -> xavier(w, off, n, fanIn, fanOut, rng);
            default -> he(w, off, n, fanIn, rng);
        }
    }

    /** The canonical name ({@code xavier} or {@code he}) for a name or alias; fails for others. */
    public static String checkName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "xavier", "glorot" -> "xavier";
            case "he", "kaiming" -> "he";
            default -> throw new IllegalArgumentException("unknown initialiser '" + name + "'; known: xavier, he");
        };
    }
}

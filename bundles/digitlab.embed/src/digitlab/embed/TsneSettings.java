package digitlab.embed;

/**
 * The choices of a t-SNE run. The optimiser's other constants follow van der Maaten's reference (bhtsne):
 * early exaggeration 12 for the first 250 iterations (a quarter of the run when it is shorter than 1,000),
 * momentum 0.5 then 0.8 from the same iteration, gains +0.2 / x0.8 with a floor of 0.01. The learning rate is
 * {@code max(n / 12 / 4, 50)} for this class's gradient (which keeps the factor 4 that bhtsne leaves out):
 * bhtsne's 200 for up to 2,400 points, larger for more, as Belkina et al. (2019) recommend.
 *
 * @param perplexity the effective number of neighbours each point attends to (5 to 50 usual; 30 default)
 * @param iterations gradient steps (1,000 default)
 * @param theta      Barnes-Hut accuracy: 0 is exact, 0.5 the usual trade (default)
 * @param seed       seeds the initial map; the same seed and data give the same map
 */
public record TsneSettings(double perplexity, int iterations, double theta, long seed) {

    /** Perplexity 30, 1,000 iterations, theta 0.5, seed 1. */
    public static final TsneSettings DEFAULT = new TsneSettings(30, 1000, 0.5, 1);

    /** Early exaggeration factor. */
    public static final double EXAGGERATION = 12;

    /** Most iterations run with exaggeration and the lower momentum. */
    static final int EARLY_ITERATIONS = 250;

    /** These settings with another perplexity. */
    public TsneSettings withPerplexity(double p) {
        return new TsneSettings(p, iterations, theta, seed);
    }

    /** These settings with another number of iterations. */
    public TsneSettings withIterations(int i) {
        return new TsneSettings(perplexity, i, theta, seed);
    }

    /** These settings with another theta. */
    public TsneSettings withTheta(double t) {
        return new TsneSettings(perplexity, iterations, t, seed);
    }

    /** These settings with another seed. */
    public TsneSettings withSeed(long s) {
        return new TsneSettings(perplexity, iterations, theta, s);
    }

    /** The iterations with early exaggeration. */
    public int earlyIterations() {
        return Math.min(EARLY_ITERATIONS, iterations / 4);
    }

    /** The learning rate for {@code n} points (see the class comment). */
    public static double learningRate(int n) {
        return Math.max(n / EXAGGERATION / 4, 50);
    }

    /** The neighbours each point's affinities use: {@code 3 * perplexity}, at most {@code n - 1}. */
    public int neighbours(int n) {
        return Math.min(n - 1, (int) (3 * perplexity));
    }

    /**
     * Checks the settings for {@code n} points.
     *
     * @throws IllegalArgumentException naming the setting and the allowed range
     */
    public void validate(int n) {
        if (n < 5) throw new IllegalArgumentException("t-SNE needs at least 5 points, not " + n);
        double most = Math.floor((n - 1) / 3.0);
        if (!(perplexity >= 2) || perplexity > most) {
            throw new IllegalArgumentException("perplexity " + format(perplexity) + " is outside 2 to " + format(most)
                    + " (at most a third of the points less one)");
        }
        if (iterations < 10 || iterations > 100_000) {
            throw new IllegalArgumentException("iterations " + iterations + " is outside 10 to 100000");
        }
        if (!(theta >= 0) || theta > 1.5) throw new IllegalArgumentException("theta " + theta + " is outside 0 to 1.5");
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

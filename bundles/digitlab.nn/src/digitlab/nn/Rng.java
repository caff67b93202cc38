package digitlab.nn;

/**
 * A small, fast, seeded random number generator (SplitMix64) whose whole state is one
 * {@code long}, so training checkpoints can save and restore it exactly, and whose sequence is the
 * same on every JDK.
 *
 * <p>Not thread-safe: each user owns its instance.
 */
public final class Rng {

    private long state;

    /** A generator starting from {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The full state; {@link #setState} with it continues the same sequence. */
    public long state() {
        return state;
    }

    /** Restores a state from {@link #state()}. */
    public void setState(long state) {
        this.state = state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** A uniformly distributed int in {@code [0, bound)}, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        // Lemire's multiply-shift with rejection of the biased low range.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniform float in {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal value (Box-Muller; the second value is discarded to keep the state one long). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1], safe for log
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Shuffles {@code a[0..n)} in place (Fisher-Yates). */
    public void shuffle(int[] a, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A well-mixed seed derived from several values, for independent streams (e.g. seed, step, layer). */
    public static long derive(long... parts) {
        long h = 0x6A09E667F3BCC909L;
        for (long p : parts) h = mix(h ^ mix(p + 0x9E3779B97F4A7C15L));
        return h;
    }

    /**
     * The {@code index}-th (0-based) value of {@code new Rng(seed).nextFloat()}, computed directly:
     * SplitMix64 is counter-based, so any position of the stream costs one mixing step. Lets loops
     * draw random numbers without state, allocation or dependence on how work is split.
     */
    public static float uniform(long seed, long index) {
        return (mix(seed + (index + 1) * 0x9E3779B97F4A7C15L) >>> 40) * 0x1.0p-24f;
    }

    /** {@link #derive(long...)} of two values, without allocating the array (for inner loops). */
    public static long derive(long a, long b) {
        long h = mix(0x6A09E667F3BCC909L ^ mix(a + 0x9E3779B97F4A7C15L));
        return mix(h ^ mix(b + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

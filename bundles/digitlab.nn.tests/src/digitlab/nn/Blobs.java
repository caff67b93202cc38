package digitlab.nn;

/**
 * A synthetic, seeded classification problem for tests: {@code classes} Gaussian clouds in
 * {@code features} dimensions, well enough apart that a small network learns them.
 */
final class Blobs implements SampleSource {

    private final float[] inputs;
    private final int[] labels;
    private final int features;

    Blobs(int size, int features, int classes, long seed) {
        this.features = features;
        // The same clouds for every seed (so a test set matches its training set); the seed picks the samples.
        Rng centreRng = new Rng(99);
        float[] centres = new float[classes * features];
        for (int i = 0; i < centres.length; i++) centres[i] = (float) (2 * centreRng.nextGaussian());
        Rng rng = new Rng(seed);
        inputs = new float[size * features];
        labels = new int[size];
        for (int s = 0; s < size; s++) {
            labels[s] = rng.nextInt(classes);
            for (int f = 0; f < features; f++) {
                inputs[s * features + f] = centres[labels[s] * features + f] + (float) (0.7 * rng.nextGaussian());
            }
        }
    }

    @Override public int size() { return labels.length; }
    @Override public int inputSize() { return features; }
    @Override public int label(int i) { return labels[i]; }

    @Override
    public void copyInput(int i, float[] dst, int off) {
        System.arraycopy(inputs, i * features, dst, off, features);
    }

    /** Sample {@code i}'s input as a new array. */
    float[] input(int i) {
        return java.util.Arrays.copyOfRange(inputs, i * features, (i + 1) * features);
    }
}

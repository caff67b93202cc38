package digitlab.embed;

/**
 * The outputs of one layer for a set of images, with each image's label and the network's guess.
 * Row {@code i} describes image {@code index(i)} of the source it was computed from.
 *
 * @param count     the number of images
 * @param dimension the layer's output size
 * @param values    {@code [count x dimension]}, row-major
 * @param indices   each row's image index in its source
 * @param labels    each row's true class
 * @param guesses   each row's predicted class (the largest output)
 */
public record ActivationSet(int count, int dimension, float[] values, int[] indices, int[] labels, int[] guesses) {

    /** Checks that the arrays have the declared sizes. */
    public ActivationSet {
        if (count < 1 || dimension < 1) throw new IllegalArgumentException("an activation set needs images and values");
        if (values.length != (long) count * dimension || indices.length != count || labels.length != count
                || guesses.length != count) {
            throw new IllegalArgumentException("activation set: arrays do not match " + count + " x " + dimension);
        }
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        return java.util.Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
    }

    /** The first {@code n} rows. */
    public ActivationSet first(int n) {
        if (n < 1 || n > count) throw new IllegalArgumentException("first " + n + " of " + count + " rows");
        return new ActivationSet(n, dimension, java.util.Arrays.copyOf(values, n * dimension),
                java.util.Arrays.copyOf(indices, n), java.util.Arrays.copyOf(labels, n), java.util.Arrays.copyOf(guesses, n));
    }
}

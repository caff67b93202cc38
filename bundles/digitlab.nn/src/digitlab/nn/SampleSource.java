package digitlab.nn;

/**
 * Labelled samples as the network sees them. The network core knows no datasets: the training
 * bundle adapts its datasets (images as bytes, normalised on the fly) to this interface.
 * Implementations must be safe for reading from one thread at a time and return the same values
 * for the same index every time.
 */
public interface SampleSource {

    /** The number of samples. */
    int size();

    /** The number of values of one sample (e.g. 784 for a 28x28 image). */
    int inputSize();

    /** The class of sample {@code i}, in {@code [0, classes)}. */
    int label(int i);

    /** Writes sample {@code i}'s {@link #inputSize()} values into {@code dst} starting at {@code off}. */
    void copyInput(int i, float[] dst, int off);
}

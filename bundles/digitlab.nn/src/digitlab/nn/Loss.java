package digitlab.nn;

/**
 * A loss function of one sample's network output and its class label. The training loss of a
 * batch is the mean over its samples. Implementations are stateless and thread-safe.
 */
public interface Loss {

    /** The id, e.g. {@code "quadratic"} or {@code "xent"}. */
    String id();

    /**
     * The loss of one sample: {@code output[off .. off+n)} is the network's output, {@code label}
     * the true class (the target is the one-hot vector of it).
     */
    double value(float[] output, int off, int n, int label);

    /** Writes {@code scale * dL/d output} into {@code grad[gOff .. gOff+n)}. */
    void gradient(float[] output, int off, int n, int label, float scale, float[] grad, int gOff);

    /**
     * True when this loss after a softmax output has the combined gradient
     * {@code dL/dz = p - onehot(label)} at the softmax input. The network then skips the softmax
     * Jacobian: faster, and exact even when a probability underflows to 0.
     */
    default boolean fusesWithSoftmax() {
        return false;
    }
}

package digitlab.nn;

import digitlab.nn.kernel.Kernels;

/**
 * What a layer needs to know about the current forward or backward pass, besides its arrays:
 * the batch size, whether this is training (dropout active) or inference, the kernels for matrix
 * products, and a seed for this layer's randomness in this step.
 *
 * <p>A pass object belongs to one {@link BatchBuffers} and is reused for every batch (no allocation).
 */
public final class Pass {

    private final Kernels kernels;
    private int batch;
    private boolean training;
    private long seed;

    /** A pass that runs its matrix products on {@code kernels}. */
    public Pass(Kernels kernels) {
        this.kernels = kernels;
    }

    /** The kernels for matrix products. */
    public Kernels kernels() {
        return kernels;
    }

    /** The number of samples in this batch. */
    public int batch() {
        return batch;
    }

    /** True while training (dropout drops), false for inference (dropout is the identity). */
    public boolean training() {
        return training;
    }

    /**
     * A seed for this layer in this training step; it differs per step and per layer and is a pure
     * function of the training seed, the step number and the layer index, so runs and resumed runs
     * draw the same random numbers.
     */
    public long seed() {
        return seed;
    }

    /** Sets the batch size and mode; called by the network before each pass. */
    public void set(int batch, boolean training) {
        this.batch = batch;
        this.training = training;
    }

    /** Sets the per-layer seed; called by the network before each layer. */
    public void setSeed(long seed) {
        this.seed = seed;
    }
}

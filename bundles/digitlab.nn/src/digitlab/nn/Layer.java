package digitlab.nn;

import java.util.List;

/**
 * One layer of a network: a differentiable function from a batch of inputs to a batch of outputs,
 * with its trainable parameters stored in a slice of the network's single flat parameter array.
 *
 * <p>Data layout: a batch of {@code B} samples is a row-major {@code [B x inputShape().size()]}
 * array; sample {@code b} starts at {@code b * inputShape().size()}. Parameters of this layer live at
 * {@code params[offset .. offset + parameterCount())}; its gradients at the same offsets of the
 * gradient array.
 *
 * <p>Contract for implementers (built-in layers and plugins such as convolution):
 * <ul>
 * <li>A layer object is immutable and stateless; it is shared by training and by any number of
 * threads predicting from snapshots. Per-batch working memory comes from the {@code scratch} array
 * (sized by {@link #scratchSize}), which the caller owns.</li>
 * <li>{@link #forward} overwrites {@code output}; {@link #backward} overwrites {@code inputGrad}
 * (when it is not null) and <em>adds</em> to the parameter gradients (callers zero them per batch).</li>
 * <li>Results must not depend on the thread count: split work over samples or output elements,
 * never over a sum. Matrix products go through {@link Pass#kernels()}.</li>
 * <li>No allocation in forward/backward: they run once per batch in the training loop.</li>
 * </ul>
 */
public interface Layer {

    /** The type id this layer was created from (a {@link LayerRegistry} key), e.g. {@code "dense"}. */
    String type();

    /** The spec this layer was created from (for saving the architecture). */
    LayerSpec spec();

    /** The shape of one input sample. */
    Shape inputShape();

    /** The shape of one output sample. */
    Shape outputShape();

    /** The number of trainable parameters (0 for parameter-free layers). */
    default int parameterCount() {
        return 0;
    }

    /** The named parameter tensors inside this layer's slice (for introspection and weight decay). */
    default List<ParameterBlock> parameterBlocks() {
        return List.of();
    }

    /**
     * Writes initial values into {@code params[offset .. offset + parameterCount())}.
     *
     * @param rng a seeded generator owned by the caller; use only this for randomness
     */
    default void initialize(float[] params, int offset, Rng rng) {
    }

    /** Floats of scratch memory this layer needs for a batch of {@code batch} samples (default 0). */
    default int scratchSize(int batch) {
        return 0;
    }

    /**
     * Forward pass: {@code output[B x out] = f(input[B x in]; params)} with {@code B = pass.batch()}.
     *
     * @param params  the network's flat parameter array; this layer's slice starts at {@code offset}
     * @param scratch this layer's scratch memory (at least {@link #scratchSize} floats; may be empty)
     */
    void forward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] scratch);

    /**
     * Backward pass, run after {@link #forward} of the same batch with the same arrays:
     * given {@code outputGrad = dL/d output [B x out]}, writes {@code inputGrad = dL/d input [B x in]}
     * (skipped when {@code inputGrad} is null, i.e. for the first layer) and adds
     * {@code dL/d params} into {@code grads[offset ..]}.
     */
    void backward(Pass pass, float[] params, int offset, float[] input, float[] output,
                  float[] outputGrad, float[] inputGrad, float[] grads, float[] scratch);
}

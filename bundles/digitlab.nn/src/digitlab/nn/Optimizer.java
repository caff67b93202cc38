package digitlab.nn;

/**
 * Updates parameters from gradients. Parameters and gradients are the network's flat arrays in
 * the same layout, so a step is one loop over them. An optimizer owns its state (moment arrays of
 * the parameter count and a step counter) and can hand it out and take it back for checkpoints.
 *
 * <p>Create optimizers through the {@link OptimizerRegistry}; plugins register their own.
 */
public interface Optimizer {

    /** The registry name, e.g. {@code "adam"}. */
    String name();

    /**
     * One update of all parameters.
     *
     * @param params     the flat parameters, updated in place
     * @param grads      dL/d params of the current batch (mean over the batch)
     * @param decayMask  per parameter 1 where weight decay applies, 0 where not (see {@link Network#decayMask()})
     * @param lr         this step's learning rate (the schedule already applied)
     */
    void step(float[] params, float[] grads, float[] decayMask, float lr);

    /** The number of steps taken so far. */
    long steps();

    /** Copies of the state arrays (e.g. Adam's first and second moments), in a fixed order. */
    float[][] state();

    /**
     * Restores state from {@link #state()} and {@link #steps()} of an optimizer of the same kind and size.
     *
     * @throws IllegalArgumentException when the number or lengths of the arrays do not match
     */
    void restore(float[][] state, long steps);
}

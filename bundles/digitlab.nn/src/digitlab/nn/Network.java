package digitlab.nn;

import digitlab.nn.kernel.Kernels;
import java.util.List;

/**
 * The structure of a network: its layers and where each layer's parameters live in the single
 * flat parameter array. Immutable and thread-safe; it holds no parameter values (those belong to
 * the trainer and to snapshots) and no buffers (those belong to {@link BatchBuffers}s).
 */
public final class Network {

    private final Architecture architecture;
    private final List<Layer> layers;
    private final int[] offsets;
    private final int parameterCount;

    /** Builds the network of {@code architecture} with the standard layer registry. */
    public Network(Architecture architecture) {
        this(architecture, LayerRegistry.standard());
    }

    /**
     * Builds the network of {@code architecture} with {@code registry}.
     *
     * @throws IllegalArgumentException when the architecture is invalid (see {@link Architecture#build})
     */
    public Network(Architecture architecture, LayerRegistry registry) {
        this.architecture = architecture;
        this.layers = List.copyOf(architecture.build(registry));
        this.offsets = new int[layers.size() + 1];
        for (int i = 0; i < layers.size(); i++) offsets[i + 1] = offsets[i] + layers.get(i).parameterCount();
        this.parameterCount = offsets[layers.size()];
    }

    /** The description this network was built from. */
    public Architecture architecture() {
        return architecture;
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Where layer {@code i}'s parameters start in the flat array. */
    public int parameterOffset(int i) {
        return offsets[i];
    }

    /** The total number of parameters (the length of the flat parameter and gradient arrays). */
    public int parameterCount() {
        return parameterCount;
    }

    /** The number of values of one input sample. */
    public int inputSize() {
        return architecture.input().size();
    }

    /** The number of outputs (classes). */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputShape().size();
    }

    /** A new parameter array initialised from {@code seed} (each layer from its own derived stream). */
    public float[] initialParameters(long seed) {
        float[] params = new float[parameterCount];
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).initialize(params, offsets[i], new Rng(Rng.derive(seed, i)));
        }
        return params;
    }

    /**
     * Per-parameter weight-decay factors: 1 for values of blocks with {@link ParameterBlock#decay()}
     * (weights), 0 for the others (biases). Optimizers multiply the decay term by it.
     */
    public float[] decayMask() {
        float[] mask = new float[parameterCount];
        for (int i = 0; i < layers.size(); i++) {
            for (ParameterBlock b : layers.get(i).parameterBlocks()) {
                if (b.decay()) java.util.Arrays.fill(mask, offsets[i] + b.offset(), offsets[i] + b.offset() + b.size(), 1f);
            }
        }
        return mask;
    }

    /** Buffers for batches of up to {@code capacity} samples, running matrix products on {@code kernels}. */
    public BatchBuffers newBuffers(int capacity, Kernels kernels) {
        return new BatchBuffers(this, capacity, kernels);
    }
}

package digitlab.nn;

/**
 * A copy of one named parameter tensor of one layer, for views such as weight heatmaps.
 * For a dense layer: {@code weight} with shape {@code [out, in]} (row {@code j} holds the incoming
 * weights of neuron {@code j}; for a 28x28 input it reshapes to the neuron's 28x28 image) and
 * {@code bias} with shape {@code [out]}.
 *
 * @param layer  the index of the layer in the network
 * @param name   the tensor's name
 * @param shape  dimensions, row-major
 * @param values the values (a copy owned by the caller)
 */
public record ParameterTensor(int layer, String name, int[] shape, float[] values) {
}

package digitlab.nn;

import java.util.Arrays;

/**
 * A named tensor inside a layer's parameter slice, e.g. a dense layer's {@code weight} of shape
 * {@code [out, in]} at offset 0 and its {@code bias} of shape {@code [out]} after it.
 *
 * @param name   e.g. "weight" or "bias"
 * @param offset start within the layer's slice
 * @param shape  dimensions, row-major (a copy is kept)
 * @param decay  whether L2 weight decay applies (weights yes, biases no)
 */
public record ParameterBlock(String name, int offset, int[] shape, boolean decay) {

    /** Copies the shape. */
    public ParameterBlock {
        shape = shape.clone();
    }

    /** A copy of the dimensions. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of values (product of the dimensions). */
    public int size() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterBlock p && p.name.equals(name) && p.offset == offset
                && Arrays.equals(p.shape, shape) && p.decay == decay;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape) + offset;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + "@" + offset;
    }
}

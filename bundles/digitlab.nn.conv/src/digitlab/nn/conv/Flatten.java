package digitlab.nn.conv;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;

/**
 * Type {@code flatten}: views {@code C x H x W} feature maps as one vector of {@code C*H*W} values. The
 * memory layout (row-major, channel first) is already that vector, so forward and backward are copies:
 * <pre>
 *   forward   y = x        backward  dx = dy
 * </pre>
 * (A dense layer flattens its input by itself; this layer makes the change of shape explicit in an
 * architecture and lets element-wise layers after it see a vector.)
 */
public final class Flatten implements Layer {

    /** The type id. */
    public static final String TYPE = "flatten";

    /** The factory registered for {@link #TYPE} (public with a no-argument constructor for plugin registries). */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            return Flatten.create(spec, input);
        }
    }

    private final LayerSpec spec;
    private final Shape input;

    private Flatten(LayerSpec spec, Shape input) {
        this.spec = spec;
        this.input = input;
    }

    /**
     * Creates the layer.
     *
     * @throws IllegalArgumentException when parameters are given (it takes none)
     */
    public static Flatten create(LayerSpec spec, Shape input) {
        if (!spec.params().isEmpty()) {
            throw new IllegalArgumentException(TYPE + ": takes no parameters, got " + spec.params());
        }
        return new Flatten(spec, input);
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return input; }
    @Override public Shape outputShape() { return Shape.vector(input.size()); }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        System.arraycopy(x, 0, y, 0, pass.batch() * input.size());
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        if (dx != null) System.arraycopy(dy, 0, dx, 0, pass.batch() * input.size());
    }
}

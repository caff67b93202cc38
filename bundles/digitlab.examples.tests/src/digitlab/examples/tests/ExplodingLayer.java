package digitlab.examples.tests;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;

/** A broken contributed layer: it builds, then its forward pass throws on the first batch. */
public final class ExplodingLayer implements Layer {

    /** The message of the exception it throws. */
    public static final String MESSAGE = "the exploding layer exploded";

    /** The factory named in plugin.xml. */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            return new ExplodingLayer(spec, input);
        }
    }

    private final LayerSpec spec;
    private final Shape shape;

    ExplodingLayer(LayerSpec spec, Shape shape) {
        this.spec = spec;
        this.shape = shape;
    }

    @Override public String type() { return "explosive"; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] scratch) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] input, float[] output,
                         float[] outputGrad, float[] inputGrad, float[] grads, float[] scratch) {
        throw new IllegalStateException(MESSAGE);
    }
}

package digitlab.nn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An immutable, serialisable description of a network: the shape of one input sample and the
 * list of layers, e.g. {@code 784 -> dense(units=28) -> sigmoid -> dense(units=10) -> sigmoid}.
 * The number of output classes is the size of the last layer's output.
 *
 * <p>{@link #validate} checks an architecture against hard limits <em>before</em> anything is
 * allocated, so that a typo like a layer of 10^9 neurons is refused with a message naming the
 * layer, never with an OutOfMemoryError.
 *
 * @param input  the shape of one input sample (e.g. {@code 1x28x28})
 * @param layers the layers in order (unmodifiable)
 */
public record Architecture(Shape input, List<LayerSpec> layers) implements Serializable {

    /** Upper limit on the total number of trainable parameters: 50 million (200 MB of floats). */
    public static final long MAX_PARAMETERS = 50_000_000L;
    /** Upper limit on the width of one dense layer (units). */
    public static final int MAX_LAYER_WIDTH = 65_536;
    /** Upper limit on the values of one sample at any layer (input or output): 16 Mi. */
    public static final long MAX_SAMPLE_SIZE = 1L << 24;
    /** Upper limit on the number of layers. */
    public static final int MAX_LAYERS = 1_000;

    /** Freezes the layer list. */
    public Architecture {
        layers = List.copyOf(layers);
    }

    /**
     * A multilayer perceptron: for each hidden width a dense layer, the activation and (when
     * {@code dropout > 0}) a dropout layer; then a dense layer of {@code classes} units and the output
     * activation ({@code softmax} or an element-wise activation such as {@code sigmoid}). Dense layers
     * before ReLU-like activations get He initialisation, the others Xavier.
     */
    public static Architecture mlp(Shape input, int[] hidden, String activation, double dropout,
                                   int classes, String output) {
        List<LayerSpec> specs = new ArrayList<>();
        String act = activation.trim().toLowerCase(Locale.ROOT);
        String init = act.contains("relu") ? "he" : "xavier";
        for (int width : hidden) {
            specs.add(LayerSpec.of("dense", "units", Integer.toString(width), "init", init));
            specs.add(LayerSpec.of(act));
            if (dropout > 0) specs.add(LayerSpec.of("dropout", "rate", Double.toString(dropout)));
        }
        specs.add(LayerSpec.of("dense", "units", Integer.toString(classes), "init", "xavier"));
        specs.add(LayerSpec.of(output.trim().toLowerCase(Locale.ROOT)));
        return new Architecture(input, specs);
    }

    /**
     * Parses the text form {@code 1x28x28 -> dense(256) -> relu -> dense(10) -> softmax}: the input
     * shape, then layers in {@link LayerSpec} syntax, separated by {@code ->}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static Architecture parse(String text) {
        String[] parts = text.split("->");
        if (parts.length < 2) {
            throw new IllegalArgumentException("architecture '" + text
                    + "' needs an input shape and at least one layer, e.g. 784 -> dense(10) -> softmax");
        }
        Shape input = Shape.parse(parts[0]);
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) specs.add(LayerSpec.parse(parts[i]));
        return new Architecture(input, specs);
    }

    /**
     * Creates the layers with {@code registry}, checking every limit first.
     *
     * @throws IllegalArgumentException naming the layer (1-based) and the problem
     */
    public List<Layer> build(LayerRegistry registry) {
        if (input.sizeLong() > MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException("input: shape " + input + " has " + input.sizeLong()
                    + " values, more than the limit of " + MAX_SAMPLE_SIZE);
        }
        if (layers.isEmpty()) throw new IllegalArgumentException("layers: the list is empty");
        if (layers.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("layers: " + layers.size() + " layers, more than the limit of " + MAX_LAYERS);
        }
        List<Layer> built = new ArrayList<>(layers.size());
        Shape shape = input;
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec spec = layers.get(i);
            String where = "layer " + (i + 1) + " (" + spec.type() + ")";
            Layer layer;
            try {
                layer = registry.create(spec, shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (!layer.inputShape().equals(shape)) {
                throw new IllegalArgumentException(where + ": expects input " + layer.inputShape() + " but receives " + shape);
            }
            shape = layer.outputShape();
            if (shape.sizeLong() > MAX_SAMPLE_SIZE) {
                throw new IllegalArgumentException(where + ": output " + shape + " has " + shape.sizeLong()
                        + " values, more than the limit of " + MAX_SAMPLE_SIZE);
            }
            total += layer.parameterCount();
            if (total > MAX_PARAMETERS) {
                throw new IllegalArgumentException(where + ": the network would have " + total
                        + " parameters, more than the limit of " + MAX_PARAMETERS);
            }
            built.add(layer);
        }
        return built;
    }

    /** Checks this architecture with the standard registry; see {@link #build}. */
    public void validate() {
        build(LayerRegistry.standard());
    }

    /** The number of values of one input sample. */
    public int inputSize() {
        return input.size();
    }

    /** The text form that {@link #parse} reads back. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(input.toString());
        for (LayerSpec s : layers) sb.append(" -> ").append(s);
        return sb.toString();
    }
}

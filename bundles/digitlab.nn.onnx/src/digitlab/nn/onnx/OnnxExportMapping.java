package digitlab.nn.onnx;

import digitlab.nn.Layer;

/**
 * How one layer type is written as ONNX nodes. Registered in {@link OnnxMappings} under the layer's type id:
 * the lab's standard layers are built in, and a plugin's layer type adds its own through the {@code onnx}
 * attribute of its {@code digitlab.nn.layers} contribution (a class implementing this interface with a
 * public no-argument constructor).
 *
 * <p>Example, a layer {@code y = x * s + t} with two parameters:
 * <pre>{@code
 * String s = graph.weights("scale", new long[0], new float[] {params[0]});
 * String t = graph.weights("shift", new long[0], new float[] {params[1]});
 * return graph.node("Add", graph.node("Mul", input, s), t);
 * }</pre>
 */
@FunctionalInterface
public interface OnnxExportMapping {

    /**
     * Adds the nodes computing {@code layer} (inference mode) to {@code graph}.
     *
     * @param params the layer's parameters (a copy of its slice of the flat array, in the layer's own layout)
     * @param input  the tensor holding the layer's input, in the convention of {@link OnnxGraphWriter}
     * @return the tensor holding the layer's output, in the same convention
     * @throws IllegalArgumentException when this layer's settings have no ONNX equivalent (the message says which)
     */
    String export(OnnxGraphWriter graph, Layer layer, float[] params, String input);
}

package digitlab.nn.onnx;

import digitlab.nn.Shape;
import digitlab.nn.onnx.internal.Tensors;
import digitlab.nn.onnx.internal.proto.OnnxProto.AttributeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.GraphProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.NodeProto;
import java.util.List;
import java.util.Map;

/**
 * The graph an export is writing, as {@link OnnxExportMapping}s see it: they add nodes and the initializers
 * (weights) those nodes read, and never touch protobuf types.
 *
 * <p>Tensor convention between layers: a sample of a vector shape {@code n} is the tensor {@code [N, n]}, a
 * sample of an image shape {@code C x H x W} is {@code [N, C, H, W]} ({@code N} the batch). A mapping receives
 * its input in the convention of the layer's input shape and returns a tensor in that of its output shape.
 *
 * <p>Names: nodes are {@code n0, n1, ...} in order; a node's output is {@code n<k>_out}; an initializer made
 * for the next node is {@code n<k>_<suffix>}. Names depend only on the order of nodes, so exporting the same
 * network twice gives the same bytes.
 */
public final class OnnxGraphWriter {

    private final GraphProto.Builder graph;
    private int nodes;

    OnnxGraphWriter(GraphProto.Builder graph) {
        this.graph = graph;
    }

    /**
     * Adds a node reading {@code inputs} (tensor names) and returns the name of its single output.
     *
     * @param attributes values of type Integer or Long (INT), Float or Double (FLOAT), String, int[] or long[]
     *                   (INTS), float[] (FLOATS)
     * @throws IllegalArgumentException for an attribute value of another type
     */
    public String node(String opType, List<String> inputs, Map<String, Object> attributes) {
        String name = "n" + nodes++;
        String output = name + "_out";
        NodeProto.Builder n = NodeProto.newBuilder().setName(name).setOpType(opType).addAllInput(inputs).addOutput(output);
        // sorted, so the bytes do not depend on the map's order
        for (String key : new java.util.TreeSet<>(attributes.keySet())) n.addAttribute(attribute(key, attributes.get(key)));
        graph.addNode(n);
        return output;
    }

    /** Adds a node without attributes; see {@link #node(String, List, Map)}. */
    public String node(String opType, String... inputs) {
        return node(opType, List.of(inputs), Map.of());
    }

    /**
     * Adds a float initializer for the next node, named {@code n<k>_<suffix>}, and returns its name.
     *
     * @param dims the tensor's dimensions ({@code values.length} must be their product; none for a scalar)
     */
    public String weights(String suffix, long[] dims, float[] values) {
        String name = "n" + nodes + "_" + suffix;
        graph.addInitializer(Tensors.floats(name, dims, values));
        return name;
    }

    /** Adds a 64-bit integer initializer for the next node (e.g. the target shape of a Reshape). */
    public String int64s(String suffix, long[] dims, long[] values) {
        String name = "n" + nodes + "_" + suffix;
        graph.addInitializer(Tensors.int64s(name, dims, values));
        return name;
    }

    /** {@code input} as {@code [N, size]}: unchanged for a vector shape, else through a {@code Flatten(axis=1)} node. */
    public String flat(String input, Shape shape) {
        return shape.isVector() ? input : node("Flatten", List.of(input), Map.of("axis", 1));
    }

    /** {@code input} ({@code [N, size]}) in the convention of {@code shape}: a {@code Reshape} to {@code [N, C, H, W]} when it is an image shape. */
    public String shaped(String input, Shape shape) {
        if (shape.isVector()) return input;
        String target = int64s("shape", new long[] {4}, new long[] {-1, shape.channels(), shape.height(), shape.width()});
        return node("Reshape", input, target);
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case Double d -> a.setType(AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
            case String s -> a.setType(AttributeProto.AttributeType.STRING)
                    .setS(com.google.protobuf.ByteString.copyFromUtf8(s));
            case int[] ints -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (int v : ints) a.addInts(v);
            }
            case long[] longs -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long v : longs) a.addInts(v);
            }
            case float[] floats -> {
                a.setType(AttributeProto.AttributeType.FLOATS);
                for (float v : floats) a.addFloats(v);
            }
            default -> throw new IllegalArgumentException("attribute " + name + ": values of type "
                    + value.getClass().getSimpleName() + " are not supported");
        }
        return a.build();
    }
}

package digitlab.nn.onnx.internal;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Layer;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.Network;
import digitlab.nn.Shape;
import digitlab.nn.conv.ConvLayers;
import digitlab.nn.onnx.internal.proto.OnnxProto.AttributeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.GraphProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.NodeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorShapeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an ONNX graph into a lab network: the graph must be a chain, each node reading the previous node's
 * output (plus constant weights), from one float input {@code [N, n]} or {@code [N, C, H, W]} to one output.
 * An optional {@code Sub(scalar)} and {@code Mul(scalar)} or {@code Div(scalar)} at the start become the
 * model's input normalisation; {@link NodeImport} turns every other node into a layer. Every problem is an
 * {@link IllegalArgumentException} whose message names the node and its operator.
 */
public final class GraphImport {

    /** Upper limit on the nodes of a graph. */
    static final int MAX_NODES = 4 * Architecture.MAX_LAYERS;

    /**
     * What an import gives.
     *
     * @param architecture  the layers, in the lab's notation
     * @param parameters    the flat parameter array in the lab's layout
     * @param normalization the input normalisation found at the start of the graph (identity when none)
     * @param registry      the layer registry the network was built with (standard layers, convolution included)
     */
    public record Result(Architecture architecture, float[] parameters, InputNormalization normalization,
                         LayerRegistry registry) {
    }

    private final GraphProto graph;
    private final int opset;
    final Map<String, TensorProto> constants = new HashMap<>();
    final LayerRegistry registry = new LayerRegistry();
    private final List<LayerSpec> specs = new ArrayList<>();
    private final List<float[]> layerParams = new ArrayList<>();
    private Shape shape;
    private String current;

    private GraphImport(GraphProto graph, int opset) {
        this.graph = graph;
        this.opset = opset;
        ConvLayers.registerLayers(registry);
    }

    /**
     * Imports {@code graph}, whose default-domain operators are of version {@code opset}.
     *
     * @throws IllegalArgumentException naming the node and operator, tensor or input that cannot be imported
     */
    public static Result run(GraphProto graph, int opset) {
        return new GraphImport(graph, opset).run();
    }

    private Result run() {
        if (graph.getNodeCount() == 0) throw new IllegalArgumentException("the graph has no nodes");
        if (graph.getNodeCount() > MAX_NODES) {
            throw new IllegalArgumentException("the graph has " + graph.getNodeCount() + " nodes, more than the limit of " + MAX_NODES);
        }
        for (TensorProto t : graph.getInitializerList()) constants.put(t.getName(), t);
        if (graph.getSparseInitializerCount() > 0) throw new IllegalArgumentException("sparse initializers are not supported");
        ValueInfoProto input = graphInput();
        shape = inputShape(input);
        current = input.getName();
        Shape inputShape = shape;

        // Constant nodes (PyTorch writes scalars and shapes that way) are weights like the initializers
        List<NodeProto> nodes = new ArrayList<>();
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getDomain().isEmpty()) constant(n);
            else nodes.add(n);
        }
        int i = 0;
        // input normalisation: x' = (x - mean) * scale, or (x - mean) / std
        double mean = 0;
        double std = 1;
        if (i < nodes.size() && isScalarOp(nodes.get(i), "Sub")) {
            mean = scalar(nodes.get(i));
            current = nodes.get(i++).getOutput(0);
        }
        if (i < nodes.size() && (isScalarOp(nodes.get(i), "Mul") || isScalarOp(nodes.get(i), "Div"))) {
            double v = scalar(nodes.get(i));
            if (!(v > 0)) throw new IllegalArgumentException(where(nodes.get(i)) + ": an input scale of " + v + " is not supported");
            std = nodes.get(i).getOpType().equals("Mul") ? 1.0 / v : v;
            current = nodes.get(i++).getOutput(0);
        }
        InputNormalization norm = new InputNormalization(mean, std);

        NodeImport imports = new NodeImport(this, opset);
        for (; i < nodes.size(); i++) {
            NodeProto n = nodes.get(i);
            if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                throw new IllegalArgumentException(where(n) + ": operator of domain '" + n.getDomain()
                        + "' is not supported; supported: " + NodeImport.SUPPORTED + " of the default domain");
            }
            if (n.getInputCount() == 0 || !n.getInput(0).equals(current)) {
                throw new IllegalArgumentException(where(n) + ": reads '" + (n.getInputCount() == 0 ? "" : n.getInput(0))
                        + "' instead of the previous layer's output '" + current + "'; only chains of layers can be imported");
            }
            for (int k = 1; k < n.getInputCount(); k++) {
                String in = n.getInput(k);
                if (!in.isEmpty() && !constants.containsKey(in)) {
                    throw new IllegalArgumentException(where(n) + ": input '" + in + "' is neither the previous layer's output"
                            + " nor a constant; only chains of layers can be imported");
                }
            }
            if (n.getOutputCount() == 0 || n.getOutput(0).isEmpty()) throw new IllegalArgumentException(where(n) + ": has no output");
            NodeImport.Step step = imports.convert(n, nodes, i, shape);
            for (NodeImport.LayerParams l : step.layers()) add(n, l);
            i += step.extraNodes();
            current = nodes.get(i).getOutput(0);
        }
        if (specs.isEmpty()) throw new IllegalArgumentException("the graph has no layers");
        if (graph.getOutputCount() != 1) {
            throw new IllegalArgumentException("the graph has " + graph.getOutputCount() + " outputs; a classifier has one");
        }
        if (!graph.getOutput(0).getName().equals(current)) {
            throw new IllegalArgumentException("the graph's output '" + graph.getOutput(0).getName()
                    + "' is not the last node's output '" + current + "'");
        }
        Architecture arch = new Architecture(inputShape, specs);
        Network network = new Network(arch, registry);
        float[] params = new float[network.parameterCount()];
        for (int l = 0; l < specs.size(); l++) {
            float[] p = layerParams.get(l);
            if (p.length != network.layers().get(l).parameterCount()) {
                throw new IllegalArgumentException("layer " + (l + 1) + " (" + specs.get(l) + ") needs "
                        + network.layers().get(l).parameterCount() + " parameters, the graph gives " + p.length);
            }
            System.arraycopy(p, 0, params, network.parameterOffset(l), p.length);
        }
        return new Result(arch, params, norm, registry);
    }

    private void add(NodeProto n, NodeImport.LayerParams l) {
        Layer layer;
        try {
            layer = registry.create(l.spec(), shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(n) + ": as " + l.spec() + ": " + e.getMessage(), e);
        }
        if (layer.parameterCount() != l.params().length) {
            throw new IllegalArgumentException(where(n) + ": as " + l.spec() + " the layer has " + layer.parameterCount()
                    + " parameters, the node's weights have " + l.params().length);
        }
        if (specs.size() >= Architecture.MAX_LAYERS) throw new IllegalArgumentException(where(n) + ": more than " + Architecture.MAX_LAYERS + " layers");
        specs.add(l.spec());
        layerParams.add(l.params());
        shape = layer.outputShape();
    }

    /** The one input that is not an initializer (older files list initializers among the inputs). */
    private ValueInfoProto graphInput() {
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) if (!constants.containsKey(v.getName())) inputs.add(v);
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("the graph has " + inputs.size() + " inputs besides its weights; a classifier has one");
        }
        return inputs.get(0);
    }

    // [N, n] -> the vector n, [N, C, H, W] -> C x H x W
    private static Shape inputShape(ValueInfoProto v) {
        String at = "input '" + v.getName() + "'";
        if (!v.getType().hasTensorType()) throw new IllegalArgumentException(at + " is not a tensor");
        var t = v.getType().getTensorType();
        if (t.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IllegalArgumentException(at + " has element type " + Tensors.typeName(t.getElemType()) + "; expected FLOAT");
        }
        if (!t.hasShape()) throw new IllegalArgumentException(at + " has no shape");
        List<TensorShapeProto.Dimension> dims = t.getShape().getDimList();
        if (dims.size() != 2 && dims.size() != 4) {
            throw new IllegalArgumentException(at + " has " + dims.size() + " dimensions; expected [N, n] or [N, C, H, W]");
        }
        int[] d = new int[dims.size() - 1];
        for (int k = 1; k < dims.size(); k++) {
            TensorShapeProto.Dimension dim = dims.get(k);
            if (!dim.hasDimValue() || dim.getDimValue() < 1 || dim.getDimValue() > Architecture.MAX_SAMPLE_SIZE) {
                throw new IllegalArgumentException(at + ": dimension " + k + " must be a fixed size between 1 and "
                        + Architecture.MAX_SAMPLE_SIZE + ", it is " + (dim.hasDimValue() ? dim.getDimValue() : "'" + dim.getDimParam() + "'"));
            }
            d[k - 1] = (int) dim.getDimValue();
        }
        if (d.length == 1) return Shape.vector(d[0]);
        Shape s = new Shape(d[0], d[1], d[2]);
        if (s.sizeLong() > Architecture.MAX_SAMPLE_SIZE) throw new IllegalArgumentException(at + ": shape " + s + " is too large");
        return s;
    }

    private boolean isScalarOp(NodeProto n, String op) {
        return n.getOpType().equals(op) && n.getDomain().isEmpty() && n.getInputCount() == 2 && n.getInput(0).equals(current)
                && constants.containsKey(n.getInput(1)) && Tensors.count(constants.get(n.getInput(1))) == 1
                && n.getOutputCount() == 1;
    }

    private double scalar(NodeProto n) {
        try {
            return Tensors.readFloats(constants.get(n.getInput(1)))[0];
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(n) + ": " + e.getMessage(), e);
        }
    }

    private void constant(NodeProto n) {
        if (n.getOutputCount() != 1 || n.getAttributeCount() != 1 || !n.getAttribute(0).getName().equals("value")
                || n.getAttribute(0).getType() != AttributeProto.AttributeType.TENSOR) {
            throw new IllegalArgumentException(where(n) + ": only constants given as a 'value' tensor are supported");
        }
        constants.put(n.getOutput(0), n.getAttribute(0).getT());
    }

    /** {@code node 'name' (OpType)} for messages. */
    static String where(NodeProto n) {
        String name = n.getName().isEmpty() ? (n.getOutputCount() > 0 ? n.getOutput(0) : "?") : n.getName();
        return "node '" + name + "' (" + n.getOpType() + ")";
    }
}

package digitlab.nn.onnx;

import digitlab.nn.InputNormalization;
import digitlab.nn.Layer;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.Network;
import digitlab.nn.Shape;
import digitlab.nn.onnx.internal.AtomicWrite;
import digitlab.nn.onnx.internal.Metadata;
import digitlab.nn.onnx.internal.proto.OnnxProto.GraphProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.ModelProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.OperatorSetIdProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorShapeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TypeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as an ONNX file that ONNX Runtime and other tools run.
 *
 * <p>The graph: input {@code input} of shape {@code [N, C, H, W]} (or {@code [N, n]} for a vector input) holding
 * pixel values in [0, 1], as the lab's canvas and datasets give them; the model's input normalisation as two
 * nodes {@code Sub(mean)} and {@code Mul(1/std)} when it is not the identity (the same arithmetic as the lab, so
 * the outputs agree to the last bits); then each layer's nodes (see {@link OnnxMappings}); output {@code output}
 * of shape {@code [N, classes]}: probabilities for a softmax output. IR version {@value #IR_VERSION}, opset
 * {@value #OPSET} of the default domain. Metadata ({@code metadata_props}): {@code digitlab.classes} (the class
 * labels, JSON), {@code digitlab.dataset}, {@code digitlab.normalization} and the
 * model's metrics; the model's {@code doc_string} is the description given (naming the run).
 *
 * <p>The same model gives the same bytes every time: names follow the order of nodes, attributes are sorted and
 * nothing records the time of the export.
 */
public final class OnnxExport {

    /** The operator set version written (ONNX 1.16, supported by ONNX Runtime 1.18 and later). */
    public static final int OPSET = 21;
    /** The IR version written (the one that goes with {@link #OPSET}). */
    public static final int IR_VERSION = 10;
    /** The usual file name extension. */
    public static final String EXTENSION = ".onnx";
    /** The name of the graph's input tensor. */
    public static final String INPUT = "input";
    /** The name of the graph's output tensor. */
    public static final String OUTPUT = "output";

    private OnnxExport() {
    }

    /**
     * Writes {@code model} to {@code file} atomically (a temporary file in the same folder, then renamed).
     *
     * @param description the model's doc string, e.g. {@code "Digit Lab run 2026-12-03_10-15 (mlp)"}
     * @throws OnnxExportException naming the layer that cannot be exported; nothing is written then
     * @throws IOException         when the file cannot be written
     */
    public static void write(Model model, String description, Path file) throws IOException {
        byte[] bytes = toBytes(model, description, OnnxMappings.standard());
        AtomicWrite.write(file, bytes);
    }

    /**
     * The ONNX bytes of {@code model}, with the layer mappings of {@code mappings}.
     *
     * @throws OnnxExportException naming the layer that cannot be exported
     */
    public static byte[] toBytes(Model model, String description, OnnxMappings mappings) throws OnnxExportException {
        Network network = model.snapshot().network();
        ModelMetadata meta = model.metadata();
        Shape inputShape = network.architecture().input();
        GraphProto.Builder graph = GraphProto.newBuilder().setName("digitlab");
        OnnxGraphWriter g = new OnnxGraphWriter(graph);

        String x = INPUT;
        InputNormalization norm = meta.normalization();
        if (!norm.equals(InputNormalization.IDENTITY)) {
            // x' = (x - mean) * (1/std) in float, exactly as InputNormalization.apply
            x = g.node("Sub", x, g.weights("mean", new long[0], new float[] {(float) norm.mean()}));
            x = g.node("Mul", x, g.weights("scale", new long[0], new float[] {(float) (1.0 / norm.std())}));
        }
        float[] params = model.snapshot().parameters();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String where = "layer " + (i + 1) + " (" + layer.spec() + ")";
            OnnxExportMapping m = mappings.find(layer.type());
            if (m == null) {
                throw new OnnxExportException(where + ": no ONNX mapping for layer type '" + layer.type()
                        + "'; layer types with one: " + mappings.types()
                        + " (a plugin's layer type offers one through the onnx attribute of its digitlab.nn.layers contribution)");
            }
            int offset = network.parameterOffset(i);
            float[] slice = java.util.Arrays.copyOfRange(params, offset, offset + layer.parameterCount());
            try {
                x = m.export(g, layer, slice, x);
            } catch (RuntimeException e) {
                throw new OnnxExportException(where + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        if (graph.getNodeCount() == 0 || !x.equals(graph.getNode(graph.getNodeCount() - 1).getOutput(0))) {
            throw new OnnxExportException("the last layer's mapping did not add a node computing the output");
        }
        int last = graph.getNodeCount() - 1;
        graph.setNode(last, graph.getNode(last).toBuilder().setOutput(0, OUTPUT));
        graph.addInput(valueInfo(INPUT, inputShape));
        graph.addOutput(valueInfo(OUTPUT, layers.get(layers.size() - 1).outputShape()));

        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("Digit Lab").setProducerVersion("1.0").setDocString(description);
        for (Map.Entry<String, String> e : Metadata.of(model).entrySet()) {
            m.addMetadataProps(digitlab.nn.onnx.internal.proto.OnnxProto.StringStringEntryProto.newBuilder()
                    .setKey(e.getKey()).setValue(e.getValue()));
        }
        // The graph goes last (protobuf readers take fields in any order; concatenated messages merge): it is
        // one length-prefixed field, so a file cut anywhere lacks the graph or has an incomplete one and is
        // refused, instead of silently losing metadata written after it.
        byte[] head = m.build().toByteArray();
        byte[] tail = ModelProto.newBuilder().setGraph(graph).build().toByteArray();
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    // [N, C, H, W] or [N, n] float, with the batch as the symbolic dimension "N"
    private static ValueInfoProto valueInfo(String name, Shape s) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        int[] dims = s.isVector() ? new int[] {s.channels()} : new int[] {s.channels(), s.height(), s.width()};
        for (int d : dims) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}

package digitlab.nn.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.io.ModelFormatException;
import digitlab.nn.onnx.internal.GraphImport;
import digitlab.nn.onnx.internal.Metadata;
import digitlab.nn.onnx.internal.proto.OnnxProto.ModelProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.OperatorSetIdProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX model built from the lab's operator set — for example a PyTorch MLP or LeNet exported with
 * {@code torch.onnx.export}, or a model the lab exported ({@link OnnxExport}) — as a lab {@link Model}.
 *
 * <p>What can be imported: a chain of {@code Gemm}, {@code MatMul} (+ {@code Add}), {@code Relu}, {@code Sigmoid},
 * {@code Tanh}, {@code LeakyRelu}, {@code Identity}, {@code Softmax}, {@code Dropout}, {@code Conv},
 * {@code MaxPool}, {@code Flatten} and flattening {@code Reshape} nodes on one float input, with an optional
 * scalar {@code Sub}/{@code Mul}/{@code Div} at the start (the input normalisation), default-domain opsets
 * {@value #MIN_OPSET} to {@value #MAX_OPSET}. The class labels and dataset come from the lab's metadata when the
 * file has it; otherwise labels are "0".."n-1", and the dataset {@code mnist} for 784 inputs and 10 outputs.
 *
 * <p>Every problem is a {@link ModelFormatException} naming the file and, for a graph the lab cannot run, the
 * node and its operator. Nothing is allocated beyond the file's size and the network the file describes, which
 * is checked against the lab's limits before any parameter array exists.
 */
public final class OnnxImport {

    /** Files larger than this are refused before reading (the lab's largest network is 200 MB of floats). */
    public static final long MAX_FILE = 256L << 20;
    /** The oldest default-domain opset read. */
    public static final int MIN_OPSET = 7;
    /** The newest default-domain opset read (ONNX 1.23). */
    public static final int MAX_OPSET = 27;

    private OnnxImport() {
    }

    /**
     * Whether {@code head} (the first bytes of a file) can start an ONNX model: a protobuf field key of
     * {@code ModelProto} (IR version, producer, graph, opsets, ...). Files that pass may still be refused by
     * {@link #load}; files that fail are certainly not ONNX.
     */
    public static boolean looksLikeOnnx(byte[] head) {
        if (head.length == 0) return false;
        int key = head[0] & 0xff;
        return switch (key) {
            case 0x08, 0x28 -> true;                                  // ir_version, model_version (varint)
            case 0x12, 0x1a, 0x22, 0x32, 0x3a, 0x42, 0x72 -> true;    // producer_name/version, domain, doc_string, graph, opset_import, metadata_props
            default -> false;
        };
    }

    /**
     * Reads the ONNX file {@code file}.
     *
     * @throws ModelFormatException naming the file and the problem
     * @throws IOException          when the file cannot be read at all
     */
    public static Model load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelFormatException(file, "no such file");
        long size = Files.size(file);
        if (size == 0) throw new ModelFormatException(file, "the file is empty");
        if (size > MAX_FILE) throw new ModelFormatException(file, "the file has " + size + " bytes, more than the limit of " + MAX_FILE);
        return read(Files.readAllBytes(file), file);
    }

    /**
     * Reads an ONNX model from {@code bytes}; {@code file} names it in messages and in the model's properties.
     *
     * @throws ModelFormatException naming the file and the problem
     */
    public static Model read(byte[] bytes, Path file) throws ModelFormatException {
        ModelProto m;
        try {
            m = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFormatException(file, "not an ONNX model, or a truncated or damaged one (the protobuf data is invalid)");
        }
        if (!m.hasGraph()) throw new ModelFormatException(file, "not an ONNX model: it has no graph");
        if (m.getIrVersion() < 3 || m.getIrVersion() > 13) {
            throw new ModelFormatException(file, "ONNX IR version " + m.getIrVersion() + " is not supported (3 to 13)");
        }
        int opset = -1;
        for (OperatorSetIdProto o : m.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) opset = (int) Math.min(Integer.MAX_VALUE, o.getVersion());
        }
        if (opset < 0) throw new ModelFormatException(file, "the model imports no opset of the default ONNX domain");
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new ModelFormatException(file, "opset " + opset + " is not supported (" + MIN_OPSET + " to " + MAX_OPSET + ")");
        }
        try {
            GraphImport.Result r = GraphImport.run(m.getGraph(), opset);
            Network network = new Network(r.architecture(), r.registry());
            Map<String, String> props = new LinkedHashMap<>();
            for (StringStringEntryProto e : m.getMetadataPropsList()) props.put(e.getKey(), e.getValue());
            int inputs = network.inputSize();
            int outputs = network.outputSize();
            List<String> labels = Metadata.classes(props, outputs);
            if (labels == null) labels = ModelMetadata.digitLabels(outputs);
            String dataset = props.getOrDefault(Metadata.DATASET, inputs == 784 && outputs == 10 ? "mnist" : "unknown");
            if (dataset.isBlank()) dataset = "unknown";
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("origin", "onnx");
            properties.put("source", String.valueOf(file.getFileName()));
            if (!m.getProducerName().isEmpty()) properties.put("producer", (m.getProducerName() + " " + m.getProducerVersion()).trim());
            if (!m.getDocString().isEmpty()) properties.put("description", shorten(m.getDocString()));
            ModelMetadata meta = new ModelMetadata(dataset, labels, Metadata.normalization(props, r.normalization()), null, Metadata.metrics(props),
                    Instant.now(), properties);
            return new Model(ModelSnapshot.of(network, r.parameters()), meta);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, printable(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** One printable line: names from a damaged file may hold control characters or be very long. */
    private static String printable(String s) {
        String line = s.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 400 ? line : line.substring(0, 400) + "...";
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= 500 ? one : one.substring(0, 500) + "...";
    }
}

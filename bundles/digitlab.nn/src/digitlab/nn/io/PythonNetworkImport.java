package digitlab.nn.io;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.LayerSpec;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Shape;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a network saved by the original Python project:
 * {@code {"weights": [W1, W2, ...], "biases": [b1, b2, ...]}} as nested lists, {@code W_l} of shape
 * (n_out, n_in), {@code b_l} of n_out numbers (or numpy column vectors {@code [[b], [b], ...]}),
 * {@code z = W·a + b} and a sigmoid on every layer including the output, inputs in [0, 1]. An
 * optional {@code "sizes"} list (as Nielsen's network2 writes it) must agree with the shapes.
 *
 * <p>The result is a model {@code n_0 -> dense(n_1) -> sigmoid -> ... -> dense(n_L) -> sigmoid}
 * (a 784-value input becomes a 1x28x28 image) with identity input normalisation, dataset
 * {@code mnist} when it has 784 inputs and 10 outputs, and the property {@code origin=python-json}.
 * Every problem is a {@link ModelFormatException} naming the file and the JSON path, e.g.
 * {@code weights[1][3]: row has 27 numbers, expected 28 (the width of layer 1's input)}.
 */
public final class PythonNetworkImport {

    /** Files larger than this are refused before reading (a 784-100-10 network is about 2 MB). */
    public static final long MAX_FILE = 256L << 20;

    private PythonNetworkImport() {
    }

    /** Reads the JSON file and builds the model. */
    public static Model load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelFormatException(file, "no such file");
        long size = Files.size(file);
        if (size == 0) throw new ModelFormatException(file, "the file is empty");
        if (size > MAX_FILE) throw new ModelFormatException(file, "the file has " + size + " bytes, more than the limit of " + MAX_FILE);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file, "not a JSON text file (invalid UTF-8)");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new ModelFormatException(file, "invalid JSON: " + e.getMessage());
        }
        return fromJson(file, root);
    }

    /** Builds the model from parsed JSON ({@code file} is only used in messages). */
    static Model fromJson(Path file, Object root) throws ModelFormatException {
        HeaderJson j = new HeaderJson(file);
        Map<String, Object> top = j.object(root, "the top level");
        if (!top.containsKey("weights")) throw j.fail("the key \"weights\" is missing (expected {\"weights\": [...], \"biases\": [...]})");
        if (!top.containsKey("biases")) throw j.fail("the key \"biases\" is missing (expected {\"weights\": [...], \"biases\": [...]})");
        List<Object> weights = j.list(top.get("weights"), "weights");
        List<Object> biases = j.list(top.get("biases"), "biases");
        if (weights.isEmpty()) throw j.fail("weights: the list is empty; a network needs at least one layer");
        if (weights.size() != biases.size()) {
            throw j.fail("weights has " + weights.size() + " layers but biases has " + biases.size());
        }
        if (weights.size() > Architecture.MAX_LAYERS) throw j.fail("weights: " + weights.size() + " layers, more than the limit");

        // First pass: shapes only, so the architecture is validated before any parameter array exists.
        int layers = weights.size();
        int[] sizes = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            String at = "weights[" + l + "]";
            List<Object> rows = j.list(weights.get(l), at);
            if (rows.isEmpty()) throw j.fail(at + ": the matrix has no rows");
            List<Object> first = j.list(rows.get(0), at + "[0]");
            if (first.isEmpty()) throw j.fail(at + "[0]: the row is empty");
            if (l == 0) sizes[0] = first.size();
            else if (first.size() != sizes[l]) {
                throw j.fail(at + ": rows have " + first.size() + " numbers, expected " + sizes[l]
                        + " (the number of rows of weights[" + (l - 1) + "], i.e. the outputs of layer " + l + ")");
            }
            sizes[l + 1] = rows.size();
        }
        if (top.containsKey("sizes")) checkSizes(j, top.get("sizes"), sizes);
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            specs.add(LayerSpec.of("dense", "units", Integer.toString(sizes[l + 1])));
            specs.add(LayerSpec.of("sigmoid"));
        }
        Shape input = sizes[0] == 784 ? new Shape(1, 28, 28) : Shape.vector(sizes[0]);
        Architecture arch = new Architecture(input, specs);
        Network network;
        try {
            network = new Network(arch);
        } catch (IllegalArgumentException e) {
            throw j.fail("the network is not acceptable: " + e.getMessage());
        }

        // Second pass: values. Our dense layout is W[out x in] row-major followed by b[out]: the same as the file's.
        float[] params = new float[network.parameterCount()];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int base = network.parameterOffset(2 * l);
            List<Object> rows = j.list(weights.get(l), "weights[" + l + "]");
            for (int r = 0; r < out; r++) {
                String at = "weights[" + l + "][" + r + "]";
                List<Object> row = j.list(rows.get(r), at);
                if (row.size() != in) throw j.fail(at + ": the row has " + row.size() + " numbers, expected " + in);
                for (int c = 0; c < in; c++) params[base + r * in + c] = number(j, row.get(c), at + "[" + c + "]");
            }
            String at = "biases[" + l + "]";
            List<Object> b = j.list(biases.get(l), at);
            if (b.size() != out) {
                throw j.fail(at + ": " + b.size() + " biases, expected " + out + " (the rows of weights[" + l + "])");
            }
            for (int r = 0; r < out; r++) {
                Object v = b.get(r);
                // numpy column vectors (n, 1) serialise as [[b0], [b1], ...]
                if (v instanceof List<?> single) {
                    if (single.size() != 1) throw j.fail(at + "[" + r + "]: expected a number or [number], found a list of " + single.size());
                    v = single.get(0);
                }
                params[base + out * in + r] = number(j, v, at + "[" + r + "]");
            }
        }
        ModelMetadata meta = new ModelMetadata(sizes[0] == 784 && sizes[layers] == 10 ? "mnist" : "unknown",
                ModelMetadata.digitLabels(sizes[layers]), InputNormalization.IDENTITY, null, Map.of(), Instant.now(),
                Map.of("origin", "python-json", "source", String.valueOf(file.getFileName())));
        return new Model(ModelSnapshot.of(network, params), meta);
    }

    private static void checkSizes(HeaderJson j, Object value, int[] sizes) throws ModelFormatException {
        List<Object> list = j.list(value, "sizes");
        boolean same = list.size() == sizes.length;
        for (int i = 0; same && i < sizes.length; i++) same = list.get(i) instanceof Double d && d == sizes[i];
        if (!same) {
            // written back as JSON, so whole numbers read as they were written ([2, 3], not [2.0, 3.0])
            throw j.fail("sizes " + Json.write(list).replace(",", ", ") + " does not match the weight shapes "
                    + java.util.Arrays.toString(sizes));
        }
    }

    private static float number(HeaderJson j, Object v, String at) throws ModelFormatException {
        if (!(v instanceof Double d)) throw j.fail(at + ": expected a number, found " + HeaderJson.describe(v));
        float f = d.floatValue();
        if (!Float.isFinite(f)) throw j.fail(at + ": " + d + " does not fit in a float");
        return f;
    }
}

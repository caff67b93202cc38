package digitlab.nn.onnx.internal;

import digitlab.nn.LayerSpec;
import digitlab.nn.Shape;
import digitlab.nn.conv.ConvGeometry;
import digitlab.nn.onnx.internal.proto.OnnxProto.NodeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorProto;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One ONNX node (or two: {@code MatMul} then {@code Add}) as lab layers, the reverse of
 * {@link StandardMappings}. Refuses, naming the node and the operator, whatever would compute something else
 * than the lab's layer: transposed inputs, scaled products, grouped or dilated convolutions, padding that is
 * neither {@code valid} nor {@code same}, pooling with padding or ceil mode, unknown attributes.
 */
final class NodeImport {

    /** The operators that can be imported. */
    static final List<String> SUPPORTED = List.of("Gemm", "MatMul (+ Add)", "Relu", "Sigmoid", "Tanh", "LeakyRelu",
            "Identity", "Softmax", "Dropout", "Conv", "MaxPool", "Flatten", "Reshape (to [N, n])");

    /** A layer and its parameters in the lab's layout. */
    record LayerParams(LayerSpec spec, float[] params) {
    }

    /** What one node became: layers, and how many following nodes it took along (0, or 1 for MatMul + Add). */
    record Step(List<LayerParams> layers, int extraNodes) {
    }

    private final GraphImport graph;
    private final int opset;

    NodeImport(GraphImport graph, int opset) {
        this.graph = graph;
        this.opset = opset;
    }

    /** Converts {@code nodes.get(i)}, whose input has the lab shape {@code shape}. */
    Step convert(NodeProto n, List<NodeProto> nodes, int i, Shape shape) {
        String w = GraphImport.where(n);
        try {
            return switch (n.getOpType()) {
                case "Gemm" -> one(gemm(n, w, shape));
                case "MatMul" -> matMul(n, w, nodes, i, shape);
                case "Relu", "Sigmoid", "Tanh", "Identity" -> {
                    new Attributes(n, w, Set.of());
                    yield one(new LayerParams(LayerSpec.of(n.getOpType().toLowerCase(java.util.Locale.ROOT)), new float[0]));
                }
                case "LeakyRelu" -> {
                    float alpha = new Attributes(n, w, Set.of("alpha")).real("alpha", 0.01f);
                    yield one(new LayerParams(LayerSpec.of("leakyrelu", "alpha", Float.toString(alpha)), new float[0]));
                }
                case "Softmax" -> one(softmax(n, w, shape));
                case "Dropout" -> one(dropout(n, w));
                case "Conv" -> one(conv(n, w, shape));
                case "MaxPool" -> one(maxPool(n, w, shape));
                case "Flatten" -> {
                    long axis = new Attributes(n, w, Set.of("axis")).integer("axis", 1);
                    if (axis != 1) throw new IllegalArgumentException(w + ": axis " + axis + " is not supported (only 1: keep the batch)");
                    yield one(new LayerParams(LayerSpec.of("flatten"), new float[0]));
                }
                case "Reshape" -> one(reshape(n, w, shape));
                default -> throw new IllegalArgumentException(w + ": operator not supported; supported: " + SUPPORTED);
            };
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw m.startsWith(w) ? e : new IllegalArgumentException(w + ": " + m, e);
        }
    }

    private static Step one(LayerParams l) {
        return new Step(List.of(l), 0);
    }

    // Y = alpha * A' · B' + beta * C with A' = A (transA 0), B' = B^T (transB 1: B is the lab's W[O x I]) or B (transB 0: W^T)
    private LayerParams gemm(NodeProto n, String w, Shape shape) {
        Attributes a = new Attributes(n, w, Set.of("alpha", "beta", "transA", "transB"));
        if (a.real("alpha", 1f) != 1f || a.real("beta", 1f) != 1f) {
            throw new IllegalArgumentException(w + ": alpha and beta other than 1 are not supported");
        }
        if (a.integer("transA", 0) != 0) throw new IllegalArgumentException(w + ": transA = 1 is not supported");
        boolean transB = a.integer("transB", 0) != 0;
        if (n.getInputCount() < 2) throw new IllegalArgumentException(w + ": the weight input is missing");
        TensorProto b = constant(n, 1);
        if (b.getDimsCount() != 2) throw new IllegalArgumentException(w + ": the weights have " + b.getDimsCount() + " dimensions, expected 2");
        int in = shape.size();
        long rows = b.getDims(0);
        long cols = b.getDims(1);
        long out = transB ? rows : cols;
        if ((transB ? cols : rows) != in) {
            throw new IllegalArgumentException(w + ": the weights " + b.getDimsList() + " do not fit an input of " + in + " values");
        }
        float[] weights = Tensors.readFloats(b);
        float[] wMatrix = transB ? weights : transpose(weights, in, (int) out);
        float[] bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? bias(constant(n, 2), (int) out, w) : new float[(int) out];
        return dense((int) out, wMatrix, bias);
    }

    // Y = A · B (B[I x O]) then, when the next node adds a constant row to it, + c[O]
    private Step matMul(NodeProto n, String w, List<NodeProto> nodes, int i, Shape shape) {
        new Attributes(n, w, Set.of());
        if (n.getInputCount() != 2) throw new IllegalArgumentException(w + ": expected 2 inputs");
        TensorProto b = constant(n, 1);
        int in = shape.size();
        if (b.getDimsCount() != 2 || b.getDims(0) != in) {
            throw new IllegalArgumentException(w + ": the weights " + b.getDimsList() + " do not fit an input of " + in + " values");
        }
        int out = (int) b.getDims(1);
        float[] wMatrix = transpose(Tensors.readFloats(b), in, out);
        if (i + 1 < nodes.size()) {
            NodeProto add = nodes.get(i + 1);
            if (add.getOpType().equals("Add") && add.getInputCount() == 2) {
                String y = n.getOutput(0);
                String other = add.getInput(0).equals(y) ? add.getInput(1) : add.getInput(1).equals(y) ? add.getInput(0) : null;
                if (other != null && graph.constants.containsKey(other)) {
                    float[] bias = bias(graph.constants.get(other), out, GraphImport.where(add));
                    return new Step(List.of(dense(out, wMatrix, bias)), 1);
                }
            }
        }
        return one(dense(out, wMatrix, new float[out]));
    }

    private static LayerParams dense(int out, float[] w, float[] b) {
        float[] p = Arrays.copyOf(w, w.length + out);
        System.arraycopy(b, 0, p, w.length, out);
        return new LayerParams(LayerSpec.of("dense", "units", Integer.toString(out)), p);
    }

    private float[] bias(TensorProto t, int out, String w) {
        long count = Tensors.count(t);
        if (count != out && count != 1) {
            throw new IllegalArgumentException(w + ": the bias " + t.getDimsList() + " has " + count + " values, expected " + out);
        }
        float[] v = Tensors.readFloats(t);
        if (count == out) return v;
        float[] all = new float[out];
        Arrays.fill(all, v[0]); // one value broadcast to every output
        return all;
    }

    private LayerParams softmax(NodeProto n, String w, Shape shape) {
        long axis = new Attributes(n, w, Set.of("axis")).integer("axis", opset >= 13 ? -1 : 1);
        if (!shape.isVector()) {
            throw new IllegalArgumentException(w + ": softmax over a " + shape + " image is not supported (flatten first)");
        }
        if (axis != 1 && axis != -1) throw new IllegalArgumentException(w + ": axis " + axis + " is not supported (only the class axis, 1)");
        return new LayerParams(LayerSpec.of("softmax"), new float[0]);
    }

    private LayerParams dropout(NodeProto n, String w) {
        Attributes a = new Attributes(n, w, Set.of("ratio", "seed", "is_test"));
        float ratio = a.real("ratio", 0.5f);
        if (n.getInputCount() > 1 && !n.getInput(1).isEmpty()) ratio = scalar(n, 1);
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
            TensorProto mode = constant(n, 2);
            boolean training = mode.getDataType() == TensorProto.DataType.BOOL_VALUE
                    && (mode.getRawData().size() > 0 ? mode.getRawData().byteAt(0) != 0 : mode.getInt32DataCount() > 0 && mode.getInt32Data(0) != 0);
            if (training) throw new IllegalArgumentException(w + ": training_mode = true is not supported");
        }
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException(w + ": ratio " + ratio + " is not in [0, 1)");
        return new LayerParams(LayerSpec.of("dropout", "rate", Float.toString(ratio)), new float[0]);
    }

    private LayerParams conv(NodeProto n, String w, Shape shape) {
        Attributes a = new Attributes(n, w, Set.of("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"));
        if (a.integer("group", 1) != 1) throw new IllegalArgumentException(w + ": grouped convolution (group = " + a.integer("group", 1) + ") is not supported");
        long[] dil = a.ints("dilations", 2, new long[] {1, 1});
        if (dil[0] != 1 || dil[1] != 1) throw new IllegalArgumentException(w + ": dilations " + Arrays.toString(dil) + " are not supported");
        TensorProto wt = constant(n, 1);
        if (wt.getDimsCount() != 4) throw new IllegalArgumentException(w + ": the weights have " + wt.getDimsCount() + " dimensions, expected 4");
        long f = wt.getDims(0);
        long k = wt.getDims(2);
        if (wt.getDims(1) != shape.channels()) {
            throw new IllegalArgumentException(w + ": the weights " + wt.getDimsList() + " expect " + wt.getDims(1)
                    + " input channels, the input has " + shape.channels());
        }
        if (wt.getDims(3) != k) throw new IllegalArgumentException(w + ": kernel " + k + "x" + wt.getDims(3) + " is not square");
        if (k < 1 || k > ConvGeometry.MAX_KERNEL) throw new IllegalArgumentException(w + ": kernel " + k + " is not between 1 and " + ConvGeometry.MAX_KERNEL);
        long[] ks = a.ints("kernel_shape", 2, new long[] {k, k});
        if (ks[0] != k || ks[1] != k) throw new IllegalArgumentException(w + ": kernel_shape " + Arrays.toString(ks) + " disagrees with the weights " + wt.getDimsList());
        long[] st = a.ints("strides", 2, new long[] {1, 1});
        if (st[0] != st[1]) throw new IllegalArgumentException(w + ": strides " + Arrays.toString(st) + " differ");
        if (st[0] < 1 || st[0] > ConvGeometry.MAX_KERNEL) throw new IllegalArgumentException(w + ": stride " + st[0] + " is out of range");
        String padding = padding(a, w, shape, (int) k, (int) st[0]);
        float[] weights = Tensors.readFloats(wt);
        float[] b = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? bias(constant(n, 2), (int) f, w) : new float[(int) f];
        float[] p = Arrays.copyOf(weights, weights.length + (int) f);
        System.arraycopy(b, 0, p, weights.length, (int) f);
        return new LayerParams(LayerSpec.of("conv2d", "filters", Long.toString(f), "kernel", Long.toString(k),
                "stride", Long.toString(st[0]), "padding", padding), p);
    }

    // the lab's paddings as ONNX pads [top, left, bottom, right]: valid = none; same = as ConvGeometry splits it
    private static String padding(Attributes a, String w, Shape shape, int k, int stride) {
        String auto = a.string("auto_pad", "NOTSET");
        long[] pads = a.ints("pads", 4, new long[4]);
        switch (auto) {
            case "VALID":
                return "valid";
            case "SAME_UPPER":
                return "same";
            case "NOTSET":
                break;
            default: {
                long[] same = samePads(shape, k, stride);
                if (auto.equals("SAME_LOWER") && same[0] == same[2] && same[1] == same[3]) return "same";
                throw new IllegalArgumentException(w + ": auto_pad " + auto + " is not supported");
            }
        }
        if (Arrays.equals(pads, new long[4])) return "valid";
        if (Arrays.equals(pads, samePads(shape, k, stride))) return "same";
        throw new IllegalArgumentException(w + ": pads " + Arrays.toString(pads) + " are neither valid (none) nor same "
                + Arrays.toString(samePads(shape, k, stride)) + " padding for a " + k + "x" + k + " kernel with stride " + stride);
    }

    private static long[] samePads(Shape shape, int k, int stride) {
        ConvGeometry g = ConvGeometry.of("conv2d", shape, k, stride, "same");
        long bottom = Math.max((g.outHeight() - 1L) * stride + k - g.height() - g.padTop(), 0);
        long right = Math.max((g.outWidth() - 1L) * stride + k - g.width() - g.padLeft(), 0);
        return new long[] {g.padTop(), g.padLeft(), bottom, right};
    }

    private LayerParams maxPool(NodeProto n, String w, Shape shape) {
        Attributes a = new Attributes(n, w, Set.of("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides"));
        long[] ks = a.ints("kernel_shape", 2, null);
        if (ks == null) throw new IllegalArgumentException(w + ": kernel_shape is missing");
        if (ks[0] != ks[1]) throw new IllegalArgumentException(w + ": window " + ks[0] + "x" + ks[1] + " is not square");
        long[] st = a.ints("strides", 2, new long[] {1, 1});
        if (st[0] != st[1]) throw new IllegalArgumentException(w + ": strides " + Arrays.toString(st) + " differ");
        if (!Arrays.equals(a.ints("pads", 4, new long[4]), new long[4])) throw new IllegalArgumentException(w + ": padding is not supported");
        String auto = a.string("auto_pad", "NOTSET");
        if (!auto.equals("NOTSET") && !auto.equals("VALID")) throw new IllegalArgumentException(w + ": auto_pad " + auto + " is not supported");
        if (a.integer("ceil_mode", 0) != 0) throw new IllegalArgumentException(w + ": ceil_mode = 1 is not supported");
        long[] dil = a.ints("dilations", 2, new long[] {1, 1});
        if (dil[0] != 1 || dil[1] != 1) throw new IllegalArgumentException(w + ": dilations " + Arrays.toString(dil) + " are not supported");
        if (a.integer("storage_order", 0) != 0) throw new IllegalArgumentException(w + ": storage_order = 1 is not supported");
        if (ks[0] < 1 || ks[0] > ConvGeometry.MAX_KERNEL || st[0] < 1 || st[0] > ConvGeometry.MAX_KERNEL) {
            throw new IllegalArgumentException(w + ": window " + ks[0] + " or stride " + st[0] + " is out of range");
        }
        return new LayerParams(LayerSpec.of("maxpool", "size", Long.toString(ks[0]), "stride", Long.toString(st[0])), new float[0]);
    }

    // Reshape(x, [-1 or 0 or N, n or -1]) of a sample of n values is a flatten
    private LayerParams reshape(NodeProto n, String w, Shape shape) {
        if (new Attributes(n, w, Set.of("allowzero")).integer("allowzero", 0) != 0) {
            throw new IllegalArgumentException(w + ": allowzero = 1 is not supported");
        }
        if (n.getInputCount() != 2) throw new IllegalArgumentException(w + ": expected 2 inputs");
        long[] target = Tensors.readLongs(constant(n, 1));
        long size = shape.size();
        boolean flatten = target.length == 2 && (target[0] == -1 ? target[1] == size : target[0] >= 0 && (target[1] == size || target[1] == -1));
        if (!flatten) {
            throw new IllegalArgumentException(w + ": a reshape to " + Arrays.toString(target) + " is not supported"
                    + " (only to [batch, " + size + "], a flatten)");
        }
        return new LayerParams(LayerSpec.of("flatten"), new float[0]);
    }

    private TensorProto constant(NodeProto n, int input) {
        if (n.getInputCount() <= input || n.getInput(input).isEmpty()) {
            throw new IllegalArgumentException("input " + input + " is missing");
        }
        TensorProto t = graph.constants.get(n.getInput(input));
        if (t == null) throw new IllegalArgumentException("input '" + n.getInput(input) + "' is not a constant");
        return t;
    }

    private float scalar(NodeProto n, int input) {
        TensorProto t = constant(n, input);
        if (Tensors.count(t) != 1) throw new IllegalArgumentException("input '" + n.getInput(input) + "' is not a single number");
        return Tensors.readFloats(t)[0];
    }

    // a[rows x cols] row-major -> [cols x rows]
    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        }
        return t;
    }
}

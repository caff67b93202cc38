package digitlab.nn.onnx.internal;

import digitlab.nn.Layer;
import digitlab.nn.Shape;
import digitlab.nn.conv.Conv2d;
import digitlab.nn.conv.ConvGeometry;
import digitlab.nn.conv.MaxPool2d;
import digitlab.nn.onnx.OnnxExportMapping;
import digitlab.nn.onnx.OnnxGraphWriter;
import java.util.List;
import java.util.Map;

/**
 * The ONNX nodes of the lab's standard layers (inference mode), and the reverse, in {@link GraphImport}:
 * <pre>
 *   dense(units=O)        Gemm(x[N x I], W[O x I], b[O], transB=1)   (after a Flatten when x is an image)
 *   relu, sigmoid, tanh   Relu, Sigmoid, Tanh
 *   leakyrelu(alpha=a)    LeakyRelu(alpha=a)
 *   identity              Identity
 *   softmax               Softmax(axis=1)                              (Flatten first, Reshape after, for images)
 *   dropout(rate=r)       Dropout(x, ratio=r): the identity at inference, kept so the rate survives a round trip
 *   conv2d                Conv(x, W[F x C x K x K], b[F], kernel_shape, strides, pads=[top, left, bottom, right])
 *   maxpool(size, stride) MaxPool(kernel_shape=[s, s], strides=[t, t])
 *   flatten               Flatten(axis=1)
 * </pre>
 * The lab's parameter layouts are already ONNX's: dense {@code W[out x in]} row-major then {@code b[out]};
 * conv2d {@code W[F x C*K*K]} (= {@code [F, C, K, K]} row-major) then {@code b[F]}.
 */
public final class StandardMappings {

    private StandardMappings() {
    }

    /** Puts every standard layer type's mapping into {@code into}. */
    public static void registerAll(Map<String, OnnxExportMapping> into) {
        into.put("dense", StandardMappings::dense);
        into.put("relu", unary("Relu"));
        into.put("sigmoid", unary("Sigmoid"));
        into.put("tanh", unary("Tanh"));
        into.put("identity", unary("Identity"));
        into.put("leakyrelu", (g, layer, p, x) ->
                g.node("LeakyRelu", List.of(x), Map.of("alpha", (float) layer.spec().doubleParam("alpha", 0.01))));
        into.put("softmax", StandardMappings::softmax);
        into.put("dropout", (g, layer, p, x) -> {
            double rate = layer.spec().doubleParam("rate", 0.5);
            return g.node("Dropout", x, g.weights("ratio", new long[0], new float[] {(float) rate}));
        });
        into.put(Conv2d.TYPE, StandardMappings::conv);
        into.put(MaxPool2d.TYPE, StandardMappings::maxPool);
        into.put("flatten", (g, layer, p, x) -> g.node("Flatten", List.of(x), Map.of("axis", 1)));
    }

    private static OnnxExportMapping unary(String op) {
        return (g, layer, p, x) -> g.node(op, x);
    }

    // Y[N x O] = X[N x I] · W^T + b, with W[O x I] as stored (transB=1)
    private static String dense(OnnxGraphWriter g, Layer layer, float[] p, String x) {
        int in = layer.inputShape().size();
        int out = layer.outputShape().size();
        String flat = g.flat(x, layer.inputShape());
        String w = g.weights("weight", new long[] {out, in}, java.util.Arrays.copyOfRange(p, 0, out * in));
        String b = g.weights("bias", new long[] {out}, java.util.Arrays.copyOfRange(p, out * in, out * in + out));
        return g.node("Gemm", List.of(flat, w, b), Map.of("transB", 1));
    }

    // the lab's softmax runs over all values of a sample: over [N, C*H*W] for an image shape
    private static String softmax(OnnxGraphWriter g, Layer layer, float[] p, String x) {
        Shape s = layer.inputShape();
        String y = g.node("Softmax", List.of(g.flat(x, s)), Map.of("axis", 1));
        return g.shaped(y, s);
    }

    private static String conv(OnnxGraphWriter g, Layer layer, float[] p, String x) {
        // inside the lab the registry hands out guarded wrappers of the layer: the same spec makes the same geometry
        Conv2d c = layer instanceof Conv2d direct ? direct : Conv2d.create(layer.spec(), layer.inputShape());
        ConvGeometry geo = c.geometry();
        int f = c.filters();
        int ch = layer.inputShape().channels();
        int k = geo.kernel();
        int weights = f * ch * k * k;
        // zeros after the input: whatever the windows reach beyond it (same padding puts the larger half there)
        int bottom = Math.max((geo.outHeight() - 1) * geo.stride() + k - geo.height() - geo.padTop(), 0);
        int right = Math.max((geo.outWidth() - 1) * geo.stride() + k - geo.width() - geo.padLeft(), 0);
        String w = g.weights("weight", new long[] {f, ch, k, k}, java.util.Arrays.copyOfRange(p, 0, weights));
        String b = g.weights("bias", new long[] {f}, java.util.Arrays.copyOfRange(p, weights, weights + f));
        return g.node("Conv", List.of(x, w, b), Map.of("kernel_shape", new int[] {k, k},
                "strides", new int[] {geo.stride(), geo.stride()},
                "pads", new int[] {geo.padTop(), geo.padLeft(), bottom, right}));
    }

    private static String maxPool(OnnxGraphWriter g, Layer layer, float[] p, String x) {
        MaxPool2d m = layer instanceof MaxPool2d direct ? direct : MaxPool2d.create(layer.spec(), layer.inputShape());
        ConvGeometry geo = m.geometry();
        return g.node("MaxPool", List.of(x), Map.of("kernel_shape", new int[] {geo.kernel(), geo.kernel()},
                "strides", new int[] {geo.stride(), geo.stride()}));
    }
}

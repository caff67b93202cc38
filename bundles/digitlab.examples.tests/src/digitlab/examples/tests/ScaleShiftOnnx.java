package digitlab.examples.tests;

import digitlab.nn.Layer;
import digitlab.nn.Shape;
import digitlab.nn.onnx.OnnxExportMapping;
import digitlab.nn.onnx.OnnxGraphWriter;
import java.util.Arrays;

/**
 * ONNX mapping of {@link ScaleShift}, registered by the {@code onnx} attribute of its contribution:
 * {@code y = Mul(x, a) + c} with {@code a} and {@code c} shaped as one sample ({@code [n]} or {@code [C, H, W]}),
 * which ONNX broadcasts over the batch.
 */
public final class ScaleShiftOnnx implements OnnxExportMapping {

    @Override
    public String export(OnnxGraphWriter graph, Layer layer, float[] p, String input) {
        Shape s = layer.inputShape();
        int n = s.size();
        long[] dims = s.isVector() ? new long[] {n} : new long[] {s.channels(), s.height(), s.width()};
        String a = graph.weights("scale", dims, Arrays.copyOfRange(p, 0, n));
        String c = graph.weights("shift", dims, Arrays.copyOfRange(p, n, 2 * n));
        return graph.node("Add", graph.node("Mul", input, a), c);
    }
}

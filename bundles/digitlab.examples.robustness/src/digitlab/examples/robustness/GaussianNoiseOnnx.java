package digitlab.examples.robustness;

import digitlab.nn.Layer;
import digitlab.nn.onnx.OnnxExportMapping;
import digitlab.nn.onnx.OnnxGraphWriter;

/**
 * The ONNX mapping of {@link GaussianNoise}, registered by the {@code onnx} attribute of its layer contribution:
 * at inference the layer is the identity, so it is written as one {@code Identity} node and models trained with
 * it export like any other.
 */
public final class GaussianNoiseOnnx implements OnnxExportMapping {

    @Override
    public String export(OnnxGraphWriter graph, Layer layer, float[] params, String input) {
        return graph.node("Identity", input);
    }
}

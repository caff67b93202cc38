package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.InputNormalization;
import digitlab.nn.Layer;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.Model;
import digitlab.nn.Pass;
import digitlab.nn.Shape;
import org.junit.jupiter.api.Test;

/**
 * A plugin's layer type: without an ONNX mapping the export stops naming the layer; with one (as the layer
 * extension point's {@code onnx} attribute registers it) the exported model runs in ONNX Runtime.
 */
class OnnxPluginMappingTest {

    /** {@code y = x * s + t} with two parameters, as a plugin might contribute it. */
    static final class ScaleShift implements Layer {
        private final LayerSpec spec;
        private final Shape shape;

        ScaleShift(LayerSpec spec, Shape shape) {
            this.spec = spec;
            this.shape = shape;
        }

        @Override public String type() { return "testscaleshift"; }
        @Override public LayerSpec spec() { return spec; }
        @Override public Shape inputShape() { return shape; }
        @Override public Shape outputShape() { return shape; }
        @Override public int parameterCount() { return 2; }

        @Override
        public void initialize(float[] params, int offset, digitlab.nn.Rng rng) {
            params[offset] = 1.5f;
            params[offset + 1] = -0.25f;
        }

        @Override
        public void forward(Pass pass, float[] p, int offset, float[] x, float[] y, float[] scratch) {
            for (int i = 0; i < pass.batch() * shape.size(); i++) y[i] = x[i] * p[offset] + p[offset + 1];
        }

        @Override
        public void backward(Pass pass, float[] p, int offset, float[] x, float[] y, float[] dy, float[] dx, float[] g, float[] s) {
            throw new UnsupportedOperationException("inference only");
        }
    }

    static {
        LayerRegistry.standard().register("testscaleshift", ScaleShift::new);
    }

    static final String ARCH = "1x28x28 -> flatten -> testscaleshift -> dense(units=10) -> softmax";

    @Test
    void aLayerWithoutMappingIsNamed() {
        Model m = TestModels.random(ARCH, 2, InputNormalization.IDENTITY);
        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.toBytes(m, "plugin model", new OnnxMappings()));
        assertTrue(e.getMessage().startsWith("layer 2 (testscaleshift): no ONNX mapping for layer type 'testscaleshift'"), e.getMessage());
    }

    @Test
    void aPluginMappingRunsInOnnxRuntime() throws Exception {
        Model m = TestModels.random(ARCH, 2, InputNormalization.IDENTITY);
        OnnxMappings mappings = new OnnxMappings();
        mappings.register("testscaleshift", (g, layer, p, x) -> {
            String s = g.weights("scale", new long[0], new float[] {p[0]});
            String t = g.weights("shift", new long[0], new float[] {p[1]});
            return g.node("Add", g.node("Mul", x, s), t);
        });
        byte[] onnx = OnnxExport.toBytes(m, "plugin model", mappings);
        float[] pixels = TestModels.testPixels();
        try (Runtime rt = new Runtime(onnx)) {
            float[] out = rt.run(pixels, 0, 20, new long[] {1, 28, 28});
            for (int i = 0; i < 20; i++) {
                float[] lab = m.predictPixels(java.util.Arrays.copyOfRange(pixels, i * 784, i * 784 + 784));
                assertArrayEquals(lab, java.util.Arrays.copyOfRange(out, i * 10, i * 10 + 10), 1e-6f);
            }
        }
        // the importer knows only the standard operators: Mul of a tensor by a constant is refused, naming the node
        String msg = assertThrows(digitlab.nn.io.ModelFormatException.class,
                () -> OnnxImport.read(onnx, java.nio.file.Path.of("plugin.onnx"))).getMessage();
        assertTrue(msg.startsWith("plugin.onnx: node 'n1' (Mul): operator not supported; supported: [Gemm, "), msg);
    }
}

package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Layer;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.ParameterBlock;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import digitlab.nn.conv.ConvLayers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inside the lab the layer registry hands out the convolution plugin's layers wrapped by the contribution guard;
 * the export must write them exactly as the bare layers (it reads their settings from the spec, not the class).
 */
class WrappedLayersTest {

    /** A layer that only delegates, as the lab's guard does. */
    record Wrapped(Layer inner) implements Layer {
        @Override public String type() { return inner.type(); }
        @Override public LayerSpec spec() { return inner.spec(); }
        @Override public Shape inputShape() { return inner.inputShape(); }
        @Override public Shape outputShape() { return inner.outputShape(); }
        @Override public int parameterCount() { return inner.parameterCount(); }
        @Override public List<ParameterBlock> parameterBlocks() { return inner.parameterBlocks(); }
        @Override public void initialize(float[] p, int offset, Rng rng) { inner.initialize(p, offset, rng); }
        @Override public int scratchSize(int batch) { return inner.scratchSize(batch); }
        @Override public void forward(Pass pass, float[] p, int o, float[] x, float[] y, float[] s) { inner.forward(pass, p, o, x, y, s); }
        @Override public void backward(Pass pass, float[] p, int o, float[] x, float[] y, float[] dy, float[] dx, float[] g, float[] s) {
            inner.backward(pass, p, o, x, y, dy, dx, g, s);
        }
    }

    @Test
    void guardedConvolutionLayersExportAsTheBareOnes() throws Exception {
        String arch = "1x28x28 -> conv2d(filters=4, kernel=5, padding=same) -> relu -> maxpool(2)"
                + " -> conv2d(filters=3, kernel=3, stride=2, padding=valid) -> flatten -> dense(units=10) -> softmax";
        LayerRegistry bare = new LayerRegistry();
        ConvLayers.registerLayers(bare);
        LayerRegistry guarded = new LayerRegistry();
        for (String type : List.of("conv2d", "maxpool", "flatten")) {
            guarded.register(type, (spec, in) -> new Wrapped(bare.create(spec, in)));
        }
        Network a = new Network(Architecture.parse(arch), bare);
        Network b = new Network(Architecture.parse(arch), guarded);
        float[] params = a.initialParameters(4);
        Model ma = TestModels.model(ModelSnapshot.of(a, params), InputNormalization.IDENTITY, "mnist");
        Model mb = TestModels.model(ModelSnapshot.of(b, params), InputNormalization.IDENTITY, "mnist");
        assertArrayEquals(OnnxExport.toBytes(ma, "m", OnnxMappings.standard()), OnnxExport.toBytes(mb, "m", OnnxMappings.standard()));
    }
}

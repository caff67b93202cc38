package digitlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Architecture;
import digitlab.nn.LayerRegistry;
import digitlab.nn.Loss;
import digitlab.nn.Losses;
import digitlab.nn.Network;
import digitlab.nn.Preset;
import digitlab.nn.TrainingConfig;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import digitlab.nn.BatchBuffers;
import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layers inside networks built from text through a layer registry: end-to-end gradients of a small
 * CNN with softmax cross-entropy, and the lenet preset's shapes.
 */
class ConvNetworkTest {

    static LayerRegistry registry() {
        LayerRegistry r = new LayerRegistry();
        ConvLayers.registerLayers(r);
        return r;
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 7})
    void smallCnnGradientsMatchFiniteDifferences(int batch) {
        Network net = new Network(Architecture.parse("1x7x7 -> conv2d(filters=3, kernel=3, padding=same) -> tanh"
                + " -> maxpool(2) -> conv2d(filters=2, kernel=2, stride=2, padding=same) -> flatten -> dense(4) -> softmax"),
                registry());
        Loss loss = Losses.get("xent");
        float[] params = net.initialParameters(42);
        Rng rng = new Rng(9);
        for (int i = 0; i < params.length; i++) params[i] += (float) (0.1 * rng.nextGaussian());
        BatchBuffers ws = net.newBuffers(batch, new ReferenceKernels(1));
        for (int i = 0; i < batch * net.inputSize(); i++) ws.input()[i] = (float) rng.nextGaussian();
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) labels[b] = rng.nextInt(4);
        float[] grads = new float[params.length];
        ws.forward(params, batch, true, 1);
        ws.backward(params, grads, labels, loss, 1);
        // A smaller step than the layer checks' 1e-2: a parameter change moves many pooled values at once,
        // and a step of 1e-3 keeps them from swapping a window's maximum (float error stays ~1e-4).
        double h = 1e-3;
        for (int i = 0; i < params.length; i++) {
            float saved = params[i];
            params[i] = (float) (saved + h);
            ws.forward(params, batch, true, 1);
            double plus = ws.loss(labels, loss);
            params[i] = (float) (saved - h);
            ws.forward(params, batch, true, 1);
            double minus = ws.loss(labels, loss);
            params[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertTrue(Math.abs(grads[i] - numeric) <= LayerGradients.ABS_TOL + LayerGradients.REL_TOL * Math.abs(numeric),
                    "parameter " + i + ": backprop " + grads[i] + " vs finite difference " + numeric);
        }
    }

    @Test
    void lenetPresetBuildsWithTheConvLayers() {
        Network net = new Network(LeNet.PRESET.architecture(), registry());
        assertEquals(new Shape(1, 28, 28), net.architecture().input());
        assertEquals(10, net.outputSize());
        assertEquals(new Shape(16, 14, 14), net.layers().get(2).outputShape());
        assertEquals(new Shape(32, 5, 5), net.layers().get(5).outputShape());
        assertEquals(16 * 25 + 16 + 32 * 16 * 25 + 32 + 800 * 128 + 128 + 128 * 10 + 10, net.parameterCount());
        assertEquals("lenet", new LeNet().get().name());
        LeNet.PRESET.config().validate();
    }

    @Test
    void speedrunPresetIsLenetsNetworkWithItsOwnRecipe() {
        Preset p = new Speedrun().get();
        assertEquals("speedrun", p.name());
        assertEquals("none", p.augmentation());
        Network net = new Network(p.architecture(), registry());
        assertEquals(new Shape(1, 28, 28), net.architecture().input());
        assertEquals(new Shape(16, 14, 14), net.layers().get(2).outputShape());
        assertEquals(new Shape(32, 5, 5), net.layers().get(5).outputShape());
        assertEquals(10, net.outputSize());
        assertEquals(new Network(LeNet.PRESET.architecture(), registry()).parameterCount(), net.parameterCount());
        TrainingConfig c = p.config().validate();
        assertEquals("adam", c.optimizer());
        assertEquals(32, c.batchSize());
        assertEquals(2, c.epochs());
        assertEquals("cosine", c.schedule());
    }

    @Test
    void unknownTypesFailWithoutTheRegistration() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Network(LeNet.PRESET.architecture(), new LayerRegistry()));
        assertTrue(e.getMessage().contains("unknown layer type 'conv2d'"), e.getMessage());
    }
}

package @@ID@@;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Evaluation;
import digitlab.nn.Layer;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.Network;
import digitlab.nn.Pass;
import digitlab.nn.Preset;
import digitlab.nn.SampleSource;
import digitlab.nn.Shape;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingResult;
import digitlab.nn.kernel.ReferenceKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The layer type against its formulas (finite differences), its parameter checks, and its preset training. */
class @@CLASS@@Test {

    private static final int BATCH = 3;
    private static final int SIZE = 5;

    private static Layer layer(String... keyValues) {
        return new @@CLASS@@.Factory().create(LayerSpec.of(@@CLASS@@.TYPE, keyValues), Shape.vector(SIZE));
    }

    /** L = sum(r * y) for a fixed random r, in double precision from the layer's float output. */
    private static double loss(Layer layer, float[] params, float[] x, float[] r) {
        Pass pass = new Pass(new ReferenceKernels(1));
        pass.set(BATCH, true);
        float[] y = new float[x.length];
        layer.forward(pass, params, 0, x, y, new float[0]);
        double l = 0;
        for (int i = 0; i < y.length; i++) l += r[i] * (double) y[i];
        return l;
    }

    @Test
    void backwardMatchesFiniteDifferencesForTheInputAndBeta() {
        Layer layer = layer("beta", "1.5");
        float[] params = new float[layer.parameterCount()];
        layer.initialize(params, 0, null);
        assertEquals(1.5f, params[0], "beta starts at its given value");
        Random random = new Random(7);
        float[] x = new float[BATCH * SIZE];
        float[] r = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 2);
            r[i] = (float) random.nextGaussian();
        }
        Pass pass = new Pass(new ReferenceKernels(1));
        pass.set(BATCH, true);
        float[] y = new float[x.length];
        layer.forward(pass, params, 0, x, y, new float[0]);
        float[] dx = new float[x.length];
        float[] grads = new float[1];
        layer.backward(pass, params, 0, x, y, r, dx, grads, new float[0]);

        float h = 1e-2f;
        for (int i = 0; i < x.length; i++) {
            float[] plus = x.clone(), minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (loss(layer, params, plus, r) - loss(layer, params, minus, r)) / (2 * h);
            assertEquals(numeric, dx[i], 2e-3 * Math.max(1, Math.abs(numeric)), "dL/dx[" + i + "]");
        }
        float[] up = {params[0] + h}, down = {params[0] - h};
        double numeric = (loss(layer, up, x, r) - loss(layer, down, x, r)) / (2 * h);
        assertEquals(numeric, grads[0], 2e-3 * Math.max(1, Math.abs(numeric)), "dL/dbeta");

        float[] more = {0.25f};
        layer.backward(pass, params, 0, x, y, r, null, more, new float[0]);
        assertEquals(0.25f + grads[0], more[0], 1e-5f, "backward adds to the parameter gradient, dx may be null");
    }

    @Test
    void badParametersAreRefusedByName() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> layer("beta", "11"));
        assertTrue(range.getMessage().contains("beta"), range.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> layer("alpha", "1"));
        assertTrue(unknown.getMessage().contains("alpha"), unknown.getMessage());
    }

    @Test
    void thePresetTrainsOnAToyProblem() {
        LayerRegistry registry = new LayerRegistry();
        registry.register(@@CLASS@@.TYPE, new @@CLASS@@.Factory());
        Preset preset = new @@CLASS@@Preset().get();
        assertEquals(@@CLASS@@Preset.NAME, preset.name());
        Network net = new Network(preset.architecture(), registry);
        assertEquals(@@CLASS@@.TYPE, net.layers().get(1).type());

        Trainer trainer = new Trainer(net, preset.config().toBuilder().epochs(2).build(), new ReferenceKernels(1));
        TrainingResult result = trainer.train(new Bars(600, 1), null, null, null);
        assertEquals(TrainingResult.Status.COMPLETED, result.status(), result.message());
        Evaluation test = trainer.evaluate(new Bars(200, 2));
        assertTrue(test.accuracy() >= 0.9, "test accuracy " + test.accuracy());
    }

    /** 28x28 images with a bright horizontal bar in row 2 * label + 4 (10 classes) on noise. */
    private record Bars(int size, long seed) implements SampleSource {
        @Override public int inputSize() { return 784; }
        @Override public int label(int i) { return (int) Math.floorMod(i * 7919L + seed, 10L); }
        @Override
        public void copyInput(int i, float[] dst, int off) {
            Random noise = new Random(seed * 100_003L + i);
            int row = 2 * label(i) + 4;
            for (int p = 0; p < 784; p++) dst[off + p] = (p / 28 == row ? 1f : 0f) + 0.3f * noise.nextFloat();
        }
    }
}

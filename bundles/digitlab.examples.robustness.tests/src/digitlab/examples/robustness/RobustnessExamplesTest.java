package digitlab.examples.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Layer;
import digitlab.nn.LayerSpec;
import digitlab.nn.Optimizer;
import digitlab.nn.Pass;
import digitlab.nn.Shape;
import digitlab.nn.TrainingConfig;
import digitlab.nn.kernel.KernelSelector;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The three contributions of the robustness example plugin, each against what it promises. */
class RobustnessExamplesTest {

    private static Layer noise(double stddev, int size) {
        return new GaussianNoise.Factory().create(LayerSpec.of("gaussiannoise", "stddev", Double.toString(stddev)),
                Shape.vector(size));
    }

    @Test
    void noiseIsTheIdentityAtInferenceAndHasItsStandardDeviationWhileTraining() {
        int n = 50_000;
        Layer layer = noise(0.3, n);
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) x[i] = i % 7 * 0.1f;
        Pass pass = new Pass(KernelSelector.create(1));
        pass.set(1, false);
        layer.forward(pass, new float[0], 0, x, y, new float[0]);
        assertArrayEquals(x, y);

        pass.set(1, true);
        pass.setSeed(42);
        layer.forward(pass, new float[0], 0, x, y, new float[0]);
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - x[i];
            sum += d;
            sq += d * d;
        }
        double mean = sum / n, sd = Math.sqrt(sq / n - mean * mean);
        assertEquals(0, mean, 0.01); // 5 standard errors of 0.3 / sqrt(50,000)
        assertEquals(0.3, sd, 0.01);
        float[] again = new float[n];
        layer.forward(pass, new float[0], 0, x, again, new float[0]);
        assertArrayEquals(y, again, "the same seed gives the same noise");

        float[] dy = new float[n], dx = new float[n];
        for (int i = 0; i < n; i++) dy[i] = (i % 5) - 2;
        layer.backward(pass, new float[0], 0, x, y, dy, dx, new float[0], new float[0]);
        assertArrayEquals(dy, dx, "the noise does not depend on the input: the gradient passes through");
    }

    @Test
    void aNegativeStandardDeviationIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noise(-1, 4));
        assertTrue(e.getMessage().contains("stddev"), e.getMessage());
    }

    @Test
    void adagradsFirstStepMovesEveryParameterByTheLearningRateAndItsStateResumes() {
        TrainingConfig config = TrainingConfig.defaults();
        Optimizer a = new AdaGradFactory().create(config, 3);
        float[] p = {1f, -2f, 0.5f};
        float[] g = {0.001f, -40f, 3f};
        a.step(p, g, null, 0.1f);
        // s = g^2, so g / sqrt(s) = sign(g): each parameter moves by lr against its gradient, whatever its size
        // (up to the 1e-8 in the denominator: 1e-5 of the step for the gradient of 0.001)
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.4f}, p, 1e-5f);

        Optimizer b = new AdaGradFactory().create(config, 3);
        b.restore(a.state(), a.steps());
        float[] pa = p.clone(), pb = p.clone();
        a.step(pa, g, null, 0.1f);
        b.step(pb, g, null, 0.1f);
        assertArrayEquals(pa, pb);
        // the second equal gradient moves by lr / sqrt(2): AdaGrad's steps shrink as gradients add up
        assertEquals(0.1f / Math.sqrt(2), p[0] - pa[0], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> b.restore(new float[][] {new float[2]}, 1));
    }

    @Test
    void theUciDigitsLoadInMnistsForm() throws IOException {
        Dataset d = new UciDigitsProvider().load();
        ImageSet train = d.part(Split.TRAIN), validation = d.part(Split.VALIDATION), test = d.part(Split.TEST);
        assertEquals(800, train.size());
        assertEquals(200, validation.size());
        assertEquals(797, test.size());
        assertEquals(28, test.width());
        for (int c : test.classCounts()) assertTrue(c >= 70, "every class among the test images");
        for (int i = 0; i < test.size(); i++) {
            int peak = 0;
            for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) peak = Math.max(peak, test.pixel(i, x, y));
            assertEquals(255, peak, "image " + i + " scaled to full ink");
        }
    }

    @Test
    void aBrokenDigitsFileIsNamedWithItsLine() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1001; i++) csv.append("0,".repeat(64)).append(i % 10).append('\n');
        String good = csv.toString();
        IOException shortLine = assertThrows(IOException.class,
                () -> UciDigitsProvider.parse(good.replaceFirst("0,0,", ""), "digits.csv"));
        assertTrue(shortLine.getMessage().startsWith("digits.csv, line 1: 63 values"), shortLine.getMessage());
        IOException badPixel = assertThrows(IOException.class,
                () -> UciDigitsProvider.parse("17," + good.substring(2), "digits.csv"));
        assertTrue(badPixel.getMessage().contains("line 1") && badPixel.getMessage().contains("17"), badPixel.getMessage());
        IOException tooFew = assertThrows(IOException.class, () -> UciDigitsProvider.parse("1,2\n", "digits.csv"));
        assertTrue(tooFew.getMessage().contains("digits.csv"), tooFew.getMessage());
    }
}

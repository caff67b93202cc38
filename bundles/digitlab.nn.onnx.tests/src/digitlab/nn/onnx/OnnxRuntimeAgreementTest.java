package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Evaluation;
import digitlab.nn.InputNormalization;
import digitlab.nn.Losses;
import digitlab.nn.Model;
import digitlab.nn.Presets;
import digitlab.nn.SampleSource;
import digitlab.train.ModelService;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Exported models run in ONNX Runtime (the real runtime, a test-only dependency from Maven Central) give, for
 * all 10,000 MNIST test images, the same class as the lab and probabilities within 1e-5: the ready model, the
 * mlp preset and the lenet preset (each trained for a moment, so their outputs are not uniform), and a model
 * with a non-trivial input normalisation.
 */
class OnnxRuntimeAgreementTest {

    static final float TOLERANCE = 1e-5f;

    @Test
    void readyModel() throws Exception {
        agree("ready model", ModelService.readyModel());
    }

    @Test
    void mlpPreset() throws Exception {
        agree("mlp preset", TestModels.trained(Presets.MLP, 10_000, 1));
    }

    @Test
    void lenetPreset() throws Exception {
        agree("lenet preset", TestModels.trained(TestModels.lenet(), 6_000, 1));
    }

    @Test
    void normalisedInputs() throws Exception {
        Model m = TestModels.random("1x28x28 -> conv2d(filters=6, kernel=3, stride=2, padding=same) -> tanh -> flatten"
                + " -> dense(units=10) -> softmax", 5, new InputNormalization(0.1307, 0.3081));
        agree("normalised conv net", m);
    }

    /** Runs {@code m} in the lab and, exported, in ONNX Runtime over the 10,000 test images and compares. */
    static void agree(String what, Model m) throws Exception {
        ImageSet test = TestModels.mnist().part(Split.TEST);
        float[] pixels = TestModels.testPixels();
        int n = test.size();
        int classes = m.snapshot().network().outputSize();
        Evaluation lab = m.snapshot().evaluate(normalised(pixels, n, m.metadata().normalization(), test), Losses.CROSS_ENTROPY);
        byte[] onnx = OnnxExport.toBytes(m, "Digit Lab " + what, OnnxMappings.standard());
        int sameClass = 0;
        float maxDiff = 0;
        try (Runtime rt = new Runtime(onnx)) {
            int batch = 500;
            for (int from = 0; from < n; from += batch) {
                int size = Math.min(batch, n - from);
                float[] out = rt.run(pixels, from, size, new long[] {1, 28, 28});
                assertEquals(size * classes, out.length, what + ": ONNX Runtime's output size");
                for (int r = 0; r < size; r++) {
                    int best = 0;
                    for (int c = 0; c < classes; c++) {
                        float p = out[r * classes + c];
                        maxDiff = Math.max(maxDiff, Math.abs(p - lab.probability(from + r, c)));
                        if (p > out[r * classes + best]) best = c;
                    }
                    if (best == lab.predicted(from + r)) sameClass++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime vs Digit Lab, %s: %d of %d test images the same class,"
                + " max probability difference %.3g, lab accuracy %.2f %%%n", what, sameClass, n, maxDiff, 100 * lab.accuracy());
        assertEquals(n, sameClass, what + ": images classified differently by ONNX Runtime");
        assertTrue(maxDiff <= TOLERANCE, what + ": max probability difference " + maxDiff);
    }

    // as Model.predictPixels: InputNormalization.apply(float[]), (x - mean) * (1/std) in float
    private static SampleSource normalised(float[] pixels, int n, InputNormalization norm, ImageSet labels) {
        float mean = (float) norm.mean();
        float inv = (float) (1.0 / norm.std());
        return new SampleSource() {
            @Override public int size() { return n; }
            @Override public int inputSize() { return 784; }
            @Override public int label(int i) { return labels.label(i); }
            @Override public void copyInput(int i, float[] dst, int off) {
                for (int k = 0; k < 784; k++) dst[off + k] = (pixels[i * 784 + k] - mean) * inv;
            }
        };
    }
}

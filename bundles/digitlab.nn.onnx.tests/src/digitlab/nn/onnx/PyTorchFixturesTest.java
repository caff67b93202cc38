package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Models made by PyTorch ({@code fixtures/make-pytorch-fixtures.py} with Debian's python3-torch,
 * {@code torch.onnx.export}) import and give PyTorch's outputs within 1e-5 on the batch PyTorch computed;
 * their export runs in ONNX Runtime with the same outputs, and export -> import -> export is stable.
 */
class PyTorchFixturesTest {

    static final float TOLERANCE = 1e-5f;

    static {
        TestModels.class.getName(); // registers the convolution layers
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "mlp   | 784 -> dense(units=64) -> relu -> dense(units=32) -> tanh -> dense(units=10) -> softmax | 0 | 1",
        "lenet | 1x28x28 -> conv2d(filters=6, kernel=5, stride=1, padding=same) -> relu -> maxpool(size=2, stride=2)"
                + " -> conv2d(filters=16, kernel=5, stride=1, padding=valid) -> relu -> maxpool(size=2, stride=2) -> flatten"
                + " -> dense(units=64) -> relu -> dense(units=10) -> softmax | 0.1307 | 0.3081"
    })
    void importGivesPyTorchsOutputs(String name, String architecture, double mean, double std) throws Exception {
        byte[] onnx = resource(name + ".onnx");
        Model m = OnnxImport.read(onnx, Path.of(name + ".onnx"));
        assertEquals(architecture, m.snapshot().architecture().toString());
        InputNormalization norm = m.metadata().normalization();
        assertEquals(mean, norm.mean(), 1e-7, "mean");
        assertEquals(std, norm.std(), 1e-7, "std");
        assertEquals("onnx", m.metadata().properties().get("origin"));
        assertTrue(m.metadata().properties().get("producer").startsWith("pytorch"), m.metadata().properties().toString());

        Map<?, ?> batch = (Map<?, ?>) Json.parse(new String(resource(name + ".batch.json"), StandardCharsets.UTF_8));
        float[] x = floats(batch.get("inputs"));
        float[] expected = floats(batch.get("outputs"));
        int size = m.snapshot().network().inputSize();
        int classes = m.snapshot().network().outputSize();
        int samples = x.length / size;
        assertEquals(samples * classes, expected.length);
        float maxDiff = 0;
        for (int s = 0; s < samples; s++) {
            float[] out = m.predictPixels(java.util.Arrays.copyOfRange(x, s * size, s * size + size));
            for (int c = 0; c < classes; c++) maxDiff = Math.max(maxDiff, Math.abs(out[c] - expected[s * classes + c]));
        }
        System.out.printf(Locale.ROOT, "PyTorch fixture %s: %d samples, max output difference %.3g%n", name, samples, maxDiff);
        assertTrue(maxDiff <= TOLERANCE, name + ": max difference to PyTorch " + maxDiff);

        // the lab's export of it runs in ONNX Runtime with PyTorch's outputs, and is stable
        byte[] exported = OnnxExport.toBytes(m, "imported " + name, OnnxMappings.standard());
        long[] shape = size == 784 && m.snapshot().architecture().input().isVector() ? new long[] {784} : new long[] {1, 28, 28};
        try (Runtime rt = new Runtime(exported)) {
            float[] out = rt.run(x, 0, samples, shape);
            for (int i = 0; i < out.length; i++) {
                assertEquals(expected[i], out[i], TOLERANCE, name + ": ONNX Runtime on the lab's export, value " + i);
            }
        }
        Model again = OnnxImport.read(exported, Path.of("exported.onnx"));
        assertEquals(java.util.Arrays.toString(exported),
                java.util.Arrays.toString(OnnxExport.toBytes(again, "imported " + name, OnnxMappings.standard())));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PyTorchFixturesTest.class.getResourceAsStream("/fixtures/pytorch/" + name)) {
            assertNotNull(in, "fixture " + name + " is missing");
            return in.readAllBytes();
        }
    }

    private static float[] floats(Object list) {
        List<?> l = (List<?>) list;
        float[] f = new float[l.size()];
        for (int i = 0; i < f.length; i++) f[i] = ((Double) l.get(i)).floatValue();
        return f;
    }
}

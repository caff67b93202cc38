package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.Rng;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Export then import gives the same function, labels, dataset, metrics and normalisation; and export ->
 * import -> export gives the same bytes, for every standard layer type (each architecture below uses some).
 */
class OnnxRoundTripTest {

    static {
        TestModels.class.getName(); // registers the convolution layers
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1x28x28 -> dense(units=256, init=he) -> relu -> dropout(rate=0.2) -> dense(units=128) -> relu -> dropout(rate=0.2) -> dense(units=10) -> softmax",
        "1x28x28 -> dense(units=28) -> sigmoid -> dense(units=28) -> sigmoid -> dense(units=10) -> sigmoid",
        "784 -> dense(units=32) -> tanh -> dense(units=16) -> leakyrelu(alpha=0.1) -> dense(units=10) -> identity",
        "1x28x28 -> conv2d(filters=16, kernel=5, padding=same) -> relu -> maxpool(2) -> conv2d(filters=32, kernel=5, padding=valid)"
                + " -> relu -> maxpool(2) -> flatten -> dense(units=128, init=he) -> relu -> dense(units=10) -> softmax",
        "1x28x28 -> conv2d(filters=4, kernel=4, stride=2, padding=same) -> relu -> maxpool(size=3, stride=2) -> dense(units=10) -> softmax",
        "3x9x7 -> conv2d(filters=5, kernel=3, stride=2, padding=valid) -> sigmoid -> conv2d(filters=2, kernel=2, padding=same) -> flatten -> dense(units=3) -> softmax"
    })
    void exportImportExportIsStable(String architecture) throws Exception {
        for (InputNormalization norm : new InputNormalization[] {InputNormalization.IDENTITY, new InputNormalization(0.1307, 0.3081)}) {
            Model m = TestModels.random(architecture, 7, norm);
            byte[] first = OnnxExport.toBytes(m, "Digit Lab test model", OnnxMappings.standard());
            Model back = OnnxImport.read(first, Path.of("first.onnx"));
            assertEquals(m.metadata().classLabels(), back.metadata().classLabels());
            assertEquals(m.metadata().datasetId(), back.metadata().datasetId());
            assertEquals(m.metadata().metrics(), back.metadata().metrics());
            assertEquals(norm, back.metadata().normalization());
            assertEquals("onnx", back.metadata().properties().get("origin"));
            int in = m.snapshot().network().inputSize();
            Rng rng = new Rng(3);
            for (int s = 0; s < 5; s++) {
                float[] pixels = new float[in];
                for (int i = 0; i < in; i++) pixels[i] = rng.nextFloat();
                // the same layers and parameters (at most an explicit flatten more): the same bits
                assertArrayEquals(m.predictPixels(pixels), back.predictPixels(pixels), 0f, architecture);
            }
            byte[] second = OnnxExport.toBytes(back, "Digit Lab test model", OnnxMappings.standard());
            assertArrayEquals(first, second, "export -> import -> export changed the file: " + architecture);
        }
    }
}

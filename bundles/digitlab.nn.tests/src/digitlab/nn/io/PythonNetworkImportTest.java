package digitlab.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonNetworkImportTest {

    @TempDir
    Path dir;

    /**
     * A 2-2-1 network worked out by hand: W1 = [[1, -1], [0.5, 0.5]], b1 = [0, -1], W2 = [[1, 1]],
     * b2 = [-0.5]. For a = (1, 0): z1 = (1, -0.5), a1 = (0.7310586, 0.3775407),
     * z2 = 0.7310586 + 0.3775407 - 0.5 = 0.6085993, output sigmoid(z2) = 0.6476212.
     * For a = (0.2, 0.6): z1 = (-0.4, -0.6), a1 = (0.4013123, 0.3543437), output sigmoid(0.2556560) = 0.5635682.
     */
    static final String SMALL = "{\"weights\": [[[1, -1], [0.5, 0.5]], [[1, 1]]], \"biases\": [[0, -1], [-0.5]]}";

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("net.json"), json);
    }

    @Test
    void smallHandMadeNetworkGivesTheExpectedOutputs() throws IOException {
        Model m = PythonNetworkImport.load(write(SMALL));
        assertEquals("2 -> dense(units=2) -> sigmoid -> dense(units=1) -> sigmoid", m.snapshot().architecture().toString());
        assertArrayEquals(new float[] {0.6476212f}, m.snapshot().predict(new float[] {1, 0}), 1e-6f);
        assertArrayEquals(new float[] {0.5635682f}, m.snapshot().predict(new float[] {0.2f, 0.6f}), 1e-6f);
        float[][] acts = m.snapshot().activations(new float[] {1, 0});
        assertArrayEquals(new float[] {0.7310586f, 0.3775407f}, acts[1], 1e-6f);
        assertEquals("python-json", m.metadata().properties().get("origin"));
        assertEquals("unknown", m.metadata().datasetId());
    }

    @Test
    void numpyColumnBiasesAndSizesAreAccepted() throws IOException {
        Model m = PythonNetworkImport.load(write("{\"sizes\": [2, 2, 1], \"weights\": [[[1, -1], [0.5, 0.5]], [[1, 1]]],"
                + " \"biases\": [[[0], [-1]], [[-0.5]]], \"cost\": \"QuadraticCost\"}"));
        assertArrayEquals(new float[] {0.6476212f}, m.snapshot().predict(new float[] {1, 0}), 1e-6f);
    }

    @Test
    void an784NetworkBecomesAnMnistImageModel() throws IOException {
        StringBuilder sb = new StringBuilder("{\"weights\": [[");
        for (int r = 0; r < 3; r++) {
            sb.append(r > 0 ? "," : "").append('[');
            for (int c = 0; c < 784; c++) sb.append(c > 0 ? "," : "").append(c % 7 == r ? "0.01" : "0");
            sb.append(']');
        }
        sb.append("], [");
        for (int r = 0; r < 10; r++) sb.append(r > 0 ? "," : "").append("[1, -1, ").append(r * 0.1).append(']');
        sb.append("]], \"biases\": [[0, 0, 0], [0,0,0,0,0,0,0,0,0,0]]}");
        Model m = PythonNetworkImport.load(write(sb.toString()));
        assertEquals("1x28x28", m.snapshot().architecture().input().toString());
        assertEquals("mnist", m.metadata().datasetId());
        assertEquals(10, m.snapshot().predict(new float[784]).length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"biases\": []}                                         | the key \"weights\" is missing (expected {\"weights\": [...], \"biases\": [...]})",
        "[1, 2]                                                   | the top level: expected an object, found a list",
        "{\"weights\": [], \"biases\": []}                        | weights: the list is empty; a network needs at least one layer",
        "{\"weights\": [[[1, 2]]], \"biases\": [[0], [1]]}        | weights has 1 layers but biases has 2",
        "{\"weights\": [[[1, 2], [3]]], \"biases\": [[0, 0]]}     | weights[0][1]: the row has 1 numbers, expected 2",
        "{\"weights\": [[[1, 2], [3, \"4\"]]], \"biases\": [[0, 0]]} | weights[0][1][1]: expected a number, found the string \"4\"",
        "{\"weights\": [[[1, 2], [3, 4]]], \"biases\": [[0]]}      | biases[0]: 1 biases, expected 2 (the rows of weights[0])",
        "{\"weights\": [[[1, 2], [3, 4]]], \"biases\": [[0, [1, 2]]]} | biases[0][1]: expected a number or [number], found a list of 2",
        "{\"weights\": [[[1, 2], [3, 4]]], \"biases\": [[0, null]]} | biases[0][1]: expected a number, found nothing",
        "{\"weights\": [[[1, 2], [3, 1e39]]], \"biases\": [[0, 0]]} | weights[0][1][1]: 1.0E39 does not fit in a float",
        "{\"sizes\": [2, 3], \"weights\": [[[1, 2], [3, 4]]], \"biases\": [[0, 0]]} | sizes [2, 3] does not match the weight shapes [2, 2]",
        "{\"weights\": [[[NaN, 2]]], \"biases\": [[0]]}           | invalid JSON: 'NaN' is not valid JSON (numbers must be finite) at line 1, column 16",
    })
    void brokenNetworksNameTheProblem(String json, String message) throws IOException {
        Path f = write(json);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> PythonNetworkImport.load(f));
        assertEquals(f + ": " + message, e.getMessage());
    }

    @Test
    void firstLayerShapeMismatchIsNamed() throws IOException {
        Path f = write("{\"weights\": [[[1, 2], [3, 4]], [[1, 2, 3]]], \"biases\": [[0, 0], [0]]}");
        String m = assertThrows(ModelFormatException.class, () -> PythonNetworkImport.load(f)).getMessage();
        assertTrue(m.endsWith("weights[1]: rows have 3 numbers, expected 2 (the number of rows of weights[0], i.e. the outputs of layer 1)"), m);
    }

    @Test
    void emptyAndBinaryFiles() throws IOException {
        Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
        assertEquals(empty + ": the file is empty",
                assertThrows(ModelFormatException.class, () -> PythonNetworkImport.load(empty)).getMessage());
        Path binary = Files.write(dir.resolve("bin.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(binary + ": not a JSON text file (invalid UTF-8)",
                assertThrows(ModelFormatException.class, () -> PythonNetworkImport.load(binary)).getMessage());
    }
}

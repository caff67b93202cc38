package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.nn.io.ModelFormatException;
import digitlab.train.ModelFiles;
import digitlab.train.ModelService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place that takes a model takes every format, by content: {@code --model} of eval, export and import,
 * and {@link ModelService#setFromFile} (Open Model, the canvas's chooser, the remembered current model) read a
 * .dlm, the original project's JSON network and ONNX, whatever the file is called; anything else is one line
 * naming the file. The original project's saved network scores its 95.86 %.
 */
class ModelFilesTest {

    @TempDir
    Path dir;

    /** The original project's output/neural_network_28x28.json (fixtures/original-project). */
    Path originalNetwork() throws IOException {
        Path f = dir.resolve("neural_network_28x28.json");
        try (InputStream in = ModelFilesTest.class.getResourceAsStream("/fixtures/original-project/neural_network_28x28.json")) {
            assertNotNull(in, "the fixture is missing");
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void theOriginalProjectsNetworkScoresItsFigure() throws IOException {
        CliTest.Result r = CliTest.cli("eval", "--model", originalNetwork().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        // 9,586 of 10,000: inputs scaled to [0, 1], sigmoid outputs, as the original project measured it
        assertEquals(0.9586, ((Number) r.json().get("test_accuracy")).doubleValue(), 1e-9, r.out());
    }

    @Test
    void exportImportAndEvalGoThroughEveryFormat() throws IOException {
        Path json = originalNetwork();
        Path onnx = dir.resolve("original.onnx");
        CliTest.Result export = CliTest.cli("export", "--model", json.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().startsWith("wrote " + onnx + " (onnx, "), export.out());
        // by content, not by name: the ONNX file named .dlm, the JSON named .bin
        Path misnamed = Files.copy(onnx, dir.resolve("model.dlm"));
        Path jsonMisnamed = Files.copy(json, dir.resolve("weights.bin"));
        for (Path p : new Path[] {onnx, misnamed, jsonMisnamed}) {
            CliTest.Result r = CliTest.cli("eval", "--model", p.toString(), "--json");
            assertEquals(0, r.code(), p + ": " + r.err());
            assertEquals(0.9586, ((Number) r.json().get("test_accuracy")).doubleValue(), 1e-9, p.toString());
        }
        Path dlm = dir.resolve("imported.dlm");
        CliTest.Result imp = CliTest.cli("import", onnx.toString(), "--out", dlm.toString(), "--json");
        assertEquals(0, imp.code(), imp.err());
        Model m = ModelFormat.load(dlm);
        assertEquals("784 -> dense(units=28) -> sigmoid -> dense(units=28) -> sigmoid -> dense(units=10) -> sigmoid"
                .replace("784", "1x28x28 -> flatten"), m.snapshot().architecture().toString());
        assertEquals("onnx", m.metadata().properties().get("origin"));
        CliTest.Result eval = CliTest.cli("eval", "--model", dlm.toString(), "--json");
        assertEquals(0.9586, ((Number) eval.json().get("test_accuracy")).doubleValue(), 1e-9);
    }

    @Test
    void theCurrentModelExportsAndComesBackTheSame() throws IOException {
        Path onnx = dir.resolve("current.onnx");
        CliTest.Result export = CliTest.cli("export", "--out", onnx.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        assertEquals("onnx", export.json().get("format"));
        Model ready = ModelService.readyModel();
        Model back = ModelFiles.load(onnx);
        assertEquals(ready.metadata().classLabels(), back.metadata().classLabels());
        assertEquals(ready.metadata().metrics(), back.metadata().metrics());
        float[] pixels = new float[784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (i * 37 % 101) / 100f;
        float[] a = ready.predictPixels(pixels);
        float[] b = back.predictPixels(pixels);
        for (int c = 0; c < a.length; c++) assertEquals(a[c], b[c], 0f, "class " + c);
    }

    @Test
    void setFromFileTakesEveryFormat() throws IOException {
        Path json = originalNetwork();
        try {
            Model m = ModelService.get().setFromFile(json);
            assertEquals("python-json", m.metadata().properties().get("origin"));
            assertEquals(json.toString(), ModelService.get().current().source());
        } finally {
            ModelService.get().resetToReady();
        }
    }

    @Test
    void anythingElseIsOneLineNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(text));
        assertEquals(text + ": not a model file: neither a Digit Lab model (.dlm), the original project's JSON network"
                + " ({\"weights\": [...], \"biases\": [...]}) nor an ONNX model (it starts with bytes 68 65 6c 6c 6f)", e.getMessage());
        CliTest.assertOneLine(CliTest.cli("eval", "--model", text.toString()), 1, text + ": not a model file");
        CliTest.assertOneLine(CliTest.cli("predict", "--model", text.toString(), text.toString()), 1, text + ": not a model file");
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        CliTest.assertOneLine(CliTest.cli("import", empty.toString(), "--out", dir.resolve("x.dlm").toString()), 1,
                empty + ": the file is empty");
        Path cut = dir.resolve("cut.onnx");
        CliTest.cli("export", "--out", cut.toString());
        byte[] all = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        CliTest.assertOneLine(CliTest.cli("eval", "--model", cut.toString()), 1,
                cut + ": not an ONNX model, or a truncated or damaged one");
        assertTrue(Files.notExists(dir.resolve("x.dlm")));
        CliTest.assertOneLine(CliTest.cli("export", "--format", "tflite", "--out", "x"), 2, "--format: 'tflite' is not onnx or dlm");
        CliTest.assertOneLine(CliTest.cli("export"), 2, "--out is required");
        CliTest.assertOneLine(CliTest.cli("import", "--out", "x.dlm"), 2, "name one model file to import (got 0)");
    }
}

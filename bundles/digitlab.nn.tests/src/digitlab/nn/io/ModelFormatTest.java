package digitlab.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Presets;
import digitlab.nn.Rng;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFormatTest {

    @TempDir
    Path dir;

    static Model sampleModel() {
        Architecture arch = Presets.get("mlp").architecture();
        Network net = new Network(arch);
        ModelSnapshot snapshot = ModelSnapshot.of(net, net.initialParameters(5), 3, 0, 2580);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", 0.9842);
        metrics.put("test_loss", 0.051);
        ModelMetadata meta = new ModelMetadata("mnist", ModelMetadata.digitLabels(10), new InputNormalization(0.1307, 0.3081),
                Presets.get("mlp").config().withSeed(-8070450532247928832L), metrics,
                Instant.parse("2026-11-24T01:02:03Z"), Map.of("run", "run-7"));
        return new Model(snapshot, meta);
    }

    private Path saved() throws IOException {
        Path file = dir.resolve("model.dlm");
        ModelFormat.save(sampleModel(), file);
        return file;
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndMetadata() throws IOException {
        Model original = sampleModel();
        Path file = saved();
        Model loaded = ModelFormat.load(file);
        assertEquals(original.metadata(), loaded.metadata());
        assertEquals(original.snapshot().architecture(), loaded.snapshot().architecture());
        assertArrayEquals(original.snapshot().parameters(), loaded.snapshot().parameters());
        assertEquals(3, loaded.snapshot().epoch());
        assertEquals(2580, loaded.snapshot().step());
        Rng rng = new Rng(3);
        for (int t = 0; t < 5; t++) {
            float[] x = new float[784];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
            assertArrayEquals(original.predictPixels(x), loaded.predictPixels(x));
        }
        // Only the model file remains: the temporary file was renamed.
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        // Saving again replaces the file atomically.
        ModelFormat.save(loaded, file);
        assertArrayEquals(original.snapshot().parameters(), ModelFormat.load(file).snapshot().parameters());
    }

    @Test
    void aModelTrainedWithAnUninstalledPluginOptimizerStillLoads() throws IOException {
        Model m = sampleModel();
        ModelMetadata meta = m.metadata();
        Model lion = new Model(m.snapshot(), new ModelMetadata(meta.datasetId(), meta.classLabels(), meta.normalization(),
                meta.training().withOptimizer("lion"), meta.metrics(), meta.created(), meta.properties()));
        Path file = dir.resolve("lion.dlm");
        ModelFormat.save(lion, file);
        assertEquals("lion", ModelFormat.load(file).metadata().training().optimizer());
    }

    @Test
    void headerIsReadableJson() throws Exception {
        byte[] bytes = Files.readAllBytes(saved());
        int length = ByteBuffer.wrap(bytes, 24, 4).getInt();
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) Json.parse(new String(bytes, 28, length, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("digitlab-model", header.get("format"));
        assertEquals("mnist", header.get("dataset"));
        assertEquals(235146.0, header.get("parameterCount"));
    }

    private String failure(Path file) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.write(dir.resolve("empty.dlm"), new byte[0]);
        assertEquals("the file is empty", failure(f));
    }

    @Test
    void missingFile() {
        assertEquals("no such file", failure(dir.resolve("nothing.dlm")));
    }

    @Test
    void truncatedAtManyLengths() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        Path f = dir.resolve("cut.dlm");
        for (int length : new int[] {1, 7, 8, 20, 27, 28, 100, 1000, bytes.length / 2, bytes.length - 5, bytes.length - 1}) {
            Files.write(f, java.util.Arrays.copyOf(bytes, length));
            String message = failure(f);
            assertTrue(message.startsWith("truncated"), length + ": " + message);
        }
    }

    @Test
    void flippedBitIsACorruptedChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        for (int position : new int[] {40, bytes.length / 2, bytes.length - 10}) {
            byte[] copy = bytes.clone();
            copy[position] ^= 0x10;
            Path f = Files.write(dir.resolve("flipped.dlm"), copy);
            assertTrue(failure(f).startsWith("corrupted: checksum mismatch"), failure(f));
        }
    }

    @Test
    void foreignFile() throws IOException {
        Path png = Files.write(dir.resolve("digit.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertEquals("not a Digit Lab model file (it does not start with \"DLMODEL\")", failure(png));
        Path json = Files.writeString(dir.resolve("net.json"), "{\"weights\": []}");
        assertEquals("not a Digit Lab model file (it does not start with \"DLMODEL\")", failure(json));
    }

    @Test
    void checkpointIsNotAModel() throws IOException {
        Network net = new Network(Presets.get("original").architecture());
        Path f = dir.resolve("run.dlc");
        CheckpointFormat.save(new TrainingCheckpoint(net.architecture(), TrainingConfig.defaults(), net.initialParameters(1),
                new float[0][], 0, 0, 0, 0, 0, 0, 0), f);
        assertEquals("this is a Digit Lab checkpoint file, not a model file", failure(f));
    }

    @Test
    void checkpointFilesFailTheSameWay() throws IOException {
        Path model = saved();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> CheckpointFormat.load(model));
        assertEquals(model + ": this is a Digit Lab model file, not a checkpoint file", e.getMessage());
        Network net = new Network(Presets.get("original").architecture());
        Path f = dir.resolve("run.dlc");
        CheckpointFormat.save(new TrainingCheckpoint(net.architecture(), TrainingConfig.defaults(), net.initialParameters(1),
                new float[][] {new float[net.parameterCount()]}, 7, 1, 2, 3, 0.5, 4, 5), f);
        TrainingCheckpoint back = CheckpointFormat.load(f);
        assertEquals(7, back.optimizerSteps());
        assertEquals(3, back.shuffleState());
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        e = assertThrows(ModelFormatException.class, () -> CheckpointFormat.load(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated"), e.getMessage());
    }

    @Test
    void newerVersion() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        ByteBuffer.wrap(bytes).putInt(8, 2);
        Path f = Files.write(dir.resolve("future.dlm"), withChecksum(bytes));
        assertEquals("written by a newer Digit Lab (format version 2; this version reads up to 1)", failure(f));
    }

    @Test
    void intactFileWithAnInvalidDescription() throws IOException {
        // Checksums that hold over a header that lies: each is refused by the semantic checks.
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "digitlab-model");
        header.put("architecture", HeaderJson.architecture(Architecture.parse("4 -> dense(3) -> softmax")));
        Path f = dir.resolve("lying.dlm");
        Container.write(f, ModelFormat.MAGIC, header, new float[][] {new float[7]});
        assertEquals("the architecture needs 15 parameters, the file holds 7", failure(f));

        header.put("architecture", HeaderJson.architecture(new Architecture(digitlab.nn.Shape.vector(784),
                List.of(digitlab.nn.LayerSpec.of("dense", "units", "1000000000")))));
        Container.write(f, ModelFormat.MAGIC, header, new float[][] {new float[7]});
        assertEquals("the architecture is invalid: layer 1 (dense): dense: units = 1000000000 is too large (at most 65536)",
                failure(f));

        header.put("architecture", "784-10");
        Container.write(f, ModelFormat.MAGIC, header, new float[][] {new float[7]});
        assertEquals("architecture: expected an object, found the string \"784-10\"", failure(f));
    }

    @Test
    void hugeLengthFieldsDoNotAllocate() throws IOException {
        // An array length of 2^31-1 behind a valid checksum: refused by the bound on the remaining bytes.
        byte[] bytes = Files.readAllBytes(saved());
        int headerLength = ByteBuffer.wrap(bytes, 24, 4).getInt();
        ByteBuffer.wrap(bytes).putInt(28 + headerLength + 4, Integer.MAX_VALUE);
        Path f = Files.write(dir.resolve("huge.dlm"), withChecksum(bytes));
        assertTrue(failure(f).startsWith("corrupted: array 0 claims 2147483647 values"), failure(f));
    }

    private static byte[] withChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }
}

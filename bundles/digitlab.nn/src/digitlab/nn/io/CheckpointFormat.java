package digitlab.nn.io;

import digitlab.nn.Architecture;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training checkpoint files ({@code .dlc}): the same container as model files (magic
 * {@code "DLCHKPT\n"}), with a JSON header holding the architecture, the configuration and the
 * position, followed by the parameters and the optimizer's state arrays. Saved atomically; loading
 * fails with {@link ModelFormatException} exactly as for models.
 */
public final class CheckpointFormat {

    /** The magic bytes that start every checkpoint file. */
    public static final byte[] MAGIC = "DLCHKPT\n".getBytes(StandardCharsets.US_ASCII);

    /** The usual file name extension. */
    public static final String EXTENSION = ".dlc";

    private CheckpointFormat() {
    }

    /** Saves {@code checkpoint} to {@code file} atomically. */
    public static void save(TrainingCheckpoint checkpoint, Path file) throws IOException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("format", "digitlab-checkpoint");
        h.put("formatVersion", Container.VERSION);
        h.put("architecture", HeaderJson.architecture(checkpoint.architecture()));
        h.put("training", HeaderJson.config(checkpoint.config()));
        h.put("optimizerSteps", Long.toString(checkpoint.optimizerSteps()));
        h.put("epoch", checkpoint.epoch());
        h.put("batch", checkpoint.batch());
        h.put("shuffleState", Long.toString(checkpoint.shuffleState()));
        // Written in hexadecimal floating point so that the resumed sums are bit-identical.
        h.put("epochLossSum", Double.toHexString(checkpoint.epochLossSum()));
        h.put("epochCorrect", Long.toString(checkpoint.epochCorrect()));
        h.put("epochSeen", Long.toString(checkpoint.epochSeen()));
        float[][] state = checkpoint.optimizerState();
        float[][] arrays = new float[1 + state.length][];
        arrays[0] = checkpoint.parameters();
        System.arraycopy(state, 0, arrays, 1, state.length);
        Container.write(file, MAGIC, h, arrays);
    }

    /**
     * Loads a checkpoint file.
     *
     * @throws ModelFormatException naming the file and the problem
     */
    public static TrainingCheckpoint load(Path file) throws IOException {
        Container.Content c = Container.read(file, MAGIC, "checkpoint", ModelFormat.MAGIC, "model");
        HeaderJson j = new HeaderJson(file);
        Map<String, Object> h = c.header();
        if (!"digitlab-checkpoint".equals(h.get("format"))) throw j.fail("header: format is not \"digitlab-checkpoint\"");
        Architecture arch = j.architecture(h.get("architecture"), "architecture");
        TrainingConfig config = j.config(h.get("training"), "training", true);
        if (c.arrays().length < 1) throw j.fail("the parameters are missing");
        float[] params = c.arrays()[0];
        int expected = new digitlab.nn.Network(arch).parameterCount();
        if (params.length != expected) {
            throw j.fail("the architecture needs " + expected + " parameters, the file holds " + params.length);
        }
        float[][] state = Arrays.copyOfRange(c.arrays(), 1, c.arrays().length);
        for (int i = 0; i < state.length; i++) {
            if (state[i].length != expected) throw j.fail("optimizer state " + i + " has " + state[i].length + " values, expected " + expected);
        }
        double lossSum;
        try {
            lossSum = Double.parseDouble(j.string(h, "epochLossSum", "header"));
        } catch (NumberFormatException e) {
            throw j.fail("epochLossSum: not a number");
        }
        int epoch = j.integer(h, "epoch", "header");
        int batch = j.integer(h, "batch", "header");
        if (epoch < 0 || batch < 0) throw j.fail("epoch and batch must not be negative");
        return new TrainingCheckpoint(arch, config, params, state, j.longString(h, "optimizerSteps", "header"),
                epoch, batch, j.longString(h, "shuffleState", "header"), lossSum,
                j.longString(h, "epochCorrect", "header"), j.longString(h, "epochSeen", "header"));
    }
}

package digitlab.nn.io;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Digit Lab model files ({@code .dlm}): versioned, self-describing, checksummed, saved atomically.
 *
 * <p>The JSON header (readable with any text viewer) holds: {@code format}, {@code formatVersion},
 * {@code architecture} (input shape and layers), {@code parameterCount}, {@code dataset},
 * {@code classes}, {@code normalization}, {@code training} (the configuration, or null),
 * {@code metrics}, {@code created} (ISO-8601), {@code properties} and {@code position} (epoch,
 * batch, step). One float array follows: the flat parameters. The binary layout is described in
 * the package's {@code Container}: magic {@code "DLMODEL\n"}, version, total length, header,
 * arrays, CRC32.
 *
 * <p>Loading checks, in order: the file is non-empty, starts with the magic (else it is foreign or
 * a checkpoint), is of a version this code reads, has the length its header states (else it is
 * truncated), passes the checksum (else it is corrupted), and describes a valid architecture whose
 * parameter count matches the array. Only then is a {@link Model} built: never a half-loaded one.
 */
public final class ModelFormat {

    /** The magic bytes that start every model file. */
    public static final byte[] MAGIC = "DLMODEL\n".getBytes(StandardCharsets.US_ASCII);

    /** The usual file name extension. */
    public static final String EXTENSION = ".dlm";

    private ModelFormat() {
    }

    /** Saves {@code model} to {@code file} atomically (temporary file in the same directory, then rename). */
    public static void save(Model model, Path file) throws IOException {
        ModelSnapshot s = model.snapshot();
        ModelMetadata m = model.metadata();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("format", "digitlab-model");
        h.put("formatVersion", Container.VERSION);
        h.put("architecture", HeaderJson.architecture(s.architecture()));
        h.put("parameterCount", s.network().parameterCount());
        h.put("dataset", m.datasetId());
        h.put("classes", new ArrayList<Object>(m.classLabels()));
        h.put("normalization", HeaderJson.normalization(m.normalization()));
        h.put("training", m.training() == null ? null : HeaderJson.config(m.training()));
        h.put("metrics", new LinkedHashMap<String, Object>(m.metrics()));
        h.put("created", m.created().toString());
        h.put("properties", new LinkedHashMap<String, Object>(m.properties()));
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("epoch", s.epoch());
        position.put("batch", s.batch());
        position.put("step", Long.toString(s.step()));
        h.put("position", position);
        Container.write(file, MAGIC, h, new float[][] {s.parameters()});
    }

    /**
     * Loads a model file.
     *
     * @throws ModelFormatException naming the file and the problem, for any file that is not a
     *                              complete, intact model of a supported version
     * @throws IOException          when the file cannot be read at all
     */
    public static Model load(Path file) throws IOException {
        Container.Content c = Container.read(file, MAGIC, "model", CheckpointFormat.MAGIC, "checkpoint");
        HeaderJson j = new HeaderJson(file);
        Map<String, Object> h = c.header();
        if (!"digitlab-model".equals(h.get("format"))) throw j.fail("header: format is not \"digitlab-model\"");
        Architecture arch = j.architecture(h.get("architecture"), "architecture");
        Network network = new Network(arch);
        if (c.arrays().length != 1) throw j.fail("expected 1 parameter array, found " + c.arrays().length);
        float[] params = c.arrays()[0];
        if (params.length != network.parameterCount()) {
            throw j.fail("the architecture needs " + network.parameterCount() + " parameters, the file holds " + params.length);
        }
        String dataset = j.string(h, "dataset", "header");
        List<String> classes = new ArrayList<>();
        List<Object> rawClasses = j.list(h.get("classes"), "classes");
        for (int i = 0; i < rawClasses.size(); i++) {
            if (!(rawClasses.get(i) instanceof String s)) throw j.fail("classes[" + i + "]: expected a string");
            classes.add(s);
        }
        InputNormalization norm = j.normalization(h.get("normalization"), "normalization");
        TrainingConfig training = h.get("training") == null ? null : j.config(h.get("training"), "training", false);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : j.object(h.get("metrics"), "metrics").entrySet()) {
            metrics.put(e.getKey(), j.number(j.object(h.get("metrics"), "metrics"), e.getKey(), "metrics"));
        }
        Instant created;
        try {
            created = Instant.parse(j.string(h, "created", "header"));
        } catch (DateTimeParseException e) {
            throw j.fail("created: not an ISO-8601 time");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : j.object(h.get("properties"), "properties").entrySet()) {
            if (!(e.getValue() instanceof String s)) throw j.fail("properties." + e.getKey() + ": expected a string");
            properties.put(e.getKey(), s);
        }
        Map<String, Object> position = j.object(h.get("position"), "position");
        int epoch = j.integer(position, "epoch", "position");
        int batch = j.integer(position, "batch", "position");
        long step = j.longString(position, "step", "position");
        for (int i = 0; i < params.length; i++) {
            if (!Float.isFinite(params[i])) throw j.fail("parameter " + i + " is " + params[i]);
        }
        try {
            ModelMetadata meta = new ModelMetadata(dataset, classes, norm, training, metrics, created, properties);
            return new Model(ModelSnapshot.of(network, params, epoch, batch, step), meta);
        } catch (IllegalArgumentException e) {
            throw j.fail(e.getMessage());
        }
    }
}

package digitlab.train.cli;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.nn.onnx.OnnxExport;
import digitlab.train.ModelService;
import digitlab.train.internal.Contributions;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code digitlab export}: a model (the current one by default) as an ONNX file, or as a Digit Lab model file. */
@CommandLine.Command(name = "export", sortOptions = false, descriptionHeading = "%n",
        customSynopsis = "digitlab export [--model FILE|RUN@EPOCH] [--format onnx|dlm] --out FILE [--json]",
        description = {"write a model as ONNX (or .dlm) for other tools", "",
                "Writes the model as an ONNX file (opset 21) that ONNX Runtime, PyTorch tools and others run: input"
                        + " \"input\" [N, 1, 28, 28] with pixels in [0, 1] (the model's normalisation is in the graph),"
                        + " output \"output\" [N, classes] (probabilities for a softmax output); class labels, dataset"
                        + " and metrics as metadata. Every standard layer exports (dense, activations, softmax, dropout,"
                        + " conv2d, maxpool, flatten); a plugin's layer type needs its plugin's ONNX mapping.", ""},
        footer = {"", "Exit codes: 0 written, 1 a broken model, a layer without ONNX mapping or an unwritable file, 2 bad options."})
final class ExportCommand extends Command {

    @Option(names = "--model", paramLabel = "FILE|RUN@EPOCH", description = "RUN@EPOCH: the model a run kept at the end of that epoch; else the model: .dlm, the original project's JSON network or"
            + " ONNX, recognised by content; default: the current model (the ready model unless another is chosen)")
    Path modelFile;
    @Option(names = "--format", paramLabel = "F", description = "onnx (default) or dlm")
    String format = "onnx";
    @Option(names = "--out", paramLabel = "FILE", description = "where to write (atomically: a half-written file never replaces it)")
    String target;
    @Option(names = "--json", description = "end with one JSON line: out, format, bytes, model")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        if (!format.equals("onnx") && !format.equals("dlm")) throw new UsageException("--format: '" + format + "' is not onnx or dlm");
        if (target == null || target.isBlank()) throw new UsageException("--out is required");
        Path target = Path.of(this.target);
        if (Files.isDirectory(target)) throw new UsageException("--out: " + target + " is a folder; name the file to write");
        Contributions.ensureLoaded(); // layer types and ONNX mappings contributed by plugins
        Model model;
        String source;
        if (modelFile != null) {
            model = Cli.loadModel(modelFile);
            source = "file " + modelFile.getFileName();
        } else {
            var current = ModelService.get().current();
            model = current.model();
            source = current.source();
        }
        if (format.equals("onnx")) OnnxExport.write(model, describe(model, source), target);
        else ModelFormat.save(model, target);
        long bytes = Files.size(target);
        out.println("wrote " + target + " (" + format + ", " + bytes + " bytes) from " + source);
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("out", target.toAbsolutePath().toString());
            j.put("format", format);
            j.put("bytes", bytes);
            j.put("model", source);
            out.println(Json.write(j));
        }
        return Cli.OK;
    }

    /** The ONNX doc string: the model's origin (run, file, ready model) and architecture. */
    static String describe(Model model, String source) {
        String name = model.metadata().properties().get("name");
        return "Digit Lab model: " + source + (name != null && !source.contains(name) ? " (" + name + ")" : "")
                + "; " + model.snapshot().architecture();
    }
}

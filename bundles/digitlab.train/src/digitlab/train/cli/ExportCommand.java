package digitlab.train.cli;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.nn.onnx.OnnxExport;
import digitlab.train.ModelService;
import digitlab.train.internal.Contributions;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code digitlab export}: a model (the current one by default) as an ONNX file, or as a Digit Lab model file. */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write a model as ONNX (or .dlm) for other tools";
    }

    @Override
    public String help() {
        return """
                Usage: digitlab export [--model FILE] [--format onnx|dlm] --out FILE [--json]

                Writes the model as an ONNX file (opset 21) that ONNX Runtime, PyTorch tools and others run:
                input "input" [N, 1, 28, 28] with pixels in [0, 1] (the model's normalisation is in the graph),
                output "output" [N, classes] (probabilities for a softmax output); class labels, dataset and
                metrics as metadata. Every standard layer exports (dense, activations, softmax, dropout,
                conv2d, maxpool, flatten); a plugin's layer type needs its plugin's ONNX mapping.

                  --model FILE      the model: .dlm, the original project's JSON network or ONNX, recognised by
                                    content; default: the current model (the ready model unless another is chosen)
                  --format F        onnx (default) or dlm
                  --out FILE        where to write (atomically: a half-written file never replaces it)
                  --json            end with one JSON line: out, format, bytes, model

                Exit codes: 0 written, 1 a broken model, a layer without ONNX mapping or an unwritable file,
                2 bad options.
                """;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Flags f = Flags.parse(name(), args, Set.of("model", "format", "out"), Set.of("json"));
        String format = f.string("format", "onnx");
        if (!format.equals("onnx") && !format.equals("dlm")) throw new UsageException("--format: '" + format + "' is not onnx or dlm");
        Path target = Path.of(f.required("out"));
        if (Files.isDirectory(target)) throw new UsageException("--out: " + target + " is a folder; name the file to write");
        Contributions.ensureLoaded(); // layer types and ONNX mappings contributed by plugins
        Model model;
        String source;
        if (f.has("model")) {
            Path file = Path.of(f.string("model", ""));
            model = Cli.loadModel(file);
            source = "file " + file.getFileName();
        } else {
            var current = ModelService.get().current();
            model = current.model();
            source = current.source();
        }
        if (format.equals("onnx")) OnnxExport.write(model, describe(model, source), target);
        else ModelFormat.save(model, target);
        long bytes = Files.size(target);
        out.println("wrote " + target + " (" + format + ", " + bytes + " bytes) from " + source);
        if (f.has("json")) {
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

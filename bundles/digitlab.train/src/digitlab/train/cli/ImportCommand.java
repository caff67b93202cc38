package digitlab.train.cli;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code digitlab import}: an ONNX model (or the original project's JSON network) as a Digit Lab model file. */
@CommandLine.Command(name = "import", sortOptions = false, descriptionHeading = "%n", customSynopsis = "digitlab import FILE --out MODEL.dlm [--json]",
        description = {"read an ONNX model (or the original JSON network) into a .dlm", "",
                "Reads FILE \u2014 an ONNX model built from the lab's operators (for example a PyTorch MLP or LeNet exported"
                        + " with torch.onnx.export: Gemm, MatMul + Add, Conv, MaxPool, Flatten, Relu, Sigmoid, Tanh,"
                        + " LeakyRelu, Softmax, Dropout; a scalar Sub and Mul/Div at the start become the input"
                        + " normalisation), the original project's JSON network or a .dlm, recognised by content \u2014 and"
                        + " saves it as a Digit Lab model that eval, predict, the canvas and every view use.", ""},
        footer = {"", "An unsupported operator or shape is one line naming the node and the operator.",
                "Exit codes: 0 imported, 1 a file that cannot be imported or written, 2 bad options."})
final class ImportCommand extends Command {

    @Parameters(paramLabel = "FILE", description = "the model to import (ONNX, the original JSON network or .dlm)")
    List<String> files = new ArrayList<>();
    @Option(names = "--out", paramLabel = "FILE", description = "the model file to write (.dlm; atomically)")
    String target;
    @Option(names = "--json", description = "end with one JSON line: out, architecture, parameters, classes")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        if (files.size() != 1) throw new UsageException("name one model file to import (got " + files.size() + ")");
        if (target == null || target.isBlank()) throw new UsageException("--out is required");
        Path target = Path.of(this.target);
        if (Files.isDirectory(target)) throw new UsageException("--out: " + target + " is a folder; name the file to write");
        Model model = Cli.loadModel(Path.of(files.get(0)));
        ModelFormat.save(model, target);
        int params = model.snapshot().network().parameterCount();
        out.println("imported " + files.get(0) + " -> " + target + ": " + model.snapshot().architecture() + ", "
                + String.format("%,d", params) + " parameters, classes " + model.metadata().classLabels());
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("out", target.toAbsolutePath().toString());
            j.put("architecture", model.snapshot().architecture().toString());
            j.put("parameters", params);
            j.put("classes", new java.util.ArrayList<Object>(model.metadata().classLabels()));
            out.println(Json.write(j));
        }
        return Cli.OK;
    }
}

package digitlab.train.cli;

import digitlab.data.Dataset;
import digitlab.data.Split;
import digitlab.data.UnknownDatasetException;
import digitlab.nn.Model;
import digitlab.train.Datasets;
import digitlab.train.EvaluationReport;
import digitlab.train.Evaluator;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code digitlab eval}: accuracy, loss, confusion matrix and per-class figures of a saved model, or of the
 * current model (the ready model shipped with the lab) when no {@code --model} is given, as {@code predict} does.
 */
@CommandLine.Command(name = "eval", sortOptions = false, descriptionHeading = "%n", customSynopsis = "digitlab eval [--model FILE|RUN@EPOCH] [OPTIONS]",
        description = {"evaluate a model (default: the current one): accuracy, confusion matrix, per-class figures", ""},
        footer = {"", "Exit codes: 0 evaluated, 1 missing or broken file or dataset, 2 bad options."})
final class EvalCommand extends Command {

    @Option(names = "--model", paramLabel = "FILE|RUN@EPOCH", description = "RUN@EPOCH: the model a run kept at the end of that epoch; else the model to evaluate: .dlm, the original project's"
            + " JSON network or ONNX, recognised by content (default: the current model, i.e. the ready model shipped"
            + " with Digit Lab, as predict uses)")
    String model;
    @Option(names = "--dataset", paramLabel = "ID", description = "mnist, fashion, idx:/folder ... (default: the dataset the model was trained on)")
    String dataset;
    @Option(names = "--split", paramLabel = "NAME", description = "test (default), validation or train")
    String split = "test";
    @Option(names = "--threads", paramLabel = "N", description = "threads to use (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--json", description = "end with one JSON line: test_accuracy, loss, confusion, precision, recall, f1")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        if (model != null && model.isBlank()) throw new UsageException("--model is required to name a file; it is empty");
        Path file = model != null ? Path.of(model) : null;
        Split split;
        try {
            split = Split.parse(this.split);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--split: " + e.getMessage());
        }
        if (threads < 1 || threads > 1024) throw new UsageException("--threads: " + threads + " must be between 1 and 1024");
        Cli.ChosenModel chosen = Cli.modelOrCurrent(file);
        Model model = chosen.model();
        String modelName = chosen.name();
        String datasetId = dataset != null ? dataset : model.metadata().datasetId();
        Dataset dataset;
        try {
            dataset = Datasets.load(datasetId, -1);
        } catch (UnknownDatasetException e) {
            throw new UsageException("--dataset: " + e.getMessage());
        }
        if (dataset.part(split).isEmpty()) {
            err.println("digitlab eval: dataset " + dataset.id() + " has no " + split.label() + " images"
                    + (dataset.id().equals(digitlab.train.mydrawings.MyDrawingsDataset.ID)
                            ? " (the held-out drawings: the 2nd, 6th, ... drawing taught of each digit)" : ""));
            return Cli.FAILURE;
        }
        EvaluationReport r;
        try {
            r = Evaluator.evaluate(model, dataset, split, threads);
        } catch (IllegalArgumentException e) {
            err.println("digitlab eval: " + (file != null ? file : modelName) + " does not fit dataset " + dataset.id() + ": " + e.getMessage());
            return Cli.FAILURE;
        }
        print(r, out);
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            if (split == Split.TEST) j.put("test_accuracy", r.accuracy());
            j.put("accuracy", r.accuracy());
            j.put("loss", r.loss());
            j.put("dataset", r.dataset());
            j.put("split", r.split());
            j.put("size", r.size());
            Map<String, Object> m = r.toJsonMap();
            j.put("classes", m.get("classes"));
            j.put("confusion", m.get("confusion"));
            j.put("precision", m.get("precision"));
            j.put("recall", m.get("recall"));
            j.put("f1", m.get("f1"));
            j.put("misclassified", r.misclassified().size());
            j.put("model", modelName);
            out.println(Json.write(j));
        }
        return Cli.OK;
    }

    static void print(EvaluationReport r, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%s %s: accuracy %.2f %% (%d of %d), loss %.4f", r.dataset(), r.split(),
                100 * r.accuracy(), r.size() - r.misclassified().size(), r.size(), r.loss()));
        out.println();
        out.println("confusion matrix (rows: true class, columns: predicted)");
        StringBuilder head = new StringBuilder(String.format("%8s", ""));
        for (int c = 0; c < r.classes(); c++) head.append(String.format(" %6s", shortName(r.classNames().get(c))));
        out.println(head);
        for (int i = 0; i < r.classes(); i++) {
            StringBuilder row = new StringBuilder(String.format("%8s", shortName(r.classNames().get(i))));
            for (int j = 0; j < r.classes(); j++) row.append(String.format(" %6d", r.count(i, j)));
            out.println(row);
        }
        out.println();
        out.println(String.format("%8s %9s %9s %9s", "class", "precision", "recall", "F1"));
        for (int c = 0; c < r.classes(); c++) {
            out.println(String.format(Locale.ROOT, "%8s %9s %9s %9s", shortName(r.classNames().get(c)), pct(r.precision(c)),
                    pct(r.recall(c)), pct(r.f1(c))));
        }
    }

    private static String shortName(String s) {
        return s.length() <= 8 ? s : s.substring(0, 8);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }
}

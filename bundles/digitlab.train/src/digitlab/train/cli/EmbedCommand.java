package digitlab.train.cli;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.UnknownDatasetException;
import digitlab.embed.ActivationSet;
import digitlab.embed.EmbedMethod;
import digitlab.embed.EmbedProgress;
import digitlab.embed.EmbedRequest;
import digitlab.embed.Embedder;
import digitlab.embed.Embedding;
import digitlab.embed.LayerActivations;
import digitlab.embed.Layers;
import digitlab.embed.TsneSettings;
import digitlab.nn.Model;
import digitlab.nn.kernel.KernelSelector;
import digitlab.train.CurrentModel;
import digitlab.train.Datasets;
import digitlab.train.ImageSetSource;
import digitlab.train.ModelService;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code digitlab embed}: a 2-D map (PCA or t-SNE) of one layer's activations over the first N test images, as
 * CSV {@code index,label,guess,x,y}; the projector view's maths without the view.
 */
final class EmbedCommand implements Command {

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public String summary() {
        return "map a layer's activations over test images to 2-D (PCA or t-SNE) as CSV";
    }

    @Override
    public String help() {
        return """
                Usage: digitlab embed [--model FILE] [--layer L] --method pca|tsne [OPTIONS] --out FILE.csv

                  --model FILE      the model: .dlm, the original project's JSON network or ONNX
                                    (default: the current model, i.e. the ready model shipped with Digit Lab)
                  --layer L         the layer whose outputs are mapped: its number (1 = the first layer, as
                                    eval and the Network Activity view count) or 'last' (default: the last
                                    hidden layer, the one before the classifier)
                  --method M        pca or tsne (Barnes-Hut t-SNE, theta 0.5)
                  --limit N         the first N test images (default 2000, at most the test set's size)
                  --perplexity P    t-SNE's perplexity (default 30, at most (N - 1) / 3)
                  --iterations I    t-SNE's gradient steps (default 1000)
                  --seed S          t-SNE's seed for the starting map (default 1)
                  --threads N       threads to use (default: all cores)
                  --out FILE.csv    where the map goes: a header, then index,label,guess,x,y per image
                                    (index = the image's number in the test set)
                  --json            end with one JSON line: points, layer, method, knn_agreement, seconds (all),
                                    map_seconds (PCA or t-SNE alone, without the activations)

                Prints the kNN label agreement: the share of images whose 10 nearest neighbours in the map
                mostly share their label.
                Exit codes: 0 written, 1 missing or broken dataset or unwritable output, 2 bad options
                (a layer that does not exist, N of 0 or more than the test set, a missing model file).
                """;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Flags f = Flags.parse(name(), args, Set.of("model", "layer", "method", "limit", "perplexity", "iterations",
                "seed", "threads", "out"), Set.of("json"));
        if (!f.has("method")) throw new UsageException("--method is needed: pca or tsne");
        EmbedMethod method;
        try {
            method = EmbedMethod.parse(f.required("method"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method: " + e.getMessage());
        }
        if (!f.has("out")) throw new UsageException("--out is needed: the CSV file to write");
        Path outFile = Path.of(f.required("out"));
        int threads = f.integer("threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1 || threads > 1024) throw new UsageException("--threads: " + threads + " must be between 1 and 1024");
        TsneSettings tsne = TsneSettings.DEFAULT
                .withPerplexity(f.number("perplexity", TsneSettings.DEFAULT.perplexity()))
                .withIterations(f.integer("iterations", TsneSettings.DEFAULT.iterations()))
                .withSeed(f.longValue("seed", TsneSettings.DEFAULT.seed()));

        Model model;
        String modelName;
        if (f.has("model")) {
            Path file = Path.of(f.required("model"));
            if (!Files.exists(file)) throw new UsageException("--model: no such file: " + file);
            model = Cli.loadModel(file);
            modelName = file.toAbsolutePath().toString();
        } else {
            CurrentModel current;
            try {
                current = ModelService.get().current();
            } catch (IllegalStateException e) {
                err.println("digitlab embed: " + e.getMessage());
                return Cli.FAILURE;
            }
            model = current.model();
            modelName = current.source();
        }
        var network = model.snapshot().network();
        int layer;
        try {
            layer = f.has("layer") ? Layers.parse(network, f.required("layer")) : Layers.lastHidden(network);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--layer: " + e.getMessage());
        }
        Dataset dataset;
        try {
            dataset = Datasets.load(model.metadata().datasetId(), -1);
        } catch (UnknownDatasetException e) {
            err.println("digitlab embed: the model's dataset is not available: " + e.getMessage());
            return Cli.FAILURE;
        }
        ImageSet test = dataset.part(Split.TEST);
        int limit = f.integer("limit", Math.min(EmbedRequest.DEFAULT_LIMIT, test.size()));
        if (limit < 1 || limit > test.size()) {
            throw new UsageException("--limit: " + limit + " must be between 1 and " + test.size()
                    + " (the test set of " + dataset.id() + ")");
        }
        if (test.pixelsPerImage() != network.inputSize()) {
            err.println("digitlab embed: " + modelName + " takes " + network.inputSize() + " pixels, dataset "
                    + dataset.id() + " has " + test.pixelsPerImage());
            return Cli.FAILURE;
        }
        EmbedRequest request = new EmbedRequest(layer, limit, method, tsne);
        if (method == EmbedMethod.TSNE) {
            try {
                tsne.validate(limit);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().startsWith("perplexity") ? "--perplexity: " + e.getMessage()
                        : e.getMessage().startsWith("iterations") ? "--iterations: " + e.getMessage() : e.getMessage());
            }
        }
        long start = System.nanoTime();
        var kernels = KernelSelector.create(threads);
        ActivationSet points = LayerActivations.compute(model, new ImageSetSource(test), layer, limit, kernels,
                EmbedProgress.NONE);
        long mapStart = System.nanoTime();
        Embedding map = Embedder.embed(model, null, request, points, kernels, threads, EmbedProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9, mapSeconds = (System.nanoTime() - mapStart) / 1e9;
        AtomicFiles.writeString(outFile, map.csv());
        double agreement = map.knnAgreement();
        out.println(String.format(Locale.ROOT, "%s of layer %s over %d test images of %s in %.1f s (activations "
                + "%.1f s, %s %.1f s); kNN label agreement %.3f; wrote %s", method.label(), Layers.describe(network, layer),
                limit, dataset.id(), seconds, seconds - mapSeconds, method.label(), mapSeconds, agreement, outFile));
        if (f.has("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("points", limit);
            j.put("layer", layer);
            j.put("method", method.id());
            j.put("knn_agreement", agreement);
            j.put("seconds", seconds);
            j.put("map_seconds", mapSeconds);
            j.put("model", modelName);
            j.put("out", outFile.toAbsolutePath().toString());
            out.println(Json.write(j));
        }
        return Cli.OK;
    }
}

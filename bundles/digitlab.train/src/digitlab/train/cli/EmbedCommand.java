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
import digitlab.train.Datasets;
import digitlab.train.ImageSetSource;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code digitlab embed}: a 2-D map (PCA or t-SNE) of one layer's activations over the first N test images, as
 * CSV {@code index,label,guess,x,y}; the projector view's maths without the view.
 */
@CommandLine.Command(name = "embed", sortOptions = false, descriptionHeading = "%n",
        customSynopsis = "digitlab embed [--model FILE|RUN@EPOCH] [--layer L] --method pca|tsne [OPTIONS] --out FILE.csv",
        description = {"map a layer's activations over test images to 2-D (PCA or t-SNE) as CSV", "",
                "Prints the kNN label agreement: the share of images whose 10 nearest neighbours in the map mostly"
                        + " share their label.", ""},
        footer = {"", "Exit codes: 0 written, 1 missing or broken dataset or unwritable output, 2 bad options"
                + " (a layer that does not exist, N of 0 or more than the test set, a missing model file)."})
final class EmbedCommand extends Command {

    @Option(names = "--model", paramLabel = "FILE|RUN@EPOCH", description = "RUN@EPOCH: the model a run kept at the end of that epoch; else the model: .dlm, the original project's JSON network"
            + " or ONNX (default: the current model, i.e. the ready model shipped with Digit Lab)")
    Path modelFile;
    @Option(names = "--layer", paramLabel = "L", description = "the layer whose outputs are mapped: its number (1 = the"
            + " first layer, as eval and the Network Activity view count) or 'last' (default: the last hidden layer,"
            + " the one before the classifier)")
    String layerName;
    @Option(names = "--method", paramLabel = "M", description = "pca or tsne (Barnes-Hut t-SNE, theta 0.5)")
    String methodName;
    @Option(names = "--limit", paramLabel = "N", description = "the first N test images (default 2000, at most the test"
            + " set's size)")
    Integer limitGiven;
    @Option(names = "--perplexity", paramLabel = "P", description = "t-SNE's perplexity (default 30, at most (N - 1) / 3)")
    double perplexity = TsneSettings.DEFAULT.perplexity();
    @Option(names = "--iterations", paramLabel = "I", description = "t-SNE's gradient steps (default 1000)")
    int iterations = TsneSettings.DEFAULT.iterations();
    @Option(names = "--seed", paramLabel = "S", description = "t-SNE's seed for the starting map (default 1)")
    long seed = TsneSettings.DEFAULT.seed();
    @Option(names = "--threads", paramLabel = "N", description = "threads to use (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--out", paramLabel = "FILE.csv", description = "where the map goes: a header, then"
            + " index,label,guess,x,y per image (index = the image's number in the test set)")
    Path outFile;
    @Option(names = "--json", description = "end with one JSON line: points, layer, method, knn_agreement, seconds (all),"
            + " map_seconds (PCA or t-SNE alone, without the activations)")
    boolean json;

    @Override
    int run() throws UsageException, IOException {
        if (methodName == null) throw new UsageException("--method is needed: pca or tsne");
        EmbedMethod method;
        try {
            method = EmbedMethod.parse(methodName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method: " + e.getMessage());
        }
        if (outFile == null) throw new UsageException("--out is needed: the CSV file to write");
        if (threads < 1 || threads > 1024) throw new UsageException("--threads: " + threads + " must be between 1 and 1024");
        TsneSettings tsne = TsneSettings.DEFAULT.withPerplexity(perplexity).withIterations(iterations).withSeed(seed);

        if (modelFile != null && !Files.exists(modelFile) && !RunEpochModel.matches(modelFile.toString())) {
            throw new UsageException("--model: no such file: " + modelFile);
        }
        Cli.ChosenModel chosen = Cli.modelOrCurrent(modelFile);
        Model model = chosen.model();
        String modelName = chosen.name();
        var network = model.snapshot().network();
        int layer;
        try {
            layer = layerName != null ? Layers.parse(network, layerName) : Layers.lastHidden(network);
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
        int limit = limitGiven != null ? limitGiven : Math.min(EmbedRequest.DEFAULT_LIMIT, test.size());
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
        if (json) {
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

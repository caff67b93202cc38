package digitlab.embed;

import digitlab.nn.Model;
import digitlab.nn.SampleSource;
import digitlab.nn.kernel.Kernels;

/** Maps a model's layer over test images: activations, then PCA or t-SNE. Call off the UI thread. */
public final class Embedder {

    /** t-SNE first reduces wider activations to this many principal components, as the reference bhtsne does. */
    public static final int TSNE_INPUT_DIMENSIONS = 50;

    private Embedder() {
    }

    /**
     * The map asked for by {@code request}, of images {@code 0 .. limit-1} of {@code pixels} (values in [0, 1]).
     * Activations already computed for the same model, layer and limit may be passed as {@code known} (then
     * {@code pixels} is not read and may be null).
     *
     * @throws IllegalArgumentException for a layer that does not exist, a limit outside 1..size, settings that
     *                                  do not fit, or images that do not fit the model
     * @throws java.util.concurrent.CancellationException when {@code progress} cancels
     */
    public static Embedding embed(Model model, SampleSource pixels, EmbedRequest request, ActivationSet known,
                                  Kernels kernels, int threads, EmbedProgress progress) {
        if (request.method() == EmbedMethod.TSNE) request.tsne().validate(request.limit());
        double activationShare = known != null ? 0 : request.method() == EmbedMethod.PCA ? 0.8 : 0.1;
        ActivationSet points = known != null ? known : LayerActivations.compute(model, pixels, request.layer(),
                request.limit(), kernels, Tsne.scaled(progress, 0, activationShare, ""));
        EmbedProgress rest = Tsne.scaled(progress, activationShare, 1, "");
        return request.method() == EmbedMethod.PCA ? pca(points, rest)
                : tsne(points, request.tsne(), kernels, threads, rest);
    }

    /** The PCA map of {@code points}. */
    public static Embedding pca(ActivationSet points, EmbedProgress progress) {
        int n = points.count(), d = points.dimension();
        if (d < 2) throw new IllegalArgumentException("PCA to 2-D needs a layer of at least 2 values, not " + d);
        PcaProjection pca = Pca.fit(points.values(), n, d, 2, progress);
        float[] xy = pca.projectAll(points.values(), n);
        double[] map = new double[2 * n];
        for (int k = 0; k < map.length; k++) map[k] = xy[k];
        progress.report("PCA", 1);
        return new Embedding(EmbedMethod.PCA, points, map, PointPlacer.of(pca));
    }

    /** The t-SNE map of {@code points}. */
    public static Embedding tsne(ActivationSet points, TsneSettings settings, Kernels kernels, int threads,
                                 EmbedProgress progress) {
        int n = points.count(), d = points.dimension();
        settings.validate(n);
        PcaProjection reduce = null;
        float[] rows = points.values();
        int r = d;
        if (d > TSNE_INPUT_DIMENSIONS) {
            reduce = Pca.fit(points.values(), n, d, TSNE_INPUT_DIMENSIONS, Tsne.scaled(progress, 0, 0.05, "PCA"));
            rows = reduce.projectAll(points.values(), n);
            r = TSNE_INPUT_DIMENSIONS;
        }
        double[] xy = Tsne.map(rows, n, r, settings, kernels, threads, Tsne.scaled(progress, 0.05, 1, ""));
        return new Embedding(EmbedMethod.TSNE, points, xy, PointPlacer.nearestNeighbours(reduce, rows, n, d, r, xy));
    }
}

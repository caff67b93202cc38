package digitlab.embed;

/**
 * What to map: which layer, how many test images, which method and, for t-SNE, its settings.
 *
 * @param layer  the layer (1-based, {@link Layers})
 * @param limit  the first {@code limit} test images
 * @param method PCA or t-SNE
 * @param tsne   t-SNE's settings (ignored for PCA; kept so one request can switch method)
 */
public record EmbedRequest(int layer, int limit, EmbedMethod method, TsneSettings tsne) {

    /** The default number of images. */
    public static final int DEFAULT_LIMIT = 2000;

    /** The request with t-SNE's settings left out for PCA, so equal maps have equal requests (a cache key). */
    public EmbedRequest normalised() {
        return method == EmbedMethod.PCA ? new EmbedRequest(layer, limit, method, null) : this;
    }
}

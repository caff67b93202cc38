package digitlab.embed;

import java.util.Locale;

/** How activations become a 2-D map. */
public enum EmbedMethod {
    /** The two leading principal axes: a linear view, computed in a moment. */
    PCA("pca", "PCA"),
    /** Barnes-Hut t-SNE: neighbourhoods kept, distances between clusters not. */
    TSNE("tsne", "t-SNE");

    private final String id;
    private final String label;

    EmbedMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name on the command line: {@code pca} or {@code tsne}. */
    public String id() {
        return id;
    }

    /** The name shown to people: {@code PCA} or {@code t-SNE}. */
    public String label() {
        return label;
    }

    /**
     * The method named {@code text} ({@code pca}, {@code tsne} or {@code t-sne}, any case).
     *
     * @throws IllegalArgumentException naming the known methods
     */
    public static EmbedMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("pca")) return PCA;
        if (t.equals("tsne") || t.equals("t-sne")) return TSNE;
        throw new IllegalArgumentException("method '" + text + "' is unknown; known: pca, tsne");
    }
}

package digitlab.embed;

/**
 * A finished 2-D map of a layer's activations: where each image lies, and how to place new points.
 *
 * @param method the method that made it
 * @param points the activations, labels and guesses it was made from (row {@code i} is map point {@code i})
 * @param xy     {@code [n x 2]}: the map
 * @param placer places further points (the user's drawing) into this map
 */
public record Embedding(EmbedMethod method, ActivationSet points, double[] xy, PointPlacer placer) {

    /** Checks that there is one position per point. */
    public Embedding {
        if (xy.length != 2 * points.count()) throw new IllegalArgumentException("embedding: " + xy.length / 2
                + " positions for " + points.count() + " points");
    }

    /** The number of points. */
    public int size() {
        return points.count();
    }

    /** Point {@code i}'s x. */
    public double x(int i) {
        return xy[2 * i];
    }

    /** Point {@code i}'s y. */
    public double y(int i) {
        return xy[2 * i + 1];
    }

    /** The share of points whose 10 nearest map neighbours mostly share their label ({@link KnnAgreement}). */
    public double knnAgreement() {
        return KnnAgreement.of(xy, points.labels(), KnnAgreement.K);
    }

    /** The map as CSV: a header {@code index,label,guess,x,y}, then one line per point. */
    public String csv() {
        StringBuilder sb = new StringBuilder("index,label,guess,x,y\n");
        for (int i = 0; i < size(); i++) {
            sb.append(points.indices()[i]).append(',').append(points.labels()[i]).append(',')
                    .append(points.guesses()[i]).append(',').append((float) x(i)).append(',').append((float) y(i)).append('\n');
        }
        return sb.toString();
    }
}

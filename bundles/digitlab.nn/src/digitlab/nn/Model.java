package digitlab.nn;

/**
 * A trained network ready for use: an immutable parameter snapshot plus its metadata. This is what
 * model files hold ({@code digitlab.nn.io.ModelFormat}).
 *
 * @param snapshot the network and its parameters
 * @param metadata dataset, class labels, normalisation, training configuration, metrics
 */
public record Model(ModelSnapshot snapshot, ModelMetadata metadata) {

    /** Checks that there is one class label per output. */
    public Model {
        int outputs = snapshot.network().outputSize();
        if (metadata.classLabels().size() != outputs) {
            throw new IllegalArgumentException("classLabels: " + metadata.classLabels().size()
                    + " labels for a network with " + outputs + " outputs");
        }
    }

    /**
     * The network's output for pixel values in [0, 1], after applying this model's input
     * normalisation.
     */
    public float[] predictPixels(float[] pixels) {
        return snapshot.predict(metadata.normalization().apply(pixels));
    }
}

package digitlab.ui.internal.model;

import java.util.List;

import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;

/**
 * What the views predict with: an immutable parameter snapshot plus what is needed to use it (input
 * normalisation, class labels) and a name for people. Predicting from any thread is safe because a
 * {@link ModelSnapshot} never changes.
 *
 * @param snapshot      the network and its parameters
 * @param normalization how pixels in [0, 1] become inputs
 * @param labels        one name per output
 * @param name          e.g. "ready model (MLP, 98.1 %)" or "run 3 — epoch 2, batch 400 (training)"
 * @param live          true for a snapshot of a run that is still training
 * @param datasetId     the dataset the model was trained on, e.g. {@code mnist}
 */
public record PredictionModel(ModelSnapshot snapshot, InputNormalization normalization, List<String> labels,
                              String name, boolean live, String datasetId) {

    /** Freezes the labels. */
    public PredictionModel {
        labels = List.copyOf(labels);
    }

    /** A model loaded from a file or handed over by the training bundle. */
    public static PredictionModel of(Model model, String name) {
        return new PredictionModel(model.snapshot(), model.metadata().normalization(), model.metadata().classLabels(),
                name, false, model.metadata().datasetId());
    }

    /** The model of a run in training ({@code live}), with the run's labels, normalisation and dataset. */
    public static PredictionModel live(Model model, String name) {
        return new PredictionModel(model.snapshot(), model.metadata().normalization(), model.metadata().classLabels(),
                name, true, model.metadata().datasetId());
    }

    /** The network's outputs for 784 pixels in [0, 1]. */
    public float[] predict(float[] pixels) {
        return snapshot.predict(normalization.apply(pixels));
    }

    /** Every layer's output for 784 pixels in [0, 1] (see {@link ModelSnapshot#activations}). */
    public float[][] activations(float[] pixels) {
        return snapshot.activations(normalization.apply(pixels));
    }

    /** The number of inputs the network takes. */
    public int inputSize() {
        return snapshot.network().inputSize();
    }
}

package digitlab.embed;

import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.SampleSource;
import digitlab.nn.Argmax;
import digitlab.nn.BatchBuffers;
import digitlab.nn.kernel.Kernels;

/**
 * Runs a model over images and keeps one layer's outputs: the points the projector maps. One forward pass
 * per batch gives both the layer's values and the guess (the network's output).
 */
public final class LayerActivations {

    /** Images per forward pass: large enough for the matrix kernels, small enough for frequent progress. */
    static final int BATCH = 128;

    private LayerActivations() {
    }

    /**
     * The outputs of layer {@code layer} (1-based, see {@link Layers}) for the first {@code limit} images of
     * {@code pixels}, whose inputs are pixel values in [0, 1]; the model's input normalisation is applied here.
     *
     * @throws IllegalArgumentException for a layer that does not exist, a limit outside 1..size, or images that
     *                                  do not fit the model
     * @throws java.util.concurrent.CancellationException when {@code progress} cancels
     */
    public static ActivationSet compute(Model model, SampleSource pixels, int layer, int limit, Kernels kernels,
                                        EmbedProgress progress) {
        ModelSnapshot snapshot = model.snapshot();
        Network network = snapshot.network();
        int dimension = Layers.width(network, layer);
        if (limit < 1 || limit > pixels.size()) {
            throw new IllegalArgumentException("the number of images must be between 1 and " + pixels.size()
                    + " (the test set's size): " + limit);
        }
        if (pixels.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("images have " + pixels.inputSize() + " pixels, the model takes "
                    + network.inputSize());
        }
        InputNormalization norm = model.metadata().normalization();
        int in = network.inputSize();
        int classes = network.outputSize();
        float[] params = snapshot.parameters();
        BatchBuffers ws = network.newBuffers(Math.min(BATCH, limit), kernels);
        float[] values = new float[limit * dimension];
        int[] indices = new int[limit];
        int[] labels = new int[limit];
        int[] guesses = new int[limit];
        for (int start = 0; start < limit; start += ws.capacity()) {
            progress.checkCancelled();
            int size = Math.min(ws.capacity(), limit - start);
            float[] input = ws.input();
            for (int r = 0; r < size; r++) {
                int i = start + r;
                pixels.copyInput(i, input, r * in);
                if (!norm.equals(InputNormalization.IDENTITY)) {
                    for (int k = 0; k < in; k++) input[r * in + k] = norm.apply(input[r * in + k]);
                }
                indices[i] = i;
                labels[i] = pixels.label(i);
            }
            float[] out = ws.forward(params, size, false, 0);
            for (int r = 0; r < size; r++) guesses[start + r] = Argmax.of(out, r * classes, classes);
            System.arraycopy(ws.activation(layer - 1), 0, values, start * dimension, size * dimension);
            progress.report("activations", (double) (start + size) / limit);
        }
        return new ActivationSet(limit, dimension, values, indices, labels, guesses);
    }

    /** The outputs of layer {@code layer} for one image of pixel values in [0, 1] (the user's drawing). */
    public static float[] of(Model model, float[] pixels, int layer) {
        Layers.width(model.snapshot().network(), layer);
        float[][] all = model.snapshot().activations(model.metadata().normalization().apply(pixels));
        return all[layer - 1];
    }
}

package digitlab.ui.internal.canvas;

import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.nn.InputNormalization;
import digitlab.nn.Losses;
import digitlab.nn.SampleSource;
import digitlab.nn.kernel.KernelSelector;
import digitlab.ui.internal.model.PredictionModel;

/**
 * How a drawing that carries an exact 28x28 input ({@link Drawing#ofDatasetImage}) becomes the
 * network's input and outputs, so that a dataset image in the canvas gets exactly the probabilities
 * that {@code digitlab eval} and the confusion matrix give it.
 *
 * <p>Input: the image's own pixels, untouched. Strokes the user adds on top are rasterised straight
 * into the same 28x28 grid (the canvas square is the image, so a stroke lands on the pixels it was
 * drawn over, with the pen's width scaled to 28 pixels) and combined with the image by the maximum of
 * the two inks; nothing is re-centred or rescaled, so the image's pixels never move.
 *
 * <p>Outputs: evaluation runs images through the network in batches, whose matrix products sum in
 * another order than the single-image forward pass of a drawn digit (the two differ by up to about
 * 1e-6). The outputs here are therefore computed the way evaluation computes them: as one row of a
 * batch ({@link #BATCH_ROWS} copies of the image) through {@code ModelSnapshot.evaluate}, with the
 * normalisation applied pixel by pixel as the evaluator applies it. Plain Java, any thread.
 */
public final class ExactInput {

    /** The side of an exact input: MNIST's 28. */
    public static final int SIDE = PreprocessedDigit.SIZE;
    /** Rows of the batch the outputs are computed in: a batch, as in evaluation, not a single row. */
    static final int BATCH_ROWS = 8;

    private ExactInput() {
    }

    /**
     * The network's input for {@code drawing}: its exact image, with its strokes (if any) rasterised into the
     * same grid and combined by maximum.
     *
     * @throws IllegalArgumentException when the drawing has no exact input
     */
    public static PreprocessedDigit digit(Drawing drawing) {
        float[] image = drawing.exactInput();
        if (image == null) throw new IllegalArgumentException("the drawing has no exact input");
        float[] pixels = image.clone();
        if (!drawing.strokes().isEmpty()) {
            float[] ink = new DrawingRasterizer(SIDE).rasterize(drawing.strokesOnly());
            for (int i = 0; i < pixels.length; i++) pixels[i] = Math.max(pixels[i], Math.min(1f, ink[i]));
        }
        return PreprocessedDigit.ofImage(pixels);
    }

    /**
     * The model's outputs for {@code pixels} (values in [0, 1]) computed as evaluation computes them: a row of
     * a batch, after the model's input normalisation.
     *
     * @throws IllegalArgumentException when the model does not take {@code pixels.length} inputs
     */
    public static float[] outputs(PredictionModel model, float[] pixels) {
        InputNormalization n = model.normalization();
        float[] input = pixels.clone();
        if (!n.equals(InputNormalization.IDENTITY)) {
            for (int i = 0; i < input.length; i++) input[i] = n.apply(input[i]);
        }
        SampleSource batch = new SampleSource() {
            @Override public int size() { return BATCH_ROWS; }
            @Override public int inputSize() { return input.length; }
            @Override public int label(int i) { return 0; }
            @Override public void copyInput(int i, float[] dst, int off) { System.arraycopy(input, 0, dst, off, input.length); }
        };
        return model.snapshot().evaluate(batch, Losses.CROSS_ENTROPY, KernelSelector.shared()).probabilities(0);
    }
}

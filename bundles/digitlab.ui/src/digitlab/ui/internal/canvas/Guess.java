package digitlab.ui.internal.canvas;

import java.util.List;

import org.eclipse.core.runtime.IAdaptable;

import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.ui.internal.model.PredictionModel;

/**
 * The outcome of one guess on a drawing: what the network saw and what it said. The Digit Canvas publishes
 * its newest guess as its workbench selection; views outside this bundle take the drawn digit from it by
 * adapting it to {@link PreprocessedDigit} ({@code Adapters.adapt}), which is null when nothing is drawn.
 *
 * @param sequence    increases with every request, so a late answer never overwrites a newer one
 * @param drawing     the drawing guessed on
 * @param digit       the 28x28 image after MNIST-style preprocessing, null when nothing is drawn
 * @param outputs     the network's raw outputs, null when nothing is drawn or there is no model
 * @param confidences the outputs as shares of their sum (softmax outputs are unchanged; sigmoid
 *                    outputs such as the original network's become comparable shares)
 * @param best        the index of the largest output, -1 without outputs
 * @param activations every layer's output for the input (for the activity view), or null
 * @param labels      the class labels, empty without a model
 * @param model       the model asked, or null without a model
 * @param nanos       time taken: rasterize + preprocess + forward pass (+ activations)
 */
public record Guess(long sequence, Drawing drawing, PreprocessedDigit digit, float[] outputs, float[] confidences,
                    int best, float[][] activations, List<String> labels, PredictionModel model, long nanos)
        implements IAdaptable {

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == PreprocessedDigit.class ? adapter.cast(digit) : null;
    }

    /** The model's name, or null without a model. */
    public String modelName() {
        return model == null ? null : model.name();
    }

    /** True when the drawing had no ink. */
    public boolean isEmpty() {
        return digit == null;
    }

    /** True when there was a model to ask. */
    public boolean hasPrediction() {
        return outputs != null;
    }

    /** The best class's label, e.g. "7". */
    public String bestLabel() {
        return best < 0 ? "" : labels.get(best);
    }

    /** The best class's confidence in [0, 1], 0 without outputs. */
    public double bestConfidence() {
        return best < 0 ? 0 : confidences[best];
    }

    /** The verdict sentence, or the empty-canvas message. */
    public String verdict() {
        if (isEmpty()) return Verdict.EMPTY;
        if (!hasPrediction()) return "No model yet \u2014 train one or open a model file";
        return Verdict.of(bestLabel(), bestConfidence());
    }
}

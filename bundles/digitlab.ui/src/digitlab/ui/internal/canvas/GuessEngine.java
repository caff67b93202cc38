package digitlab.ui.internal.canvas;

import java.util.List;
import java.util.Optional;

import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.data.preprocess.StrokeDigitizer;
import digitlab.data.preprocess.StrokeWidthNormalizer;
import digitlab.ui.internal.model.PredictionModel;

/**
 * The work behind one guess, in plain Java so it can run on any thread and in tests: drawing -> 28x28
 * MNIST-style digit -> the model's outputs and every layer's activations. Strokes alone are digitised as
 * vectors ({@link StrokeDigitizer}: drawn straight into the 20x20 box with MNIST's pen, so the size of the
 * drawing and the pen do not matter); a loaded picture (with any strokes on it) is rasterised
 * ({@link DrawingRasterizer}) and digitised with its stroke width normalised ({@link StrokeWidthNormalizer});
 * a drawing with an exact input (a dataset image) skips all of it and gets evaluation's outputs
 * ({@link ExactInput}). Stateless apart from its helpers; thread-safe.
 */
public final class GuessEngine {

    private final DrawingRasterizer rasterizer;
    private final StrokeDigitizer strokes = new StrokeDigitizer();
    private final StrokeWidthNormalizer pictures = new StrokeWidthNormalizer();

    /** An engine rasterizing at the default resolution. */
    public GuessEngine() {
        this(new DrawingRasterizer(DrawingRasterizer.DEFAULT_SIDE));
    }

    /** An engine with its own rasterizer. */
    public GuessEngine(DrawingRasterizer rasterizer) {
        this.rasterizer = rasterizer;
    }

    /**
     * Guesses on {@code drawing} with {@code model} (null: preprocessing only).
     *
     * @param sequence the request's number, copied into the result
     */
    public Guess guess(long sequence, Drawing drawing, PredictionModel model) {
        long start = System.nanoTime();
        if (drawing.isEmpty()) return empty(sequence, drawing, model, start);
        int side = rasterizer.side();
        Optional<PreprocessedDigit> digit = drawing.hasExactInput() ? Optional.of(ExactInput.digit(drawing)) // as it is
                : drawing.background() == null
                        ? strokes.digitize(drawing.strokes().stream().map(Stroke::xy).toList(), side, DrawingArea.PEN_WIDTH)
                        : pictures.process(rasterizer.rasterize(drawing), side, side);
        if (digit.isEmpty()) return empty(sequence, drawing, model, start);
        PreprocessedDigit d = digit.get();
        if (model == null || model.inputSize() != PreprocessedDigit.SIZE * PreprocessedDigit.SIZE) {
            return new Guess(sequence, drawing, d, null, null, -1, null, List.of(), model,
                    System.nanoTime() - start);
        }
        float[] pixels = d.pixels();
        float[][] activations = model.activations(pixels);
        if (drawing.hasExactInput()) activations[activations.length - 1] = ExactInput.outputs(model, pixels); // = eval's
        float[] outputs = activations[activations.length - 1];
        float[] confidences = shares(outputs);
        int best = digitlab.nn.Argmax.of(outputs);
        return new Guess(sequence, drawing, d, outputs, confidences, best, activations, model.labels(), model,
                System.nanoTime() - start);
    }

    private static Guess empty(long sequence, Drawing drawing, PredictionModel model, long start) {
        return new Guess(sequence, drawing, null, null, null, -1, null, model == null ? List.of() : model.labels(),
                model, System.nanoTime() - start);
    }

    /**
     * Each output's share of the sum of the (non-negative parts of the) outputs: softmax
     * probabilities come out unchanged, independent sigmoid outputs become comparable shares.
     */
    static float[] shares(float[] outputs) {
        double sum = 0;
        for (float o : outputs) sum += Math.max(0, o);
        float[] s = new float[outputs.length];
        for (int i = 0; i < s.length; i++) s[i] = sum > 0 ? (float) (Math.max(0, outputs[i]) / sum) : 1f / s.length;
        return s;
    }
}

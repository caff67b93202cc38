package digitlab.train.cli;

import digitlab.data.ImageSet;
import digitlab.data.preprocess.DrawingImages;
import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.data.preprocess.StrokeWidthNormalizer;
import digitlab.nn.Model;
import java.util.Arrays;

/**
 * The latency of a canvas guess without a display: MNIST test digits drawn at the canvas's size
 * (280x280, {@link DrawingImages#enlarge}) go through what SUBMIT runs for a picture in the canvas: the stroke
 * width measured (thinning) and brought to MNIST's where it is unusual ({@link StrokeWidthNormalizer}), the
 * MNIST-style preprocessing (ink box, 20x20 scaling, centre of mass) and the model's forward pass. (Strokes drawn
 * in the canvas take the shorter way: drawn straight into the 20x20 box.) Medians over many digits after a
 * warm-up, on the calling thread.
 */
final class CanvasLatency {

    /** The canvas's raster is ten times MNIST's 28 pixels. */
    static final int FACTOR = 10;

    /** Median and 90th percentile in milliseconds over {@code guesses} timed guesses. */
    record Result(double medianMillis, double p90Millis, int guesses) {
    }

    private CanvasLatency() {
    }

    /**
     * Times {@code guesses} guesses of {@code model} on the first {@code distinct} images of {@code test},
     * enlarged to 280x280 once beforehand (drawing is the user's time, not the lab's).
     *
     * @throws IllegalArgumentException when the model does not take 28x28 images
     */
    static Result measure(Model model, ImageSet test, int distinct, int guesses, long warmUpNanos) {
        if (model.snapshot().network().inputSize() != PreprocessedDigit.SIZE * PreprocessedDigit.SIZE) {
            throw new IllegalArgumentException("the model takes " + model.snapshot().network().inputSize()
                    + " inputs, not a 28x28 image");
        }
        int n = Math.min(distinct, test.size());
        float[][] drawings = new float[n][];
        for (int i = 0; i < n; i++) drawings[i] = DrawingImages.enlarge(test, i, FACTOR);
        int side = 28 * FACTOR;
        StrokeWidthNormalizer preprocessor = new StrokeWidthNormalizer();
        float sink = 0;
        long warmUpEnd = System.nanoTime() + warmUpNanos;
        for (int i = 0; System.nanoTime() < warmUpEnd; i++) sink += guess(preprocessor, model, drawings[i % n], side);
        long[] nanos = new long[guesses];
        for (int i = 0; i < guesses; i++) {
            long t0 = System.nanoTime();
            sink += guess(preprocessor, model, drawings[i % n], side);
            nanos[i] = System.nanoTime() - t0;
        }
        if (Float.isNaN(sink)) throw new IllegalStateException("the model answered NaN");
        Arrays.sort(nanos);
        return new Result(nanos[guesses / 2] / 1e6, nanos[guesses * 9 / 10] / 1e6, guesses);
    }

    /** One guess: preprocessing and forward pass; returns the best class's probability. */
    private static float guess(StrokeWidthNormalizer preprocessor, Model model, float[] drawing, int side) {
        PreprocessedDigit digit = preprocessor.process(drawing, side, side).orElseThrow(
                () -> new IllegalStateException("a test digit came out blank"));
        float[] p = model.predictPixels(digit.pixels());
        float best = p[0];
        for (float v : p) best = Math.max(best, v);
        return best;
    }
}

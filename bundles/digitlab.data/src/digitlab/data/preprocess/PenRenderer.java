package digitlab.data.preprocess;

import java.util.List;
import java.util.Optional;

/**
 * Draws centre lines into the 20x20 box with a round pen as wide as MNIST's strokes are there, then places the
 * box in the 28x28 image ({@link DigitPreprocessor#place}). Shared by the canvas's strokes
 * ({@link StrokeDigitizer}) and the centre lines found in images ({@link StrokeWidthNormalizer}), so both give
 * MNIST's stroke width whatever pen drew the input and however large it was drawn.
 * <p>
 * Geometry: the centre lines' bounding box, of longer side L input units, is scaled by s = (20 - pen) / L so
 * that the ink (centre lines plus half a pen each side) spans exactly 20 pixels along the longer side, the
 * shorter side centred, as MNIST's 20x20 box; the segments painted by {@link Capsules}.
 */
final class PenRenderer {

    /**
     * MNIST's stroke width in pixels of the 28x28 image (the digit's 20x20 box) as {@link
     * StrokeWidthNormalizer#strokeWidth} measures it (ink mass over the length of the Zhang-Suen skeleton):
     * the median over the 60,000 training images is 2.64 (quartiles 2.24 and 3.26).
     */
    static final double MNIST_STROKE_WIDTH = 2.64;

    /**
     * The round pen that gives strokes MNIST's {@link #MNIST_STROKE_WIDTH}: 2.5 pixels across. (Smaller than
     * 2.64 because the measure counts skeleton pixels, and a diagonal line has fewer pixels than its length.)
     */
    static final float MNIST_PEN = 2.5f;

    private static final int BOX = DigitPreprocessor.BOX;

    private PenRenderer() {
    }

    /**
     * @param lines   polylines {x0, y0, x1, y1, ...} in any unit (one point: a dot)
     * @param inkBox  where the ink was in the input, for the views
     * @param unit    input pixels per line unit, for the reported scale
     * @param inverted whether the input was dark ink on light paper
     * @return the digit, or empty when there are no points
     */
    static Optional<PreprocessedDigit> render(List<float[]> lines, float pen, InkBox inkBox, double unit,
            boolean inverted) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (float[] l : lines) {
            for (int i = 0; i + 1 < l.length; i += 2) {
                x0 = Math.min(x0, l[i]);
                x1 = Math.max(x1, l[i]);
                y0 = Math.min(y0, l[i + 1]);
                y1 = Math.max(y1, l[i + 1]);
            }
        }
        if (x1 < x0) return Optional.empty();
        double longer = Math.max(x1 - x0, y1 - y0);
        double s = longer > 0 ? (BOX - pen) / longer : 1;
        // box coordinates of the centre lines: the ink box (centre lines + pen) centred in the 20x20 box
        double ox = (BOX - ((x1 - x0) * s + pen)) / 2 + pen / 2.0 - x0 * s;
        double oy = (BOX - ((y1 - y0) * s + pen)) / 2 + pen / 2.0 - y0 * s;
        float[] boxed = new float[BOX * BOX];
        float r = pen / 2;
        for (float[] l : lines) {
            int n = l.length / 2;
            if (n == 1) {
                float x = (float) (ox + l[0] * s), y = (float) (oy + l[1] * s);
                Capsules.paint(boxed, BOX, x, y, x, y, r);
            }
            for (int i = 1; i < n; i++) {
                Capsules.paint(boxed, BOX, (float) (ox + l[2 * i - 2] * s), (float) (oy + l[2 * i - 1] * s),
                        (float) (ox + l[2 * i] * s), (float) (oy + l[2 * i + 1] * s), r);
            }
        }
        return DigitPreprocessor.place(boxed, inkBox, s / unit, inverted);
    }
}

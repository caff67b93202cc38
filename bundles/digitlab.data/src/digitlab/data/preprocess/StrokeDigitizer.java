package digitlab.data.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Digitises pen strokes (the canvas keeps a drawing as vectors) straight into MNIST's form: the strokes'
 * centre lines are scaled into the 20x20 box and drawn there with a pen as wide as MNIST's strokes, then the
 * box is centred by its centre of mass in the 28x28 image. The pen the user drew with and the size of the
 * drawing do not matter: the same strokes drawn tiny or huge, thin or thick give the same picture.
 * <p>
 * Stateless and thread-safe.
 */
public final class StrokeDigitizer {

    /**
     * Digitises {@code strokes}.
     *
     * @param strokes polylines {x0, y0, x1, y1, ...} in canvas coordinates 0..1 (a single point is a dot);
     *                strokes of no points are skipped
     * @param side    the canvas's side in pixels, for the ink box reported to the views
     * @param penWidth the pen's width as a fraction of the side, for the ink box
     * @return the 28x28 digit, or empty when there are no points
     * @throws IllegalArgumentException for a stroke of an odd number of values or a coordinate that is not finite
     */
    public Optional<PreprocessedDigit> digitize(List<float[]> strokes, int side, float penWidth) {
        Objects.requireNonNull(strokes, "strokes");
        if (side <= 0) throw new IllegalArgumentException("canvas side must be positive, got " + side);
        double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
        boolean any = false;
        for (float[] s : strokes) {
            if (s.length % 2 != 0) throw new IllegalArgumentException("a stroke has an odd number of coordinates");
            for (int i = 0; i < s.length; i++) {
                if (!Float.isFinite(s[i])) throw new IllegalArgumentException("a stroke coordinate is " + s[i]);
            }
            for (int i = 0; i < s.length; i += 2) {
                any = true;
                x0 = Math.min(x0, s[i]);
                x1 = Math.max(x1, s[i]);
                y0 = Math.min(y0, s[i + 1]);
                y1 = Math.max(y1, s[i + 1]);
            }
        }
        if (!any) return Optional.empty();
        double r = penWidth / 2;
        int bx0 = clamp((int) Math.floor((x0 - r) * side), side - 1);
        int by0 = clamp((int) Math.floor((y0 - r) * side), side - 1);
        int bx1 = clamp((int) Math.ceil((x1 + r) * side), side);
        int by1 = clamp((int) Math.ceil((y1 + r) * side), side);
        InkBox box = new InkBox(bx0, by0, Math.max(1, bx1 - bx0), Math.max(1, by1 - by0));
        return PenRenderer.render(strokes, PenRenderer.MNIST_PEN, box, side, false);
    }

    private static int clamp(int v, int hi) {
        return Math.max(0, Math.min(hi, v));
    }
}

package digitlab.train.mydrawings;

import java.util.Arrays;

/**
 * One pen stroke of a taught drawing, as the canvas recorded it: a polyline in drawing coordinates
 * (0..1 on both axes of the square drawing area) and the pen's width in the same unit. Immutable.
 *
 * @param xy    points as {@code x0, y0, x1, y1, ...} (at least one point, each in [0, 1])
 * @param width the pen's width as a fraction of the drawing's side, in (0, 1]
 */
public record PenStroke(float[] xy, float width) {

    /** Copies the points and checks them; the message names the problem. */
    public PenStroke {
        if (xy == null || xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke needs pairs of coordinates, got "
                    + (xy == null ? "none" : xy.length + " values"));
        }
        for (float v : xy) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("a stroke coordinate is " + v + ", not in [0, 1]");
        }
        if (!(width > 0 && width <= 1)) throw new IllegalArgumentException("a stroke width is " + width + ", not in (0, 1]");
        xy = xy.clone();
    }

    /** The number of points. */
    public int points() {
        return xy.length / 2;
    }

    @Override
    public float[] xy() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PenStroke s && s.width == width && Arrays.equals(s.xy, xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy) * 31 + Float.hashCode(width);
    }

    @Override
    public String toString() {
        return "PenStroke[" + points() + " points, width " + width + "]";
    }
}

package digitlab.ui.internal.canvas;

import java.util.Arrays;

/**
 * One pen stroke: a polyline in drawing coordinates (0..1 on both axes of the square drawing area,
 * so a drawing survives resizing) and its width in the same unit. Immutable.
 *
 * @param xy    points as {@code x0, y0, x1, y1, ...} (at least one point)
 * @param width line width as a fraction of the drawing's side
 */
public record Stroke(float[] xy, float width) {

    /** Copies the points and checks them. */
    public Stroke {
        if (xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke needs pairs of coordinates, got " + xy.length + " values");
        }
        if (!(width > 0)) throw new IllegalArgumentException("stroke width must be positive, got " + width);
        xy = xy.clone();
    }

    /** The number of points. */
    public int points() {
        return xy.length / 2;
    }

    /** The x coordinate of point {@code i}. */
    public float x(int i) {
        return xy[2 * i];
    }

    /** The y coordinate of point {@code i}. */
    public float y(int i) {
        return xy[2 * i + 1];
    }

    /** A copy with one more point. */
    public Stroke with(float x, float y) {
        float[] more = Arrays.copyOf(xy, xy.length + 2);
        more[xy.length] = x;
        more[xy.length + 1] = y;
        return new Stroke(more, width);
    }

    @Override
    public float[] xy() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stroke s && s.width == width && Arrays.equals(s.xy, xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy) * 31 + Float.hashCode(width);
    }
}

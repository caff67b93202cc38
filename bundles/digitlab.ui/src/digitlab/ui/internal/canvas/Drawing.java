package digitlab.ui.internal.canvas;

import java.util.ArrayList;
import java.util.List;

/**
 * What is on the canvas: an optional background picture (a dataset image loaded into the canvas,
 * e.g. from the confusion-matrix gallery) and the strokes drawn over it, oldest first. Immutable;
 * every edit makes a new drawing, so the guessing thread can take one without copying or locking.
 *
 * @param background {@code backgroundSide^2} ink values in [0, 1] (0 paper, 1 full ink), row-major, or null
 * @param backgroundSide the side of the background picture in pixels (28 for MNIST), 0 without one
 * @param backgroundName where the picture came from, e.g. "test image #1234 (label 7)", or null
 * @param strokes the strokes, oldest first
 */
public record Drawing(float[] background, int backgroundSide, String backgroundName, List<Stroke> strokes) {

    /** The empty drawing. */
    public static final Drawing EMPTY = new Drawing(null, 0, null, List.of());

    /** Freezes the stroke list and checks the background. */
    public Drawing {
        strokes = List.copyOf(strokes);
        if (background != null && background.length != backgroundSide * backgroundSide) {
            throw new IllegalArgumentException("background has " + background.length + " values, not "
                    + backgroundSide + "x" + backgroundSide);
        }
    }

    /** A drawing showing only {@code picture} (ink values, {@code side x side}). */
    public static Drawing ofPicture(float[] picture, int side, String name) {
        return new Drawing(picture.clone(), side, name, List.of());
    }

    /** True when there is neither a picture nor a stroke. */
    public boolean isEmpty() {
        return background == null && strokes.isEmpty();
    }

    /** A copy with {@code stroke} added on top. */
    public Drawing with(Stroke stroke) {
        List<Stroke> more = new ArrayList<>(strokes);
        more.add(stroke);
        return new Drawing(background, backgroundSide, backgroundName, more);
    }

    /** A copy whose newest stroke is replaced by {@code stroke} (while the pen moves). */
    public Drawing withLastReplaced(Stroke stroke) {
        List<Stroke> more = new ArrayList<>(strokes);
        more.set(more.size() - 1, stroke);
        return new Drawing(background, backgroundSide, backgroundName, more);
    }

    /** Undo: without the newest stroke, or without the picture when no stroke is left. */
    public Drawing undone() {
        if (!strokes.isEmpty()) {
            return new Drawing(background, backgroundSide, backgroundName, strokes.subList(0, strokes.size() - 1));
        }
        return EMPTY;
    }
}

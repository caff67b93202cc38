package digitlab.ui.internal.canvas;

import java.util.ArrayList;
import java.util.List;

/**
 * What is on the canvas: an optional picture under the strokes, and the strokes drawn over it, oldest
 * first. Immutable; every edit makes a new drawing, so the guessing thread can take one without
 * copying or locking.
 *
 * <p>Two kinds of picture:
 * <ul>
 * <li>a <b>background</b> (any picture, e.g. an image file): rasterised and digitised with the
 * strokes, like a drawing;</li>
 * <li>an <b>exact input</b> (a dataset image loaded from the gallery or the Dataset view,
 * {@link #ofDatasetImage}): 28x28 values that are the network's input as they are, shown with
 * sharp pixels and never re-digitised, so the canvas gives exactly the probabilities that
 * evaluation gives for that image ({@link ExactInput}). Strokes drawn over it are digitised
 * straight into its 28x28 grid where they lie on the picture (no re-centring, no scaling).</li>
 * </ul>
 *
 * @param background     {@code backgroundSide^2} ink values in [0, 1] (0 paper, 1 full ink), row-major, or null
 * @param backgroundSide the side of the background picture in pixels, 0 without one
 * @param backgroundName where the picture (background or exact input) came from, e.g.
 *                       "test image #1234 (label 7)", or null
 * @param exactInput     an exact network input of {@link ExactInput#SIDE}^2 values in [0, 1], or null
 * @param strokes        the strokes, oldest first
 */
public record Drawing(float[] background, int backgroundSide, String backgroundName, float[] exactInput,
                      List<Stroke> strokes) {

    /** The empty drawing. */
    public static final Drawing EMPTY = new Drawing(null, 0, null, null, List.of());

    /** Freezes the stroke list and checks the pictures. */
    public Drawing {
        strokes = List.copyOf(strokes);
        if (background != null && background.length != backgroundSide * backgroundSide) {
            throw new IllegalArgumentException("background has " + background.length + " values, not "
                    + backgroundSide + "x" + backgroundSide);
        }
        if (exactInput != null && exactInput.length != ExactInput.SIDE * ExactInput.SIDE) {
            throw new IllegalArgumentException("an exact input has " + ExactInput.SIDE + "x" + ExactInput.SIDE
                    + " values, not " + exactInput.length);
        }
        if (exactInput != null && background != null) {
            throw new IllegalArgumentException("a drawing has a background or an exact input, not both");
        }
    }

    /** A drawing with a background picture (or none) and strokes, without an exact input. */
    public Drawing(float[] background, int backgroundSide, String backgroundName, List<Stroke> strokes) {
        this(background, backgroundSide, backgroundName, null, strokes);
    }

    /** A drawing showing only {@code picture} (ink values, {@code side x side}), digitised like strokes. */
    public static Drawing ofPicture(float[] picture, int side, String name) {
        return new Drawing(picture.clone(), side, name, null, List.of());
    }

    /**
     * A drawing holding a dataset image: a 28x28 image becomes the network's exact input (its own pixels, ink
     * values in [0, 1] as the dataset gives them to evaluation), shown as such and never re-digitised; an image
     * of another size (an imported dataset) cannot be an input as it is and becomes a picture digitised like a
     * drawing.
     *
     * @param pixels {@code width * height} ink values in [0, 1], row-major (copied)
     */
    public static Drawing ofDatasetImage(float[] pixels, int width, int height, String name) {
        if (width == ExactInput.SIDE && height == ExactInput.SIDE) {
            return new Drawing(null, 0, name, pixels.clone(), List.of());
        }
        if (width != height) throw new IllegalArgumentException("only square images go into the canvas, not " + width + "x" + height);
        return ofPicture(pixels, width, name);
    }

    /** True when there is neither a picture nor a stroke. */
    public boolean isEmpty() {
        return background == null && exactInput == null && strokes.isEmpty();
    }

    /** True when the drawing carries an exact 28x28 input ({@link #ofDatasetImage}). */
    public boolean hasExactInput() {
        return exactInput != null;
    }

    /** A copy with {@code stroke} added on top. */
    public Drawing with(Stroke stroke) {
        List<Stroke> more = new ArrayList<>(strokes);
        more.add(stroke);
        return new Drawing(background, backgroundSide, backgroundName, exactInput, more);
    }

    /** A copy whose newest stroke is replaced by {@code stroke} (while the pen moves). */
    public Drawing withLastReplaced(Stroke stroke) {
        List<Stroke> more = new ArrayList<>(strokes);
        more.set(more.size() - 1, stroke);
        return new Drawing(background, backgroundSide, backgroundName, exactInput, more);
    }

    /** Undo: without the newest stroke, or without the picture when no stroke is left. */
    public Drawing undone() {
        if (!strokes.isEmpty()) {
            return new Drawing(background, backgroundSide, backgroundName, exactInput,
                    strokes.subList(0, strokes.size() - 1));
        }
        return EMPTY;
    }

    /** The strokes alone, without any picture. */
    public Drawing strokesOnly() {
        return new Drawing(null, 0, null, null, strokes);
    }
}

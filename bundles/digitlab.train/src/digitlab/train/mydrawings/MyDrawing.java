package digitlab.train.mydrawings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One drawing the user taught the lab: its label, its strokes as vectors and the 28x28 image the
 * network saw. Immutable.
 *
 * @param id       a unique id within the store, e.g. {@code 20261203-104512-3f9a}
 * @param label    the class, 0..9
 * @param created  when it was taught
 * @param heldOut  true for the held-out part (never trained on; fine-tuning reports its accuracy there)
 * @param image    {@value #SIDE}x{@value #SIDE} bytes, row-major, 0 = background, 255 = full ink (MNIST's form)
 * @param strokes  the pen strokes, oldest first (empty for an image taught without strokes)
 */
public record MyDrawing(String id, int label, Instant created, boolean heldOut, byte[] image, List<PenStroke> strokes) {

    /** The side of the image: 28, as in MNIST. */
    public static final int SIDE = 28;
    /** The number of classes: the digits 0..9. */
    public static final int CLASSES = 10;

    /** Checks the fields and copies the image and stroke list; the message names the bad field. */
    public MyDrawing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        if (id.isBlank()) throw new IllegalArgumentException("a drawing's id is empty");
        if (label < 0 || label >= CLASSES) {
            throw new IllegalArgumentException("label " + label + " is not a class; the classes are 0..9");
        }
        if (image == null || image.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a drawing's image has " + SIDE * SIDE + " pixels, not "
                    + (image == null ? "none" : image.length));
        }
        image = image.clone();
        strokes = List.copyOf(strokes);
    }

    /** A copy of the image bytes. */
    @Override
    public byte[] image() {
        return image.clone();
    }

    /** True when some pixel has ink. */
    public boolean hasInk() {
        for (byte b : image) if (b != 0) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MyDrawing d && d.id.equals(id) && d.label == label && d.created.equals(created)
                && d.heldOut == heldOut && java.util.Arrays.equals(d.image, image) && d.strokes.equals(strokes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MyDrawing[" + id + ", label " + label + (heldOut ? ", held out" : "") + ", " + strokes.size() + " strokes]";
    }
}

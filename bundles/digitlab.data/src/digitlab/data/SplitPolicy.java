package digitlab.data;

import java.util.Locale;

/**
 * How many images at the end of the training file are held out for validation.
 * <p>
 * Validation is always the <em>tail</em> of the training file and training is the rest, so the two never
 * overlap and the split is the same on every run (no seed needed). For MNIST the default holds out the last
 * 5,000 of the 60,000 training images, the usual choice.
 */
public final class SplitPolicy {

    /** The default for large sets: 5,000 validation images. */
    public static final int DEFAULT_VALIDATION_IMAGES = 5000;

    private enum Kind { STANDARD, COUNT, FRACTION }

    private static final SplitPolicy STANDARD = new SplitPolicy(Kind.STANDARD, DEFAULT_VALIDATION_IMAGES, 0);
    private static final SplitPolicy NONE = new SplitPolicy(Kind.COUNT, 0, 0);

    private final Kind kind;
    private final int count;
    private final double fraction;

    private SplitPolicy(Kind kind, int count, double fraction) {
        this.kind = kind;
        this.count = count;
        this.fraction = fraction;
    }

    /**
     * The default: the last 5,000 training images, or the last twelfth of the training set when that is
     * smaller (5,000 is a twelfth of MNIST's 60,000), so that small datasets keep most images for training.
     */
    public static SplitPolicy standard() {
        return STANDARD;
    }

    /** No validation images: the whole training file is used for training. */
    public static SplitPolicy none() {
        return NONE;
    }

    /**
     * Exactly the last {@code count} training images.
     *
     * @throws IllegalArgumentException when count is negative
     */
    public static SplitPolicy lastImages(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("validation image count must be >= 0, got " + count);
        }
        return count == 0 ? NONE : new SplitPolicy(Kind.COUNT, count, 0);
    }

    /**
     * The last {@code fraction} of the training images (rounded down).
     *
     * @throws IllegalArgumentException unless 0 &lt;= fraction &lt; 1
     */
    public static SplitPolicy lastFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        return new SplitPolicy(Kind.FRACTION, 0, fraction);
    }

    /**
     * Reads a policy as typed on a command line: {@code "5000"} (images), {@code "10%"} (a percentage),
     * {@code "none"} or {@code "0"}, {@code "default"}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static SplitPolicy parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("default") || t.equals("standard")) {
                return STANDARD;
            }
            if (t.equals("none")) {
                return NONE;
            }
            if (t.endsWith("%")) {
                return lastFraction(Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0);
            }
            return lastImages(Integer.parseInt(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad validation split '" + text
                    + "'; use a number of images (5000), a percentage (10%), 'none' or 'default'", e);
        }
    }

    /**
     * The number of validation images taken from the end of a training file of {@code trainingImages}.
     *
     * @throws IllegalArgumentException when the policy would leave no training image
     */
    public int validationSize(int trainingImages) {
        int v = switch (kind) {
            case STANDARD -> Math.min(count, trainingImages / 12);
            case COUNT -> count;
            case FRACTION -> (int) Math.floor(trainingImages * fraction);
        };
        if (v > 0 && v >= trainingImages) {
            throw new IllegalArgumentException("a validation split of " + v + " images needs more than " + v
                    + " training images, but the training set has " + trainingImages);
        }
        return v;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STANDARD -> "default (last " + count + " or last twelfth)";
            case COUNT -> count == 0 ? "none" : "last " + count + " images";
            case FRACTION -> "last " + (fraction * 100) + "%";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitPolicy p && p.kind == kind && p.count == count
                && Double.compare(p.fraction, fraction) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 * 31 + count * 31 + Double.hashCode(fraction);
    }
}

package digitlab.nn;

import java.io.Serializable;

/**
 * The shape of one sample as it flows between layers: {@code channels x height x width}, stored
 * row-major in that order. A flat vector of {@code n} values has the shape {@code n x 1 x 1}.
 *
 * @param channels number of channels (feature maps), at least 1
 * @param height   rows per channel, at least 1
 * @param width    columns per row, at least 1
 */
public record Shape(int channels, int height, int width) implements Serializable {

    /** Checks that every dimension is positive. */
    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape " + channels + "x" + height + "x" + width
                    + " has a dimension below 1");
        }
    }

    /** A flat vector of {@code size} values ({@code size x 1 x 1}). */
    public static Shape vector(int size) {
        return new Shape(size, 1, 1);
    }

    /** The number of values in one sample, as a long so that absurd shapes cannot overflow. */
    public long sizeLong() {
        return (long) channels * height * width;
    }

    /** The number of values in one sample. Only call this on validated shapes. */
    public int size() {
        return Math.toIntExact(sizeLong());
    }

    /** True when this is a flat vector ({@code height == width == 1}). */
    public boolean isVector() {
        return height == 1 && width == 1;
    }

    /**
     * Parses {@code "784"} (a vector) or {@code "1x28x28"} (channels x height x width).
     *
     * @throws IllegalArgumentException naming the text when it is not a shape
     */
    public static Shape parse(String text) {
        String[] parts = text.trim().split("x");
        try {
            if (parts.length == 1) return vector(Integer.parseInt(parts[0].trim()));
            if (parts.length == 3) {
                return new Shape(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a shape; expected N or CxHxW, e.g. 784 or 1x28x28");
    }

    /** {@code "784"} for vectors, else {@code "1x28x28"}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return isVector() ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}

package digitlab.data.idx;

import java.util.Arrays;

/**
 * The content of one unsigned-byte IDX file: its dimensions and its data bytes.
 * <p>
 * Shape: {@code dimension(0)} items (images or labels), each of {@code dimension(1) * ... } bytes, stored
 * item after item, row-major. For MNIST images the dimensions are (60000, 28, 28); for labels (60000).
 * {@link #data()} returns the array itself, not a copy (47 MB for MNIST's training images).
 */
public final class IdxArray {

    private final String source;
    private final int[] dimensions;
    private final byte[] data;

    IdxArray(String source, int[] dimensions, byte[] data) {
        this.source = source;
        this.dimensions = dimensions.clone();
        this.data = data;
    }

    /** The file or resource name the data came from (for messages). */
    public String source() {
        return source;
    }

    /** Number of dimensions (1 for labels, 3 for images). */
    public int rank() {
        return dimensions.length;
    }

    /** Size of dimension {@code d}. */
    public int dimension(int d) {
        return dimensions[d];
    }

    /** All dimensions, copied. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** Number of items: {@code dimension(0)}. */
    public int count() {
        return dimensions[0];
    }

    /** Bytes per item: the product of the dimensions after the first (1 for labels). */
    public int itemSize() {
        int size = 1;
        for (int d = 1; d < dimensions.length; d++) {
            size *= dimensions[d];
        }
        return size;
    }

    /** The data bytes, unsigned, item after item; the array itself (do not modify). */
    public byte[] data() {
        return data;
    }

    @Override
    public String toString() {
        return source + " " + Arrays.toString(dimensions);
    }
}

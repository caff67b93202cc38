package digitlab.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, indexable set of labelled grayscale images stored as unsigned bytes.
 * <p>
 * Memory shape: one shared {@code byte[] pixels} of {@code baseCount * width * height} bytes (image after
 * image, each row-major, 0 = black background, 255 = full ink, as in MNIST) and one {@code byte[] labels}
 * of {@code baseCount} class indices. Views made by {@link #range(int, int)} and {@link #subset(int[])}
 * share these arrays and copy nothing but (for subsets) the index list. Floats are made per image or per
 * batch by the caller with {@link #copyNormalized(int, float[], int)}, so MNIST stays at about 55 MB.
 * <p>
 * Instances are safe to share between threads: nothing in them changes after construction.
 */
public final class ImageSet {

    /** 0..255 -> [0,1]: a table instead of a division per pixel. */
    private static final float[] UNIT = new float[256];
    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255f;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final int width;
    private final int height;
    private final int classCount;
    /** Base index of view position 0 when {@link #index} is null (a contiguous range). */
    private final int start;
    private final int size;
    /** Base indices of the view's images, or null for the contiguous range start..start+size-1. */
    private final int[] index;

    private ImageSet(byte[] pixels, byte[] labels, int width, int height, int classCount, int start, int size,
            int[] index) {
        this.pixels = pixels;
        this.labels = labels;
        this.width = width;
        this.height = height;
        this.classCount = classCount;
        this.start = start;
        this.size = size;
        this.index = index;
    }

    /**
     * Wraps image and label bytes without copying them. The arrays must not be changed afterwards.
     *
     * @param width      image width in pixels (&gt; 0)
     * @param height     image height in pixels (&gt; 0)
     * @param classCount number of classes (1..256); every label must be below it
     * @param pixels     {@code labels.length * width * height} bytes, image after image, row-major
     * @param labels     one class index per image, read as unsigned bytes
     * @throws IllegalArgumentException naming the field that does not fit
     */
    public static ImageSet of(int width, int height, int classCount, byte[] pixels, byte[] labels) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (classCount < 1 || classCount > 256) {
            throw new IllegalArgumentException("class count must be in 1..256, got " + classCount);
        }
        long expected = (long) labels.length * width * height;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels holds " + pixels.length + " bytes but " + labels.length
                    + " images of " + width + "x" + height + " need " + expected);
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classCount) {
                throw new IllegalArgumentException(
                        "label " + label + " of image " + i + " is outside 0.." + (classCount - 1));
            }
        }
        return new ImageSet(pixels, labels, width, height, classCount, 0, labels.length, null);
    }

    /** Number of images in this set (or view). */
    public int size() {
        return size;
    }

    /** True when the set holds no image. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** {@code width * height}: the length of one image in bytes or floats. */
    public int pixelsPerImage() {
        return width * height;
    }

    /** Number of classes; every label is in {@code 0..classCount()-1}. */
    public int classCount() {
        return classCount;
    }

    /** The class index of image {@code i} (0-based position in this view). */
    public int label(int i) {
        return labels[base(i)] & 0xFF;
    }

    /** Gray value 0..255 of pixel (x, y) of image {@code i}; 0 is background, 255 full ink. */
    public int pixel(int i, int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + "," + y + ") outside " + width + "x" + height);
        }
        return pixels[offset(i) + y * width + x] & 0xFF;
    }

    /** Copies image {@code i}'s {@link #pixelsPerImage()} bytes (unsigned, 0..255) into {@code dst[off..]}. */
    public void copyPixels(int i, byte[] dst, int off) {
        System.arraycopy(pixels, offset(i), dst, off, width * height);
    }

    /**
     * Writes image {@code i} as {@link #pixelsPerImage()} floats in [0,1] (value / 255) into
     * {@code dst[off..]}: the network's input layout, one image per call, no allocation.
     */
    public void copyNormalized(int i, float[] dst, int off) {
        int src = offset(i);
        int n = width * height;
        if (off < 0 || off + n > dst.length) {
            throw new IndexOutOfBoundsException("destination " + dst.length + " floats cannot take " + n
                    + " at offset " + off);
        }
        for (int p = 0; p < n; p++) {
            dst[off + p] = UNIT[pixels[src + p] & 0xFF];
        }
    }

    /** A read-only buffer over image {@code i}'s bytes (no copy); read values with {@code & 0xFF}. */
    public ByteBuffer pixelView(int i) {
        return ByteBuffer.wrap(pixels, offset(i), width * height).slice().asReadOnlyBuffer();
    }

    /** How many images of each class this set holds; an array of {@link #classCount()} counts. */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int i = 0; i < size; i++) {
            counts[label(i)]++;
        }
        return counts;
    }

    /**
     * The images at positions {@code from} (inclusive) to {@code to} (exclusive) of this set, as a view that
     * shares the bytes.
     */
    public ImageSet range(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        if (index == null) {
            return new ImageSet(pixels, labels, width, height, classCount, start + from, to - from, null);
        }
        return new ImageSet(pixels, labels, width, height, classCount, 0, to - from,
                Arrays.copyOfRange(index, from, to));
    }

    /**
     * The images at the given positions of this set, in that order (repeats allowed), as a view that shares
     * the bytes; only the position list is copied.
     *
     * @throws IndexOutOfBoundsException naming the first position outside this set
     */
    public ImageSet subset(int[] positions) {
        int[] mapped = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            if (p < 0 || p >= size) {
                throw new IndexOutOfBoundsException(
                        "position " + p + " (entry " + k + ") is outside 0.." + (size - 1));
            }
            mapped[k] = base(p);
        }
        return new ImageSet(pixels, labels, width, height, classCount, 0, mapped.length, mapped);
    }

    /**
     * The images of one class, in order, as a view (for browsing a dataset by label).
     *
     * @throws IllegalArgumentException when the label is outside {@code 0..classCount()-1}
     */
    public ImageSet withLabel(int label) {
        if (label < 0 || label >= classCount) {
            throw new IllegalArgumentException("label " + label + " is outside 0.." + (classCount - 1));
        }
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (label(i) == label) {
                count++;
            }
        }
        int[] positions = new int[count];
        for (int i = 0, k = 0; i < size; i++) {
            if (label(i) == label) {
                positions[k++] = i;
            }
        }
        return subset(positions);
    }

    /**
     * The index of image {@code i} in the underlying file (0-based), so that views can name the original
     * image (for example "test image #1234").
     */
    public int sourceIndex(int i) {
        return base(i);
    }

    private int base(int i) {
        Objects.checkIndex(i, size);
        return index == null ? start + i : index[i];
    }

    private int offset(int i) {
        return base(i) * width * height;
    }

    @Override
    public String toString() {
        return "ImageSet[" + size + " images of " + width + "x" + height + ", " + classCount + " classes]";
    }
}

package digitlab.data.preprocess;

/**
 * A drawing brought into MNIST's form: 28x28 floats in [0,1], white (1) ink on black (0), the ink scaled into a
 * 20x20 box and its intensity centre of mass within half a pixel of (14, 14). Plus what the views want to
 * show: where the ink was in the input, the scale used, whether the input was inverted.
 */
public final class PreprocessedDigit {

    /** Side of the output image: 28, as in MNIST. */
    public static final int SIZE = 28;

    private final float[] pixels;
    private final InkBox inkBox;
    private final double scale;
    private final int offsetX;
    private final int offsetY;
    private final double centreX;
    private final double centreY;
    private final boolean inverted;

    PreprocessedDigit(float[] pixels, InkBox inkBox, double scale, int offsetX, int offsetY, double centreX,
            double centreY, boolean inverted) {
        this.pixels = pixels;
        this.inkBox = inkBox;
        this.scale = scale;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.centreX = centreX;
        this.centreY = centreY;
        this.inverted = inverted;
    }

    /** The same pixels, described against an earlier input: its ink box, scale and polarity. */
    PreprocessedDigit relativeTo(InkBox inputBox, double inputScale, boolean inputInverted) {
        return new PreprocessedDigit(pixels, inputBox, inputScale, offsetX, offsetY, centreX, centreY, inputInverted);
    }

    /**
     * An image that is already in MNIST's form, taken exactly as it is (no ink box search, no scaling, no
     * centring): e.g. a dataset image put into the canvas, so that the network sees the very pixels the
     * dataset holds. Its ink box is the bounding box of the non-zero pixels (the whole image when it is blank),
     * its scale 1, its offsets 0; the centre of mass is measured (14, 14 for a blank image).
     *
     * @param pixels {@code SIZE * SIZE} values in [0, 1], row-major (copied)
     * @throws IllegalArgumentException for another length or a value outside [0, 1], naming it
     */
    public static PreprocessedDigit ofImage(float[] pixels) {
        if (pixels.length != SIZE * SIZE) {
            throw new IllegalArgumentException("an MNIST-form image has " + SIZE * SIZE + " pixels, not " + pixels.length);
        }
        int x0 = SIZE, y0 = SIZE, x1 = -1, y1 = -1;
        double mass = 0, mx = 0, my = 0;
        for (int i = 0; i < pixels.length; i++) {
            float v = pixels[i];
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("pixel " + i + " is " + v + ", not in [0, 1]");
            if (v == 0) continue;
            int x = i % SIZE, y = i / SIZE;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
            mass += v;
            mx += v * x;
            my += v * y;
        }
        InkBox box = x1 < 0 ? new InkBox(0, 0, SIZE, SIZE) : new InkBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        double cx = mass > 0 ? mx / mass : SIZE / 2.0;
        double cy = mass > 0 ? my / mass : SIZE / 2.0;
        return new PreprocessedDigit(pixels.clone(), box, 1.0, 0, 0, cx, cy, false);
    }

    /** The 784 pixels, row-major, in [0,1] (0 background, 1 full ink): a copy, the network's input. */
    public float[] pixels() {
        return pixels.clone();
    }

    /** Copies the 784 pixels into {@code dst[off..off+783]} without allocating. */
    public void copyPixels(float[] dst, int off) {
        System.arraycopy(pixels, 0, dst, off, pixels.length);
    }

    /** Pixel (x, y) of the 28x28 image, in [0,1]. */
    public float pixel(int x, int y) {
        if (x < 0 || x >= SIZE || y < 0 || y >= SIZE) {
            throw new IndexOutOfBoundsException("pixel (" + x + "," + y + ") outside 28x28");
        }
        return pixels[y * SIZE + x];
    }

    /** The 28x28 image as bytes 0..255 (rounded), for display or for an {@link digitlab.data.ImageSet}. */
    public byte[] toBytes() {
        byte[] b = new byte[pixels.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Math.round(pixels[i] * 255f);
        }
        return b;
    }

    /** Where the ink was in the input drawing (input pixels). */
    public InkBox inkBox() {
        return inkBox;
    }

    /** Output pixels per input pixel: 20 / the longer side of the ink box. */
    public double scale() {
        return scale;
    }

    /** Column of the 28x28 image where the 20x20 box's left edge was placed (0..8). */
    public int offsetX() {
        return offsetX;
    }

    /** Row of the 28x28 image where the 20x20 box's top edge was placed (0..8). */
    public int offsetY() {
        return offsetY;
    }

    /** The intensity centre of mass of the result, x (pixel index coordinates; about 14). */
    public double centreX() {
        return centreX;
    }

    /** The intensity centre of mass of the result, y (pixel index coordinates; about 14). */
    public double centreY() {
        return centreY;
    }

    /** Whether the input was dark ink on a light background and therefore inverted. */
    public boolean inverted() {
        return inverted;
    }
}

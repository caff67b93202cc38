package digitlab.data.preprocess;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Digitises an image of a digit with MNIST's stroke width, whatever pen wrote it: the ink is found as by
 * {@link DigitPreprocessor} (either polarity, no threshold), its box is enlarged or shrunk to a work grid whose
 * longer side is {@value #WORK} pixels, and the stroke width there is measured ({@link #strokeWidth}: ink mass
 * over the length of the strokes' centre lines, found by thinning, {@link Skeleton}). A width outside what MNIST's
 * own digits have is brought to MNIST's median by grey-level erosion (thick pens) or dilation (thin pens) with a
 * disc ({@link Morphology}); then the grid is digitised as any picture. A hair-thin and a marker-thick 7 come out
 * alike, with MNIST's stroke width.
 * <p>
 * Coarse images (an ink box under {@value #MIN_SIDE} pixels, like an 8x8 scan) are digitised as they are: their
 * strokes have no width to measure.
 * <p>
 * Stateless and thread-safe.
 */
public final class StrokeWidthNormalizer {

    /** Longer side of the work grid the centre lines are found on: 48 pixels. */
    static final int WORK = 48;
    /** Share of the peak ink that counts as stroke when thinning. */
    static final float THRESHOLD = 0.5f;
    /** Ink boxes smaller than this (in input pixels, longer side) are digitised as they are. */
    static final int MIN_SIDE = 20;
    /** MNIST's 10th and 90th percentile stroke widths (1.86 and 4.04) relative to its median (2.64). */
    static final double MNIST_LOW = 0.7, MNIST_HIGH = 1.53;
    /** The most the stroke width is changed by, in work pixels each side. */
    static final int MAX_RADIUS = 6;

    private final DigitPreprocessor plain = new DigitPreprocessor();

    /**
     * Digitises a grayscale raster (0 = black .. 1 = white, either polarity).
     *
     * @return the 28x28 digit, or empty when nothing is drawn
     * @throws IllegalArgumentException when the sizes do not match or a value is NaN
     */
    public Optional<PreprocessedDigit> process(float[] gray, int width, int height) {
        Objects.requireNonNull(gray, "gray");
        if (width <= 0 || height <= 0 || (long) width * height != gray.length) {
            return plain.process(gray, width, height); // it names the size problem
        }
        InkMap map = InkMap.of(gray, width, height);
        if (!map.hasInk) return Optional.empty();
        InkBox box = map.box();
        if (Math.max(box.width(), box.height()) < MIN_SIDE) {
            return plain.process(gray, width, height); // strokes this coarse have no width to measure
        }
        double scale = (double) WORK / Math.max(box.width(), box.height());
        float[] grid = DigitPreprocessor.resample(map, box, scale, (WORK - box.width() * scale) / 2,
                (WORK - box.height() * scale) / 2, WORK);
        double strokes = strokeWidth(grid, WORK, WORK);
        // the ink box on the grid is WORK wide, in the image 20: MNIST's width scaled to the grid
        double target = PenRenderer.MNIST_STROKE_WIDTH * WORK / DigitPreprocessor.BOX;
        // Widths MNIST itself has (its 10th to 90th percentile: 0.7 to 1.5 times the median) are left alone: the
        // network knows them, and every erosion or dilation also rounds corners and closes small loops.
        boolean usual = strokes >= MNIST_LOW * target && strokes <= MNIST_HIGH * target;
        int r = Double.isNaN(strokes) || usual ? 0 : (int) Math.round((strokes - target) / 2);
        if (r < 0) {
            // a thin pen: its anti-aliased line seldom reaches full ink; what counts as stroke becomes full ink
            float peak = 0;
            for (float v : grid) peak = Math.max(peak, v);
            for (int i = 0; i < grid.length; i++) grid[i] = Math.min(1f, grid[i] / (THRESHOLD * peak));
        }
        if (r != 0) {
            grid = Morphology.disc(grid, WORK, WORK, Math.min(Math.abs(r), MAX_RADIUS), r < 0);
        }
        return plain.process(grid, WORK, WORK).map(d -> d.relativeTo(box, d.scale() * scale, map.inverted));
    }

    /**
     * Reads an image file and digitises it.
     *
     * @throws IOException naming the file when it is missing, unreadable or not an image
     */
    public Optional<PreprocessedDigit> fromFile(Path file) throws IOException {
        return fromImage(DrawingImages.read(file));
    }

    /** Digitises an image (colour becomes luminance; transparency as in {@link DrawingImages#toGray}). */
    public Optional<PreprocessedDigit> fromImage(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return process(DrawingImages.toGray(image), image.getWidth(), image.getHeight());
    }

    /**
     * The stroke width of a digit image in its own pixels: ink mass over the length of its centre lines
     * (pixels of the skeleton of the ink at half the peak), or NaN when there is no ink. MNIST's median is
     * {@link PenRenderer#MNIST_STROKE_WIDTH}.
     */
    public static double strokeWidth(float[] ink, int width, int height) {
        float peak = 0;
        double mass = 0;
        for (float v : ink) {
            peak = Math.max(peak, v);
            mass += v;
        }
        if (peak <= 0) return Double.NaN;
        boolean[] b = new boolean[ink.length];
        for (int i = 0; i < ink.length; i++) b[i] = ink[i] >= THRESHOLD * peak;
        int length = Skeleton.thin(b, width, height);
        return length == 0 ? Double.NaN : mass / peak / length;
    }

}

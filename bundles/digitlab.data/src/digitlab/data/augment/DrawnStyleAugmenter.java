package digitlab.data.augment;

import java.util.Arrays;
import java.util.Objects;

import digitlab.data.ImageSet;
import digitlab.data.preprocess.DigitPreprocessor;
import digitlab.data.preprocess.PreprocessedDigit;

/**
 * Distorts MNIST digits into the ways people draw and scan digits, then digitises the result exactly as a
 * drawing is digitised ({@link DigitPreprocessor}: the ink fitted into the 20x20 box, centre of mass at
 * (14, 14)), so training images and the images the network meets later come out of the same path.
 * <p>
 * Per image, each from the seed:
 * <ol>
 * <li><b>Style</b>: some 1s get the flag and the foot many people write (MNIST's 1s are mostly bare strokes,
 * so a flagged 1 would read as 7), some 7s the continental crossbar; drawn with MNIST's pen onto the 28x28
 * image before the rest.</li>
 * <li><b>Shape</b>: rotation, horizontal shear (slant), aspect ratio and an elastic distortion in the manner of
 * Simard et al. (2003), sampled into a 2x finer work canvas ({@value #WORK} x {@value #WORK} pixels covering
 * the 28x28 image with 2 pixels of margin each side; the elastic field is made at 28x28 and interpolated).</li>
 * <li><b>Pen</b>: thicker (grey-level dilation by a disc of radius 1 or 2 work pixels, i.e. +1 or +2 image
 * pixels of stroke width), thinner (erosion by radius 1), or unchanged.</li>
 * <li><b>Resolution</b>: sometimes the digit is first counted down to a coarse grid (its longer side
 * {@code lowResMin..lowResMax} pixels, by area averaging), as a scan or a small image is before it is enlarged.</li>
 * <li><b>Digitising</b>: {@link DigitPreprocessor} on the work canvas (or the coarse image).</li>
 * </ol>
 * Not thread-safe (scratch buffers in the instance): one per thread. Deterministic in (image, config, seed).
 */
public final class DrawnStyleAugmenter {

    /** Side of the work canvas: (28 + 2 * 2) * 2 = 64. */
    public static final int WORK = 64;
    private static final int FACTOR = 2;
    private static final int MARGIN = 2;
    private static final int SIDE = PreprocessedDigit.SIZE;

    /**
     * How strongly to distort.
     *
     * @param maxRotationDegrees largest rotation either way
     * @param maxShear           largest horizontal shear (x += shear * y) either way; 0.4 is a strong slant
     * @param maxAspect          largest width change factor (and 1/maxAspect the smallest)
     * @param elasticAlpha       strength of the elastic field (Simard et al.: 34)
     * @param elasticSigma       its smoothness in image pixels (Simard et al.: 4)
     * @param thickerShare       share of images drawn with a thicker pen
     * @param thinnerShare       share of images drawn with a thinner pen
     * @param lowResShare        share of images counted down to a coarse grid first
     * @param lowResMin          smallest longer side of that grid, in pixels
     * @param lowResMax          largest
     * @param plainShare         share of images passed through as they are (so the network keeps seeing MNIST)
     */
    public record Config(double plainShare, double maxRotationDegrees, double maxShear, double maxAspect, double elasticAlpha,
            double elasticSigma, double thickerShare, double thinnerShare, double lowResShare, int lowResMin,
            int lowResMax) {

        /** The ready model's recipe: slants, pens and scans as people make them. */
        public static final Config DRAWN = new Config(0.3, 12, 0.4, 1.25, 30, 4, 0.3, 0.25, 0.25, 7, 16);

        /** @throws IllegalArgumentException naming the field that is out of range */
        public Config {
            check("plainShare", plainShare, 0, 1);
            check("maxRotationDegrees", maxRotationDegrees, 0, 45);
            check("maxShear", maxShear, 0, 1);
            check("maxAspect", maxAspect, 1, 2);
            check("elasticAlpha", elasticAlpha, 0, 100);
            check("elasticSigma", elasticSigma, 1, 10);
            check("thickerShare", thickerShare, 0, 1);
            check("thinnerShare", thinnerShare, 0, 1 - thickerShare);
            check("lowResShare", lowResShare, 0, 1);
            check("lowResMin", lowResMin, 4, SIDE);
            check("lowResMax", lowResMax, lowResMin, SIDE);
        }

        private static void check(String field, double value, double lo, double hi) {
            if (!(value >= lo && value <= hi)) {
                throw new IllegalArgumentException("augmentation " + field + " must be in [" + lo + ", " + hi
                        + "], got " + value);
            }
        }
    }

    private final Config config;
    private final DigitPreprocessor preprocessor = new DigitPreprocessor();
    private final float[] source = new float[SIDE * SIDE];
    private final float[] dx = new float[SIDE * SIDE];
    private final float[] dy = new float[SIDE * SIDE];
    private final float[] scratch = new float[SIDE * SIDE];
    private final float[] work = new float[WORK * WORK];
    private final float[] pen = new float[WORK * WORK];
    private final float[] kernel;
    private final int radius;
    private long state;

    /** An augmenter for 28x28 images. */
    public DrawnStyleAugmenter(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        radius = (int) Math.ceil(2.5 * config.elasticSigma());
        kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) sum += Math.exp(-k * k / (2 * config.elasticSigma() * config.elasticSigma()));
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) (Math.exp(-k * k / (2 * config.elasticSigma() * config.elasticSigma())) / sum);
        }
    }

    /** The configuration. */
    public Config config() {
        return config;
    }

    /**
     * Distorts image {@code index} of {@code set} (28x28) into {@code dst[dstOff..dstOff+784)} as floats in [0,1].
     *
     * @throws IllegalArgumentException when the set's images are not 28x28
     */
    public void augment(ImageSet set, int index, float[] dst, int dstOff, long seed) {
        if (set.width() != SIDE || set.height() != SIDE) {
            throw new IllegalArgumentException("the drawn-style augmentation is for 28x28 images, the set holds "
                    + set.width() + "x" + set.height());
        }
        set.copyNormalized(index, source, 0);
        augment(source, 0, dst, dstOff, seed, set.label(index));
    }

    /**
     * Distorts one 28x28 image read from {@code src[srcOff..]} into {@code dst[dstOff..]} (not overlapping).
     *
     * @param label the image's class if it is a digit (1s and 7s may get a flag or a crossbar), else -1
     */
    public void augment(float[] src, int srcOff, float[] dst, int dstOff, long seed, int label) {
        Objects.checkFromIndexSize(srcOff, SIDE * SIDE, src.length);
        Objects.checkFromIndexSize(dstOff, SIDE * SIDE, dst.length);
        state = seed;
        if (uniform(0, 1) < config.plainShare()) {
            System.arraycopy(src, srcOff, dst, dstOff, SIDE * SIDE);
            return;
        }
        float[] from = src;
        int fromOff = srcOff;
        if (label == 1 || label == 7) {
            if (from != source) System.arraycopy(src, srcOff, source, 0, SIDE * SIDE);
            from = source;
            fromOff = 0;
            if (label == 1) flagAndFoot(source);
            else crossbar(source);
        }
        shape(from, fromOff);
        double p = uniform(0, 1);
        if (p < config.thickerShare()) {
            morph(uniform(0, 1) < 0.5 ? 1 : 2, true);
        } else if (p < config.thickerShare() + config.thinnerShare()) {
            morph(1, false);
        }
        boolean lowRes = uniform(0, 1) < config.lowResShare();
        int grid = config.lowResMin() + (int) Math.floor(uniform(0, 1) * (config.lowResMax() - config.lowResMin() + 1));
        var digit = lowRes ? coarse(grid) : preprocessor.process(work, WORK, WORK);
        if (digit.isPresent()) {
            digit.get().copyPixels(dst, dstOff);
        } else {
            System.arraycopy(src, srcOff, dst, dstOff, SIDE * SIDE); // all ink eroded away: keep the original
        }
    }

    /** A 1's flag (40 % of the 1s) and foot (20 %), see {@link HandwritingStyles#flagAndFoot}. */
    private void flagAndFoot(float[] img) {
        double flag = uniform(0, 1), foot = uniform(0, 1);
        double angle = Math.toRadians(uniform(30, 60)), length = uniform(0.2, 0.35), footWidth = uniform(0.3, 0.6);
        HandwritingStyles.flagAndFoot(img, flag < 0.4 ? angle : Double.NaN, length, foot < 0.2 ? footWidth : 0);
    }

    /** A 7's crossbar (25 % of the 7s), see {@link HandwritingStyles#crossbar}. */
    private void crossbar(float[] img) {
        double bar = uniform(0, 1), width = uniform(0.35, 0.6), at = uniform(0.5, 0.6);
        if (bar < 0.25) HandwritingStyles.crossbar(img, width, at);
    }

    /**
     * Rotation, shear, aspect and elastic field, sampled into the work canvas. The inverse map of a work pixel
     * centre w: q = w / 2 - margin (image coordinates) + d(q), source = M^-1 (q - c) + c, M = R * S * D.
     */
    private void shape(float[] src, int off) {
        elasticField();
        double angle = Math.toRadians(uniform(-config.maxRotationDegrees(), config.maxRotationDegrees()));
        double shear = uniform(-config.maxShear(), config.maxShear());
        double aspect = Math.exp(uniform(-1, 1) * Math.log(config.maxAspect()));
        double cos = Math.cos(angle), sin = Math.sin(angle);
        // M = R(angle) * [[1, shear], [0, 1]] * diag(aspect, 1); M^-1 = D^-1 * S^-1 * R^-1
        double c = SIDE / 2.0;
        for (int v = 0; v < WORK; v++) {
            for (int u = 0; u < WORK; u++) {
                double qx = (u + 0.5) / FACTOR - MARGIN, qy = (v + 0.5) / FACTOR - MARGIN;
                qx += sample(dx, qx, qy);
                qy += sample(dy, qx, qy);
                double rx = qx - c, ry = qy - c;
                double ax = cos * rx + sin * ry, ay = -sin * rx + cos * ry; // R^-1
                ax -= shear * ay;                                           // S^-1
                ax /= aspect;                                               // D^-1
                work[v * WORK + u] = bilinear(src, off, ax + c - 0.5, ay + c - 0.5);
            }
        }
    }

    /** Grey-level dilation (thicker) or erosion (thinner) of the work canvas by a disc of radius r. */
    private void morph(int r, boolean thicker) {
        System.arraycopy(work, 0, pen, 0, work.length);
        for (int y = 0; y < WORK; y++) {
            for (int x = 0; x < WORK; x++) {
                float best = thicker ? 0f : 1f;
                for (int j = -r; j <= r; j++) {
                    for (int i = -r; i <= r; i++) {
                        if (i * i + j * j > r * r + r) continue; // a disc, not a square
                        int xx = x + i, yy = y + j;
                        float v = xx < 0 || yy < 0 || xx >= WORK || yy >= WORK ? 0f : pen[yy * WORK + xx];
                        best = thicker ? Math.max(best, v) : Math.min(best, v);
                    }
                }
                work[y * WORK + x] = best;
            }
        }
    }

    /** Counts the ink box down to a grid whose longer side is {@code grid} pixels, then digitises that. */
    private java.util.Optional<PreprocessedDigit> coarse(int grid) {
        int x0 = WORK, y0 = WORK, x1 = -1, y1 = -1;
        for (int y = 0; y < WORK; y++) {
            for (int x = 0; x < WORK; x++) {
                if (work[y * WORK + x] > 0.02f) {
                    x0 = Math.min(x0, x); x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y); y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) return java.util.Optional.empty();
        int longer = Math.max(x1 - x0 + 1, y1 - y0 + 1);
        double cell = (double) longer / grid; // work pixels per coarse pixel
        // one coarse pixel of margin, and a random phase of the grid against the ink
        double phaseX = uniform(0, 1) * cell, phaseY = uniform(0, 1) * cell;
        int gw = (int) Math.ceil((x1 - x0 + 1 + phaseX) / cell) + 2;
        int gh = (int) Math.ceil((y1 - y0 + 1 + phaseY) / cell) + 2;
        float[] small = new float[gw * gh];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float v = work[y * WORK + x];
                if (v == 0) continue;
                int gx = 1 + (int) ((x - x0 + phaseX) / cell), gy = 1 + (int) ((y - y0 + phaseY) / cell);
                small[gy * gw + gx] += v;
            }
        }
        float peak = 0;
        for (float v : small) peak = Math.max(peak, v);
        for (int i = 0; i < small.length; i++) small[i] /= peak;
        return preprocessor.process(small, gw, gh);
    }

    private void elasticField() {
        if (config.elasticAlpha() == 0) {
            Arrays.fill(dx, 0f);
            Arrays.fill(dy, 0f);
            return;
        }
        for (int i = 0; i < dx.length; i++) {
            dx[i] = (float) uniform(-1, 1);
            dy[i] = (float) uniform(-1, 1);
        }
        smooth(dx);
        smooth(dy);
        float alpha = (float) config.elasticAlpha();
        for (int i = 0; i < dx.length; i++) {
            dx[i] *= alpha;
            dy[i] *= alpha;
        }
    }

    /** Gaussian blur in place, separably; zero outside. */
    private void smooth(float[] field) {
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float s = 0;
                for (int k = Math.max(-radius, -x); k <= Math.min(radius, SIDE - 1 - x); k++) {
                    s += kernel[k + radius] * field[y * SIDE + x + k];
                }
                scratch[y * SIDE + x] = s;
            }
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float s = 0;
                for (int k = Math.max(-radius, -y); k <= Math.min(radius, SIDE - 1 - y); k++) {
                    s += kernel[k + radius] * scratch[(y + k) * SIDE + x];
                }
                field[y * SIDE + x] = s;
            }
        }
    }

    /** The displacement field at image point (x, y), bilinear between pixel centres, clamped at the edges. */
    private static float sample(float[] field, double x, double y) {
        double px = Math.max(0, Math.min(SIDE - 1, x - 0.5)), py = Math.max(0, Math.min(SIDE - 1, y - 0.5));
        int x0 = Math.min(SIDE - 2, (int) px), y0 = Math.min(SIDE - 2, (int) py);
        float fx = (float) (px - x0), fy = (float) (py - y0);
        return (1 - fy) * ((1 - fx) * field[y0 * SIDE + x0] + fx * field[y0 * SIDE + x0 + 1])
                + fy * ((1 - fx) * field[(y0 + 1) * SIDE + x0] + fx * field[(y0 + 1) * SIDE + x0 + 1]);
    }

    private static float bilinear(float[] src, int off, double px, double py) {
        int x0 = (int) Math.floor(px), y0 = (int) Math.floor(py);
        float fx = (float) (px - x0), fy = (float) (py - y0);
        return (1 - fy) * ((1 - fx) * at(src, off, x0, y0) + fx * at(src, off, x0 + 1, y0))
                + fy * ((1 - fx) * at(src, off, x0, y0 + 1) + fx * at(src, off, x0 + 1, y0 + 1));
    }

    private static float at(float[] src, int off, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : src[off + y * SIDE + x];
    }

    /** Uniform in [lo, hi) from a SplitMix64 stream. */
    private double uniform(double lo, double hi) {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return lo + (z >>> 11) * 0x1.0p-53 * (hi - lo);
    }
}

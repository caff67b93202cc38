package digitlab.data.augment;

import digitlab.data.ImageSet;

import java.util.Objects;

/**
 * Seeded distortions of training images: a random affine transform (shift, rotation about the centre,
 * scale) combined with an elastic distortion in the manner of Simard, Steinkraus and Platt (2003): a field of
 * random displacements, uniform in [-1, 1] per pixel and axis, smoothed by a Gaussian of standard deviation
 * sigma and multiplied by alpha.
 * <p>
 * Every output pixel q (pixel-centre coordinates) is read from the input by bilinear interpolation at
 * {@code A^-1 (q + d(q) - c - t) + c}: d the elastic displacement, c the image centre, A = scale * rotation,
 * t the shift. Values outside the input are 0.
 * <p>
 * Labels are preserved: the shift is chosen (and, when needed, the scale reduced) so that no ink reaches the
 * outermost ring of pixels, taking the elastic displacements there into account: no ink is cut off. The distortions themselves are moderate (see
 * {@link AugmentConfig#DEFAULT}).
 * <p>
 * Determinism: the result depends only on the input, the configuration and the seed given to
 * {@link #augment}; use {@link #seedFor(long, int, int)} to derive per-image seeds from a run's seed, so
 * results do not depend on thread count or batch order. No allocation per image: scratch buffers live in the
 * instance, so an instance must not be shared between threads (make one per worker thread).
 */
public final class Augmenter {

    private final AugmentConfig config;
    private final int width;
    private final int height;
    private final float[] dx;
    private final float[] dy;
    private final float[] scratch;
    private final float[] source;
    private final float[] kernel;
    private final int radius;
    /** SplitMix64 state: a tiny generator kept in a field so that no Random object is made per image. */
    private long state;

    /**
     * @param config the distortion ranges
     * @param width  image width (28 for MNIST)
     * @param height image height (28 for MNIST)
     */
    public Augmenter(AugmentConfig config, int width, int height) {
        this.config = Objects.requireNonNull(config, "config");
        if (width < 4 || height < 4) {
            throw new IllegalArgumentException("images to augment must be at least 4x4, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        int n = width * height;
        this.dx = new float[n];
        this.dy = new float[n];
        this.scratch = new float[n];
        this.source = new float[n];
        // A Gaussian truncated at 2.5 sigma, normalised to sum 1
        this.radius = (int) Math.ceil(2.5 * config.elasticSigma());
        this.kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            sum += Math.exp(-k * k / (2 * config.elasticSigma() * config.elasticSigma()));
        }
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) (Math.exp(-k * k / (2 * config.elasticSigma() * config.elasticSigma())) / sum);
        }
    }

    /** The configuration. */
    public AugmentConfig config() {
        return config;
    }

    /**
     * A per-image seed from a run's seed, the epoch and the image's index, so that every image of every epoch
     * gets its own distortion and the run stays reproducible.
     */
    public static long seedFor(long runSeed, int epoch, int index) {
        return mix(mix(runSeed ^ 0x9E3779B97F4A7C15L * (epoch + 1)) + index);
    }

    /**
     * Distorts image {@code index} of {@code set} into {@code dst[dstOff..]} as floats in [0,1].
     *
     * @throws IllegalArgumentException when the set's images are not of this augmenter's size
     */
    public void augment(ImageSet set, int index, float[] dst, int dstOff, long seed) {
        if (set.width() != width || set.height() != height) {
            throw new IllegalArgumentException("augmenter is for " + width + "x" + height + " images but the set holds "
                    + set.width() + "x" + set.height());
        }
        set.copyNormalized(index, source, 0);
        augment(source, 0, dst, dstOff, seed);
    }

    /**
     * Distorts one image: {@code width * height} floats read from {@code src[srcOff..]}, written to
     * {@code dst[dstOff..]} (which must not overlap the source).
     */
    public void augment(float[] src, int srcOff, float[] dst, int dstOff, long seed) {
        int n = width * height;
        Objects.checkFromIndexSize(srcOff, n, src.length);
        Objects.checkFromIndexSize(dstOff, n, dst.length);
        if (config.isIdentity()) {
            System.arraycopy(src, srcOff, dst, dstOff, n);
            return;
        }
        state = seed;
        // 1. Elastic field (zero when off)
        if (config.elasticAlpha() > 0) {
            elasticField();
        } else {
            java.util.Arrays.fill(dx, 0f);
            java.util.Arrays.fill(dy, 0f);
        }
        // 2. Ink box of the source (pixels with any ink); an empty image stays empty
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (src[srcOff + y * width + x] != 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            java.util.Arrays.fill(dst, dstOff, dstOff + n, 0f);
            return;
        }
        // 3. Affine part: rotation and scale about the centre c
        double cx = width / 2.0, cy = height / 2.0;
        double angle = Math.toRadians(uniform(-config.maxRotationDegrees(), config.maxRotationDegrees()));
        double scale = uniform(config.minScale(), config.maxScale());
        double cos = Math.cos(angle), sin = Math.sin(angle);
        // Footprint of the ink under bilinear sampling: the box widened by half a pixel each side, relative to c
        double fx0 = x0 - 0.5 - cx, fx1 = x1 + 1.5 - cx, fy0 = y0 - 0.5 - cy, fy1 = y1 + 1.5 - cy;
        // Extent of the rotated footprint (before scaling): the rotated corners' bounds
        double ex0 = Double.MAX_VALUE, ex1 = -Double.MAX_VALUE, ey0 = Double.MAX_VALUE, ey1 = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double px = (corner & 1) == 0 ? fx0 : fx1;
            double py = (corner & 2) == 0 ? fy0 : fy1;
            double rx = cos * px - sin * py, ry = sin * px + cos * py;
            ex0 = Math.min(ex0, rx);
            ex1 = Math.max(ex1, rx);
            ey0 = Math.min(ey0, ry);
            ey1 = Math.max(ey1, ry);
        }
        // Allowed band for the ink (relative to c). An outer-ring pixel centre q reads the input at q + d(q); it
        // stays empty when that point lies outside the transformed footprint. So the footprint must start right
        // of 0.5 + dx on the left column, end left of width - 0.5 + dx on the right column, and so on.
        double leftReach = 0, rightReach = 0, topReach = 0, bottomReach = 0;
        for (int y = 0; y < height; y++) {
            leftReach = Math.max(leftReach, dx[y * width]);
            rightReach = Math.max(rightReach, -dx[y * width + width - 1]);
        }
        for (int x = 0; x < width; x++) {
            topReach = Math.max(topReach, dy[x]);
            bottomReach = Math.max(bottomReach, -dy[(height - 1) * width + x]);
        }
        double eps = 1e-3;
        double bandX0 = 0.5 + leftReach + eps - cx, bandX1 = width - 0.5 - rightReach - eps - cx;
        double bandY0 = 0.5 + topReach + eps - cy, bandY1 = height - 0.5 - bottomReach - eps - cy;
        // shrink when the rotated footprint would not fit the band at the drawn scale
        double fit = Math.min((bandX1 - bandX0) / (ex1 - ex0), (bandY1 - bandY0) / (ey1 - ey0));
        scale = Math.max(0.05, Math.min(scale, fit));
        // 4. Shift: uniform within +-maxShift, limited to what keeps the scaled footprint inside the band
        double tx = shift(bandX0 - scale * ex0, bandX1 - scale * ex1);
        double ty = shift(bandY0 - scale * ey0, bandY1 - scale * ey1);
        // 5. Resample: inverse map of every output pixel centre
        double ia = cos / scale, ib = sin / scale; // A^-1 = R(-angle) / scale
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int i = v * width + u;
                double qx = u + 0.5 + dx[i] - cx - tx;
                double qy = v + 0.5 + dy[i] - cy - ty;
                double px = ia * qx + ib * qy + cx - 0.5; // source, pixel-index coordinates
                double py = -ib * qx + ia * qy + cy - 0.5;
                dst[dstOff + i] = bilinear(src, srcOff, px, py);
            }
        }
    }

    /** A shift uniform in [-maxShift, maxShift] intersected with [lo, hi]; the nearest allowed one if disjoint. */
    private double shift(double lo, double hi) {
        double a = Math.max(lo, -config.maxShift());
        double b = Math.min(hi, config.maxShift());
        double r = uniform(0, 1); // drawn in every case, so the random sequence does not depend on the image
        if (a <= b) {
            return a + r * (b - a);
        }
        return lo > config.maxShift() ? lo : hi; // the ink needs more than maxShift to stay inside
    }

    /** Fills dx, dy with uniform noise, smooths it with the Gaussian (separably), multiplies by alpha. */
    private void elasticField() {
        int n = width * height;
        for (int i = 0; i < n; i++) {
            dx[i] = (float) uniform(-1, 1);
            dy[i] = (float) uniform(-1, 1);
        }
        smooth(dx);
        smooth(dy);
        float alpha = (float) config.elasticAlpha();
        for (int i = 0; i < n; i++) {
            dx[i] *= alpha;
            dy[i] *= alpha;
        }
    }

    /** Gaussian blur in place: rows into scratch, then columns back; zero outside the image. */
    private void smooth(float[] field) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                int k0 = Math.max(-radius, -x), k1 = Math.min(radius, width - 1 - x);
                for (int k = k0; k <= k1; k++) {
                    s += kernel[k + radius] * field[y * width + x + k];
                }
                scratch[y * width + x] = s;
            }
        }
        for (int y = 0; y < height; y++) {
            int k0 = Math.max(-radius, -y), k1 = Math.min(radius, height - 1 - y);
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int k = k0; k <= k1; k++) {
                    s += kernel[k + radius] * scratch[(y + k) * width + x];
                }
                field[y * width + x] = s;
            }
        }
    }

    private float bilinear(float[] src, int off, double px, double py) {
        int x0 = (int) Math.floor(px), y0 = (int) Math.floor(py);
        float fx = (float) (px - x0), fy = (float) (py - y0);
        float v00 = at(src, off, x0, y0), v10 = at(src, off, x0 + 1, y0);
        float v01 = at(src, off, x0, y0 + 1), v11 = at(src, off, x0 + 1, y0 + 1);
        return (1 - fy) * ((1 - fx) * v00 + fx * v10) + fy * ((1 - fx) * v01 + fx * v11);
    }

    private float at(float[] src, int off, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : src[off + y * width + x];
    }

    /** Uniform in [lo, hi) from the SplitMix64 stream. */
    private double uniform(double lo, double hi) {
        state += 0x9E3779B97F4A7C15L;
        double u = (mix(state) >>> 11) * 0x1.0p-53;
        return lo + u * (hi - lo);
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit function of its input. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

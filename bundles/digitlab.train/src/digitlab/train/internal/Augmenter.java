package digitlab.train.internal;

/**
 * Seeded random affine distortion of one grayscale image: rotation up to +-{@value #MAX_DEGREES} degrees,
 * scaling by 1 +- {@value #MAX_SCALE}, shifts up to +-{@value #MAX_SHIFT} pixels, with bilinear
 * sampling. The parameters are a pure function of (seed, epoch, image index), so a run is reproducible.
 * (Until digitlab.data offers augmentation of its own; elastic distortion is not done here.)
 */
public final class Augmenter {

    static final double MAX_DEGREES = 10, MAX_SCALE = 0.1, MAX_SHIFT = 2;

    private final long seed;
    private final int width;
    private final int height;

    /** For images of {@code width x height}. */
    public Augmenter(long seed, int width, int height) {
        this.seed = seed;
        this.width = width;
        this.height = height;
    }

    /**
     * Writes the distorted version of {@code pixels} (bytes 0..255, row-major) as floats in [0, 1] to
     * {@code dst[off..]}.
     */
    public void transform(byte[] pixels, int epoch, int index, float[] dst, int off) {
        long s = mix(seed ^ mix(epoch * 0x9E3779B97F4A7C15L + index));
        double angle = Math.toRadians(MAX_DEGREES * (2 * unit(s) - 1));
        s = mix(s);
        double scale = 1 + MAX_SCALE * (2 * unit(s) - 1);
        s = mix(s);
        double dx = MAX_SHIFT * (2 * unit(s) - 1);
        s = mix(s);
        double dy = MAX_SHIFT * (2 * unit(s) - 1);
        // Inverse mapping: for each output pixel p, sample the input at c + R(-angle) (p - c - t) / scale.
        double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
        double cos = Math.cos(-angle) / scale, sin = Math.sin(-angle) / scale;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double px = x - cx - dx, py = y - cy - dy;
                double sx = cx + cos * px - sin * py;
                double sy = cy + sin * px + cos * py;
                dst[off + y * width + x] = (float) (bilinear(pixels, sx, sy) / 255.0);
            }
        }
    }

    private double bilinear(byte[] p, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(p, x0, y0) + fx * at(p, x0 + 1, y0))
                + fy * ((1 - fx) * at(p, x0, y0 + 1) + fx * at(p, x0 + 1, y0 + 1));
    }

    private int at(byte[] p, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : p[y * width + x] & 0xFF;
    }

    private static long mix(long z) {
        // SplitMix64's finaliser: a good 64-bit hash.
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long s) {
        return (s >>> 11) * 0x1.0p-53;
    }
}

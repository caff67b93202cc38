package digitlab.data.augment;

/**
 * How strongly {@link Augmenter} distorts training images. All ranges are symmetric and sampled uniformly.
 *
 * @param maxShift           largest translation in pixels, each axis (MNIST digits have about 4 px of room)
 * @param maxRotationDegrees largest rotation about the image centre, either way
 * @param minScale           smallest scale factor (1 = unchanged)
 * @param maxScale           largest scale factor
 * @param elasticAlpha       strength of the elastic distortion (Simard et al. 2003 use 34; 0 = off)
 * @param elasticSigma       smoothness of the elastic displacement field: the Gaussian's standard deviation
 *                           in pixels (Simard et al. use 4)
 */
public record AugmentConfig(double maxShift, double maxRotationDegrees, double minScale, double maxScale,
        double elasticAlpha, double elasticSigma) {

    /**
     * Moderate distortions that keep digits recognisable: shifts up to 2 px, rotations up to 10 degrees, scale
     * 0.9..1.1, elastic alpha 16 and sigma 4 (displacements of about 1.4 px at most on a typical image).
     */
    public static final AugmentConfig DEFAULT = new AugmentConfig(2, 10, 0.9, 1.1, 16, 4);
    /** Simard et al.'s elastic distortion alone (alpha 34, sigma 4: displacements of about 3 px at most). */
    public static final AugmentConfig SIMARD_ELASTIC = new AugmentConfig(0, 0, 1, 1, 34, 4);
    /** No distortion at all: the augmenter copies the image. */
    public static final AugmentConfig NONE = new AugmentConfig(0, 0, 1, 1, 0, 4);

    /** @throws IllegalArgumentException naming the field that is out of range */
    public AugmentConfig {
        check("maxShift", maxShift, 0, 8);
        check("maxRotationDegrees", maxRotationDegrees, 0, 45);
        check("minScale", minScale, 0.5, 1);
        check("maxScale", maxScale, 1, 2);
        check("elasticAlpha", elasticAlpha, 0, 100);
        check("elasticSigma", elasticSigma, 1, 10);
    }

    private static void check(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException("augmentation " + field + " must be in [" + lo + ", " + hi + "], got "
                    + value);
        }
    }

    /** Whether this configuration changes images at all. */
    public boolean isIdentity() {
        return maxShift == 0 && maxRotationDegrees == 0 && minScale == 1 && maxScale == 1 && elasticAlpha == 0;
    }
}

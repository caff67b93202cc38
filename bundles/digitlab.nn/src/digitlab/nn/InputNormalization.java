package digitlab.nn;

import java.io.Serializable;

/**
 * How raw pixel intensities in [0, 1] (pixel / 255) are turned into network inputs:
 * {@code x' = (x - mean) / std}. {@link #IDENTITY} (mean 0, std 1) keeps them in [0, 1], as the
 * original project and all built-in presets do. Stored in model files so predictions apply the
 * same transform as training.
 *
 * @param mean subtracted from each value
 * @param std  each value is divided by it; positive
 */
public record InputNormalization(double mean, double std) implements Serializable {

    /** Values in [0, 1] unchanged. */
    public static final InputNormalization IDENTITY = new InputNormalization(0, 1);

    /** Checks that both numbers are finite and {@code std > 0}. */
    public InputNormalization {
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normalization: mean " + mean + " and std " + std
                    + " must be finite, std above 0");
        }
    }

    /** A normalised copy of {@code pixels} (values in [0, 1]). */
    public float[] apply(float[] pixels) {
        float[] out = new float[pixels.length];
        float m = (float) mean;
        float inv = (float) (1.0 / std);
        for (int i = 0; i < out.length; i++) out[i] = (pixels[i] - m) * inv;
        return out;
    }

    /** The normalised value of one pixel in [0, 1]. */
    public float apply(float pixel) {
        return (float) ((pixel - mean) / std);
    }
}

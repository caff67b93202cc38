package digitlab.examples.robustness;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;

/**
 * {@code gaussiannoise(stddev=s)}: while training, adds independent noise of mean 0 and standard deviation s to
 * every value, a cheap regulariser that makes a network less sensitive to small changes of its input (placed
 * after the input, noise on the pixels). At inference it is the identity.
 * <pre>
 *   forward   y = x + s * n,   n ~ N(0, 1) per value (Box-Muller from the pass's seed: reproducible)
 *   backward  dL/dx = dL/dy   (the noise does not depend on x)
 * </pre>
 * No parameters, no scratch, no allocation; deterministic whatever the thread count (each value's noise is a
 * function of the seed and its index).
 */
public final class GaussianNoise implements Layer {

    /** The type id. */
    public static final String TYPE = "gaussiannoise";

    private final LayerSpec spec;
    private final Shape shape;
    private final float stddev;

    private GaussianNoise(LayerSpec spec, Shape shape, float stddev) {
        this.spec = spec;
        this.shape = shape;
        this.stddev = stddev;
    }

    /** Creates the layer from {@code gaussiannoise(stddev=s)}, 0 &lt;= s &lt;= 10 (default 0.1). */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            double s = spec.doubleParam("stddev", 0.1);
            if (!(s >= 0 && s <= 10)) {
                throw new IllegalArgumentException("gaussiannoise: stddev = " + s + " must be between 0 and 10");
            }
            return new GaussianNoise(spec, input, (float) s);
        }
    }

    /** The noise's standard deviation. */
    public float stddev() {
        return stddev;
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        int n = pass.batch() * shape.size();
        if (!pass.training() || stddev == 0f) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        long seed = pass.seed();
        for (int i = 0; i < n; i++) y[i] = x[i] + stddev * normal(seed, i);
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] dy, float[] dx,
            float[] grads, float[] scratch) {
        if (dx != null) System.arraycopy(dy, 0, dx, 0, pass.batch() * shape.size());
    }

    /** A standard normal number for value {@code i}: Box-Muller from two uniforms of the seed's stream. */
    static float normal(long seed, long i) {
        double u1 = 1.0 - Rng.uniform(seed, 2 * i); // (0, 1]: the logarithm stays finite
        double u2 = Rng.uniform(seed, 2 * i + 1);
        return (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    }
}

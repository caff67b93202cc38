package digitlab.nn.internal;

import digitlab.nn.Layer;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;

/**
 * Softmax over each sample's values: {@code p_i = e^(z_i - max z) / sum_j e^(z_j - max z)}.
 * Usually the output layer, followed by the cross-entropy loss (whose fused gradient skips
 * {@link #backward}).
 */
public final class Softmax implements Layer {

    /** The type id. */
    public static final String TYPE = "softmax";

    private final LayerSpec spec;
    private final Shape shape;

    private Softmax(LayerSpec spec, Shape shape) {
        this.spec = spec;
        this.shape = shape;
    }

    /** Factory. */
    public static Softmax create(LayerSpec spec, Shape input) {
        return new Softmax(spec, input);
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] z, float[] p, float[] scratch) {
        int n = shape.size();
        for (int b = 0; b < pass.batch(); b++) {
            int row = b * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) max = Math.max(max, z[row + i]);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                float e = (float) Math.exp(z[row + i] - max);
                p[row + i] = e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int i = 0; i < n; i++) p[row + i] *= inv;
        }
    }

    // backward (Jacobian-vector product): dz_i = p_i * (dp_i - sum_j dp_j p_j)
    @Override
    public void backward(Pass pass, float[] params, int offset, float[] z, float[] p,
                         float[] dp, float[] dz, float[] grads, float[] scratch) {
        if (dz == null) return;
        int n = shape.size();
        for (int b = 0; b < pass.batch(); b++) {
            int row = b * n;
            double dot = 0;
            for (int i = 0; i < n; i++) dot += (double) dp[row + i] * p[row + i];
            for (int i = 0; i < n; i++) dz[row + i] = (float) (p[row + i] * (dp[row + i] - dot));
        }
    }
}

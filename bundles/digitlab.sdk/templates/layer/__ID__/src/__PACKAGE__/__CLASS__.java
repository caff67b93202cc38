package @@ID@@;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.ParameterBlock;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import java.util.List;

/**
 * The layer type {@code @@SHORT@@(beta=1)}: Swish with a learned slope, {@code y = x * sigmoid(beta * x)} for
 * every value, one {@code beta} for the whole layer, learned with the network's weights (starting at the given
 * value, default 1). Large beta makes it ReLU-like, beta = 0 makes it x / 2.
 * <pre>
 *   forward   s = sigmoid(beta * x);   y = x * s
 *   backward  dx = dy * (s + beta * x * s * (1 - s))
 *             dbeta += sum over the batch of dy * x * x * s * (1 - s)
 * </pre>
 * The lab's rules for layers (the Javadoc of {@link Layer}): immutable, parameters in the network's flat array at
 * {@code offset}, {@code forward} overwrites its output, {@code backward} overwrites {@code dx} (when not null)
 * and adds to the parameter gradients, no allocation in either.
 */
public final class @@CLASS@@ implements Layer {

    /** The type id, as in plugin.xml and architectures. */
    public static final String TYPE = "@@SHORT@@";

    private final LayerSpec spec;
    private final Shape shape;
    private final float initialBeta;

    private @@CLASS@@(LayerSpec spec, Shape shape, float initialBeta) {
        this.spec = spec;
        this.shape = shape;
        this.initialBeta = initialBeta;
    }

    /** Creates the layer from {@code @@SHORT@@(beta=b)}, -10 &lt;= b &lt;= 10; the class plugin.xml names. */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            for (String key : spec.params().keySet()) {
                if (!key.equals("beta")) throw new IllegalArgumentException(TYPE + ": unknown parameter '" + key + "'; known: beta");
            }
            double beta = spec.doubleParam("beta", 1.0);
            if (!(beta >= -10 && beta <= 10)) {
                throw new IllegalArgumentException(TYPE + ": beta = " + beta + " must be between -10 and 10");
            }
            return new @@CLASS@@(spec, input, (float) beta);
        }
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }
    @Override public int parameterCount() { return 1; }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return List.of(new ParameterBlock("beta", 0, new int[] {1}, false)); // no weight decay on beta
    }

    @Override
    public void initialize(float[] params, int offset, Rng rng) {
        params[offset] = initialBeta;
    }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        float beta = params[offset];
        int n = pass.batch() * shape.size();
        for (int i = 0; i < n; i++) y[i] = x[i] * sigmoid(beta * x[i]);
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] dy, float[] dx,
            float[] grads, float[] scratch) {
        float beta = params[offset];
        int n = pass.batch() * shape.size();
        double dbeta = 0; // one sum in a fixed order: the same result whatever the thread count
        for (int i = 0; i < n; i++) {
            float s = sigmoid(beta * x[i]);
            float ds = s * (1 - s);
            if (dx != null) dx[i] = dy[i] * (s + beta * x[i] * ds);
            dbeta += dy[i] * x[i] * x[i] * ds;
        }
        grads[offset] += (float) dbeta;
    }

    private static float sigmoid(float z) {
        return 1f / (1f + (float) Math.exp(-z));
    }
}

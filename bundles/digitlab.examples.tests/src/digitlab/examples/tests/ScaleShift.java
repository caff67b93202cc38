package digitlab.examples.tests;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.ParameterBlock;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import java.util.List;

/**
 * A contributed layer type {@code scaleshift}: {@code y[i] = a[i] * x[i] + c[i]} for every value of a
 * sample, with learnable {@code a} (starting at 1) and {@code c} (starting at 0).
 * <pre>
 *   forward   y = a * x + c
 *   backward  dx = a * dy;   da += sum_b dy * x;   dc += sum_b dy
 * </pre>
 */
public final class ScaleShift implements Layer {

    /** The factory named in plugin.xml. */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            if (!spec.params().isEmpty()) throw new IllegalArgumentException("scaleshift: takes no parameters");
            return new ScaleShift(spec, input);
        }
    }

    private final LayerSpec spec;
    private final Shape shape;
    private final int n;

    ScaleShift(LayerSpec spec, Shape shape) {
        this.spec = spec;
        this.shape = shape;
        this.n = shape.size();
    }

    @Override public String type() { return "scaleshift"; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }
    @Override public int parameterCount() { return 2 * n; }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return List.of(new ParameterBlock("scale", 0, new int[] {n}, false),
                new ParameterBlock("shift", n, new int[] {n}, false));
    }

    @Override
    public void initialize(float[] params, int offset, Rng rng) {
        java.util.Arrays.fill(params, offset, offset + n, 1f);
        java.util.Arrays.fill(params, offset + n, offset + 2 * n, 0f);
    }

    @Override
    public void forward(Pass pass, float[] p, int off, float[] x, float[] y, float[] scratch) {
        for (int b = 0; b < pass.batch(); b++) {
            for (int i = 0; i < n; i++) y[b * n + i] = p[off + i] * x[b * n + i] + p[off + n + i];
        }
    }

    @Override
    public void backward(Pass pass, float[] p, int off, float[] x, float[] y, float[] dy, float[] dx,
                         float[] grads, float[] scratch) {
        for (int b = 0; b < pass.batch(); b++) {
            for (int i = 0; i < n; i++) {
                float g = dy[b * n + i];
                if (dx != null) dx[b * n + i] = p[off + i] * g;
                grads[off + i] += g * x[b * n + i];
                grads[off + n + i] += g;
            }
        }
    }
}

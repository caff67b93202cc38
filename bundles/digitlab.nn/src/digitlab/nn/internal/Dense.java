package digitlab.nn.internal;

import digitlab.nn.Architecture;
import digitlab.nn.Initializers;
import digitlab.nn.Layer;
import digitlab.nn.LayerSpec;
import digitlab.nn.ParameterBlock;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import java.util.List;

/**
 * Fully connected layer {@code y = W x + b}, type {@code dense(units=N, init=xavier|he)}.
 *
 * <p>Parameters, in this order in the layer's slice: {@code weight W[out x in]} (row-major, the
 * same layout as the original Python project's {@code W} of shape (n_out, n_in)), then
 * {@code bias b[out]}. Any input shape is flattened.
 */
public final class Dense implements Layer {

    /** The type id. */
    public static final String TYPE = "dense";

    private final LayerSpec spec;
    private final Shape input;
    private final int in;
    private final int out;
    private final String init;

    private Dense(LayerSpec spec, Shape input, int out, String init) {
        this.spec = spec;
        this.input = input;
        this.in = input.size();
        this.out = out;
        this.init = init;
    }

    /** Factory: validates {@code units} and the parameter count before creating anything. */
    public static Dense create(LayerSpec spec, Shape input) {
        int units = spec.intParam("units", -1);
        if (units < 1) throw new IllegalArgumentException("dense: units must be given and at least 1, e.g. dense(units=128)");
        if (units > Architecture.MAX_LAYER_WIDTH) {
            throw new IllegalArgumentException("dense: units = " + units + " is too large (at most "
                    + Architecture.MAX_LAYER_WIDTH + ")");
        }
        long params = input.sizeLong() * units + units;
        if (params > Architecture.MAX_PARAMETERS) {
            throw new IllegalArgumentException("dense: " + input.sizeLong() + " inputs x " + units
                    + " units = " + params + " parameters, more than the limit of " + Architecture.MAX_PARAMETERS);
        }
        String init = Initializers.checkName(spec.namedParam("init", "xavier"));
        return new Dense(spec, input, units, init);
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return input; }
    @Override public Shape outputShape() { return Shape.vector(out); }
    @Override public int parameterCount() { return out * in + out; }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return List.of(new ParameterBlock("weight", 0, new int[] {out, in}, true),
                new ParameterBlock("bias", out * in, new int[] {out}, false));
    }

    @Override
    public void initialize(float[] params, int offset, Rng rng) {
        Initializers.byName(init, params, offset, out * in, in, out, rng);
        java.util.Arrays.fill(params, offset + out * in, offset + out * in + out, 0f);
    }

    // forward:  Y[B x out] = X[B x in] · W^T + b
    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        int batch = pass.batch();
        pass.kernels().gemm(false, true, batch, out, in, x, 0, in, params, offset, in, false, y, 0, out);
        int bias = offset + out * in;
        for (int b = 0; b < batch; b++) {
            int row = b * out;
            for (int j = 0; j < out; j++) y[row + j] += params[bias + j];
        }
    }

    // backward: dX[B x in] = dY[B x out] · W[out x in];  dW[out x in] += dY^T · X;  db[out] += sum_b dY[b]
    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        int batch = pass.batch();
        if (dx != null) {
            pass.kernels().gemm(false, false, batch, in, out, dy, 0, out, params, offset, in, false, dx, 0, in);
        }
        pass.kernels().gemm(true, false, out, in, batch, dy, 0, out, x, 0, in, true, grads, offset, in);
        int bias = offset + out * in;
        for (int b = 0; b < batch; b++) {
            int row = b * out;
            for (int j = 0; j < out; j++) grads[bias + j] += dy[row + j];
        }
    }
}

package digitlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Layer;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.ReferenceKernels;

/**
 * Finite-difference check of one layer's backward pass. The scalar checked is
 * {@code L = sum of r[i] * y[i]} for a fixed random {@code r}, so {@code dL/dy = r}; backward must give
 * {@code dL/dx} and {@code dL/dparams} equal to the central differences {@code (L(v + h) - L(v - h)) / 2h}
 * of every input value and every parameter, within {@code 2e-3 + 2e-2 * |numeric|} (float rounding,
 * as in the core's gradient checks).
 */
final class LayerGradients {

    static final double H = 1e-2;
    static final double ABS_TOL = 2e-3;
    static final double REL_TOL = 2e-2;

    private LayerGradients() {
    }

    /** Checks {@code layer} on a batch of {@code batch} with inputs {@code x} (or random ones when null). */
    static void check(Layer layer, int batch, float[] x, long seed) {
        check(layer, batch, x, seed, new ReferenceKernels(1));
    }

    static void check(Layer layer, int batch, float[] x, long seed, Kernels kernels) {
        Rng rng = new Rng(seed);
        int in = layer.inputShape().size();
        int out = layer.outputShape().size();
        if (x == null) {
            x = new float[batch * in];
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        }
        float[] params = new float[layer.parameterCount()];
        layer.initialize(params, 0, rng);
        for (int i = 0; i < params.length; i++) params[i] += (float) (0.1 * rng.nextGaussian());
        float[] r = new float[batch * out];
        for (int i = 0; i < r.length; i++) r[i] = (float) rng.nextGaussian();

        Pass pass = new Pass(kernels);
        pass.set(batch, true);
        float[] y = new float[batch * out];
        float[] scratch = new float[layer.scratchSize(batch)];
        float[] dx = new float[batch * in];
        java.util.Arrays.fill(dx, Float.NaN); // backward must overwrite every value
        float[] grads = new float[params.length];
        layer.forward(pass, params, 0, x, y, scratch);
        layer.backward(pass, params, 0, x, y, r, dx, grads, scratch);

        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = (float) (saved + H);
            double plus = objective(layer, pass, params, x, r, batch);
            x[i] = (float) (saved - H);
            double minus = objective(layer, pass, params, x, r, batch);
            x[i] = saved;
            assertClose("input " + i, dx[i], (plus - minus) / (2 * H));
        }
        for (int i = 0; i < params.length; i++) {
            float saved = params[i];
            params[i] = (float) (saved + H);
            double plus = objective(layer, pass, params, x, r, batch);
            params[i] = (float) (saved - H);
            double minus = objective(layer, pass, params, x, r, batch);
            params[i] = saved;
            assertClose("parameter " + i, grads[i], (plus - minus) / (2 * H));
        }
    }

    private static double objective(Layer layer, Pass pass, float[] params, float[] x, float[] r, int batch) {
        float[] y = new float[batch * layer.outputShape().size()];
        layer.forward(pass, params, 0, x, y, new float[layer.scratchSize(batch)]);
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum += (double) r[i] * y[i];
        return sum;
    }

    private static void assertClose(String what, float analytic, double numeric) {
        double error = Math.abs(analytic - numeric);
        assertTrue(error <= ABS_TOL + REL_TOL * Math.abs(numeric),
                what + ": backprop " + analytic + " vs finite difference " + numeric);
    }
}

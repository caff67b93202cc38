package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * Finite-difference gradient checks: for every parameter of small networks built from every
 * built-in layer, activation and loss, the backpropagated gradient must match the central
 * difference {@code (L(p + h) - L(p - h)) / 2h} with {@code h = 1e-2}.
 *
 * <p>Tolerance: the network computes in float (about 7 significant digits), so the numerical
 * derivative carries a rounding error of roughly {@code 1e-7 / h}; we accept
 * {@code |analytic - numeric| <= 2e-3 + 2e-2 * |numeric|} for each parameter. A wrong sign, a
 * missing factor or a wrong index gives errors of the order of the gradient itself and fails.
 */
class GradientCheckTest {

    static final double H = 1e-2;
    static final double ABS_TOL = 2e-3;
    static final double REL_TOL = 2e-2;

    static Stream<Arguments> networks() {
        String[] archs = {
            // the original project's kind: sigmoid everywhere, quadratic loss
            "5 -> dense(7) -> sigmoid -> dense(3) -> sigmoid | quadratic",
            // softmax + cross-entropy (fused gradient) after tanh
            "5 -> dense(7) -> tanh -> dense(4) -> softmax | xent",
            // softmax with quadratic loss: exercises the softmax Jacobian
            "6 -> dense(5, init=he) -> relu -> dense(3) -> softmax | quadratic",
            // leaky ReLU, two dense layers in a row (dense input gradient), identity
            "5 -> dense(6, init=he) -> leakyrelu(alpha=0.1) -> dense(5) -> dense(4) -> identity -> softmax | xent",
            // dropout in training mode (its mask is fixed by the step seed)
            "5 -> dense(9, init=he) -> relu -> dropout(rate=0.3) -> dense(3) -> softmax | xent",
            // cross-entropy without softmax (its generic gradient -1/p) on a sigmoid output
            "4 -> dense(5) -> sigmoid -> dense(3) -> sigmoid | xent",
            // image-shaped input is flattened by dense
            "1x3x5 -> dense(4) -> tanh -> dense(3) -> sigmoid | quadratic",
        };
        Stream.Builder<Arguments> s = Stream.builder();
        for (String a : archs) for (int batch : new int[] {1, 7}) s.add(Arguments.of(a, batch));
        return s.build();
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("networks")
    void backpropMatchesFiniteDifferences(String spec, int batch) {
        String[] parts = spec.split("\\|");
        Network net = new Network(Architecture.parse(parts[0]));
        Loss loss = Losses.get(parts[1]);
        float[] params = net.initialParameters(42);
        Rng rng = new Rng(7);
        // biases too, so every parameter has a non-trivial value
        for (int i = 0; i < params.length; i++) params[i] += (float) (0.1 * rng.nextGaussian());
        BatchBuffers ws = net.newBuffers(batch, new ReferenceKernels(1));
        for (int i = 0; i < batch * net.inputSize(); i++) ws.input()[i] = (float) rng.nextGaussian();
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) labels[b] = rng.nextInt(net.outputSize());
        long seed = 1234;

        float[] grads = new float[params.length];
        ws.forward(params, batch, true, seed);
        ws.backward(params, grads, labels, loss, seed);

        double worst = 0;
        for (int i = 0; i < params.length; i++) {
            float saved = params[i];
            params[i] = (float) (saved + H);
            double plus = lossAt(ws, params, batch, labels, loss, seed);
            params[i] = (float) (saved - H);
            double minus = lossAt(ws, params, batch, labels, loss, seed);
            params[i] = saved;
            double numeric = (plus - minus) / (2 * H);
            double error = Math.abs(grads[i] - numeric);
            worst = Math.max(worst, error / (ABS_TOL + REL_TOL * Math.abs(numeric)));
            assertTrue(error <= ABS_TOL + REL_TOL * Math.abs(numeric),
                    "parameter " + i + ": backprop " + grads[i] + " vs finite difference " + numeric);
        }
        assertTrue(worst < 1, "worst error ratio " + worst);
    }

    private static double lossAt(BatchBuffers ws, float[] params, int batch, int[] labels, Loss loss, long seed) {
        ws.forward(params, batch, true, seed);
        return ws.loss(labels, loss);
    }
}

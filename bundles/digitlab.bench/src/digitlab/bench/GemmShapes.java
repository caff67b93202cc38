package digitlab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrix products one training step of a dense network makes, per layer {@code in -> out} at
 * batch B (see {@link digitlab.nn.kernel.Kernels}): the forward product, the input gradient (not
 * for the first layer, whose input needs none) and the weight gradient.
 */
public final class GemmShapes {

    /** One product: {@code gemm(transA, transB, m, n, k)}, accumulating or not. */
    public record Shape(String role, boolean transA, boolean transB, int m, int n, int k, boolean accumulate) {
        public double flops() {
            return 2.0 * m * n * k;
        }

        public String describe() {
            return String.format("%-8s %s%s %4d x %4d x %4d", role, transA ? "T" : "N", transB ? "T" : "N", m, n, k);
        }
    }

    private GemmShapes() {
    }

    /** The products of one training step of a network with the given layer widths at batch B. */
    public static List<Shape> trainingStep(int[] widths, int batch) {
        List<Shape> shapes = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            String layer = "L" + (l + 1);
            shapes.add(new Shape(layer + " fwd", false, true, batch, out, in, false));
            if (l > 0) {
                shapes.add(new Shape(layer + " dX", false, false, batch, in, out, false));
            }
            shapes.add(new Shape(layer + " dW", true, false, out, in, batch, true));
        }
        return shapes;
    }
}

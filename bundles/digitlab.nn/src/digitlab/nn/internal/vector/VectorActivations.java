package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Element-wise activations on the Vector API, for {@code digitlab.nn.internal.ActivationLayer} to
 * call when the {@code jdk.incubator.vector} module is present (guard the call; this class is only
 * loaded then).
 *
 * <p>Why: the layer's plain loop calls {@link digitlab.nn.Activation#apply} per element through an
 * interface with several implementations in a process, which C2 neither inlines nor vectorises, and a
 * CNN's first ReLU sees hundreds of thousands of values per batch (figures in bench/README.md). These
 * loops are 16 lanes wide and bit-identical to {@code Activations.RELU}, element by
 * element, including NaN (maps to 0 forward) and the sign of zero:
 * <pre>
 *   forward   y[i]  = x[i] > 0 ? x[i] : 0
 *   backward  dx[i] = dy[i] * (x[i] > 0 ? 1 : 0)
 * </pre>
 */
public final class VectorActivations {

    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    private VectorActivations() {
    }

    /** ReLU forward over elements {@code [from, to)}: {@code y[i] = x[i] > 0 ? x[i] : 0}. */
    public static void relu(float[] x, float[] y, int from, int to) {
        int i = from;
        for (int end = to - L; i <= end; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            ZERO.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] > 0f ? x[i] : 0f;
        }
    }

    /** ReLU backward over elements {@code [from, to)}: {@code dx[i] = dy[i] * (x[i] > 0 ? 1 : 0)}. */
    public static void reluBackward(float[] x, float[] dy, float[] dx, int from, int to) {
        int i = from;
        for (int end = to - L; i <= end; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(S, dy, i).mul(ZERO.blend(ONE, positive)).intoArray(dx, i);
        }
        for (; i < to; i++) {
            dx[i] = dy[i] * (x[i] > 0f ? 1f : 0f);
        }
    }
}

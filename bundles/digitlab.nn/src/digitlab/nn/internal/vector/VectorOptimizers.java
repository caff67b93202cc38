package digitlab.nn.internal.vector;

import static digitlab.nn.internal.vector.MicroKernels.L;
import static digitlab.nn.internal.vector.MicroKernels.S;

import digitlab.nn.internal.Adam;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Optimizer updates on the Vector API, for the optimizers in {@code digitlab.nn.internal} to call
 * when the {@code jdk.incubator.vector} module is present (guard the call, e.g. with
 * {@code ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()}).
 *
 * <p>Why: C2 does not vectorise the scalar Adam loop (the {@code (float) Math.sqrt} and the
 * division keep it scalar), and for an MLP that loop is a large share of a training step (figures in
 * bench/README.md).
 *
 * <p>The results are bit-identical to {@link Adam#scalarUpdate(float[], float[], float[], float[], float[], int, int,
 * float, float, float, float, float, float, float, float) Adam's scalar loop}, element by element: each vector
 * operation is the same IEEE operation on every lane in the same order (Java never fuses a multiply
 * and an add), and a float square root is the correctly rounded {@code (float) Math.sqrt(double)}.
 * <pre>
 *   gi   = g[i] + coupled * mask[i] * p[i]
 *   m[i] = b1 * m[i] + (1 - b1) * gi
 *   v[i] = b2 * v[i] + (1 - b2) * gi * gi
 *   p[i] -= lr * ((m[i] * c1) / ((float) Math.sqrt(v[i]) * c2 + eps)) + decoupledRate * mask[i] * p[i]
 * </pre>
 */
public final class VectorOptimizers {

    private VectorOptimizers() {
    }

    /**
     * One Adam / AdamW update of elements {@code [from, to)}, exactly the scalar loop in the class
     * comment: {@code c1 = 1 / (1 - b1^t)} and {@code c2 = 1 / sqrt(1 - b2^t)} are the bias
     * corrections, {@code coupled} the L2 decay added to the gradient (Adam), {@code decoupledRate}
     * = lr x decay applied to the weights directly (AdamW); {@code mask} is 1 where decay applies.
     */
    public static void adam(float[] p, float[] g, float[] mask, float[] m, float[] v, int from, int to,
                            float b1, float b2, float eps, float lr, float c1, float c2,
                            float coupled, float decoupledRate) {
        float oneMinusB1 = 1f - b1;
        float oneMinusB2 = 1f - b2;
        int i = from;
        for (int end = to - L; i <= end; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector mk = FloatVector.fromArray(S, mask, i);
            FloatVector gi = FloatVector.fromArray(S, g, i).add(mk.mul(coupled).mul(pv));
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gi.mul(oneMinusB1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gi.mul(oneMinusB2).mul(gi));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector update = mv.mul(c1).div(vv.lanewise(VectorOperators.SQRT).mul(c2).add(eps));
            pv.sub(update.mul(lr).add(mk.mul(decoupledRate).mul(pv))).intoArray(p, i);
        }
        Adam.scalarUpdate(p, g, mask, m, v, i, to, b1, b2, eps, lr, c1, c2, coupled, decoupledRate); // the tail
    }
}

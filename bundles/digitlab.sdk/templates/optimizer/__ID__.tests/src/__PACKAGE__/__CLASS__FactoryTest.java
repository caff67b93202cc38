package @@ID@@;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Optimizer;
import digitlab.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The optimizer against its formula, on a toy problem, and across a checkpoint. */
class @@CLASS@@FactoryTest {

    private static Optimizer create(int n) {
        return new @@CLASS@@Factory().create(TrainingConfig.defaults(), n);
    }

    @Test
    void theFirstStepFollowsTheFormula() {
        Optimizer o = create(2);
        assertEquals(@@CLASS@@Factory.NAME, o.name());
        float[] p = {1f, -1f};
        float[] g = {2f, -0.5f};
        o.step(p, g, null, 0.01f);
        // v = 0.1 g^2, so each parameter moves by lr * g / sqrt(0.1 g^2) = lr / sqrt(0.1) against its gradient
        float move = (float) (0.01 / Math.sqrt(0.1));
        assertArrayEquals(new float[] {1f - move, -1f + move}, p, 1e-6f);
        assertEquals(1, o.steps());
    }

    @Test
    void itMinimisesAnIllConditionedQuadratic() {
        // f(p) = sum a_i (p_i - t_i)^2 with curvatures a_i from 0.01 to 100: a per-parameter step size helps
        float[] a = {0.01f, 1f, 100f};
        float[] t = {3f, -2f, 0.5f};
        float[] p = new float[3];
        float[] g = new float[3];
        Optimizer o = create(3);
        double start = f(a, t, p);
        for (int step = 0; step < 2000; step++) {
            for (int i = 0; i < 3; i++) g[i] = 2 * a[i] * (p[i] - t[i]);
            o.step(p, g, null, 0.01f);
        }
        double end = f(a, t, p);
        assertTrue(end < start * 1e-2, "f went from " + start + " to " + end);
        for (int i = 0; i < 3; i++) assertEquals(t[i], p[i], 0.05, "p[" + i + "]");
    }

    @Test
    void aRestoredStateContinuesExactly() {
        Optimizer a = create(3);
        float[] p = {0.5f, 1f, -2f};
        float[] g = {0.3f, -1f, 4f};
        a.step(p, g, null, 0.1f);
        Optimizer b = create(3);
        b.restore(a.state(), a.steps());
        float[] pa = p.clone(), pb = p.clone();
        a.step(pa, g, null, 0.1f);
        b.step(pb, g, null, 0.1f);
        assertArrayEquals(pa, pb);
        assertEquals(2, b.steps());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.restore(new float[][] {new float[2]}, 1));
        assertTrue(e.getMessage().contains("3 parameters"), e.getMessage());
    }

    private static double f(float[] a, float[] t, float[] p) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * (p[i] - t[i]) * (double) (p[i] - t[i]);
        return sum;
    }
}

package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Initialisers have the documented distributions and depend only on the seed. */
class InitializersTest {

    private static final int N = 200_000;

    @Test
    void xavierIsUniformWithinItsBound() {
        float[] w = new float[N];
        Initializers.xavier(w, 0, N, 784, 256, new Rng(1));
        double bound = Math.sqrt(6.0 / (784 + 256));
        double sumSq = 0;
        for (float x : w) {
            assertTrue(Math.abs(x) <= bound, "value " + x);
            sumSq += x * x;
        }
        // Variance of U(-a, a) is a^2 / 3; with 200,000 draws the estimate is within 1 %.
        assertEquals(bound * bound / 3, sumSq / N, 0.01 * bound * bound / 3);
    }

    @Test
    void heIsNormalWithVarianceTwoOverFanIn() {
        float[] w = new float[N];
        Initializers.he(w, 0, N, 784, new Rng(2));
        double sum = 0;
        double sumSq = 0;
        for (float x : w) {
            sum += x;
            sumSq += x * x;
        }
        double variance = 2.0 / 784;
        assertEquals(0, sum / N, 5 * Math.sqrt(variance / N));
        assertEquals(variance, sumSq / N, 0.01 * variance);
    }

    @Test
    void networksAreInitialisedFromTheSeedAlone() {
        Network net = new Network(Presets.get("mlp").architecture());
        assertArrayEquals(net.initialParameters(7), net.initialParameters(7));
        assertFalse(java.util.Arrays.equals(net.initialParameters(7), net.initialParameters(8)));
        float[] p = net.initialParameters(7);
        // Biases start at zero, weights do not.
        int biasStart = 784 * 256;
        for (int i = 0; i < 256; i++) assertEquals(0f, p[biasStart + i]);
        assertTrue(p[0] != 0f && p[biasStart - 1] != 0f);
    }
}

package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private final Layer dropout = LayerRegistry.standard().create(LayerSpec.parse("dropout(rate=0.3)"), Shape.vector(1000));

    private float[] run(boolean training, long seed) {
        Pass pass = new Pass(new ReferenceKernels(1));
        pass.set(4, training);
        pass.setSeed(seed);
        float[] x = new float[4000];
        java.util.Arrays.fill(x, 1f);
        float[] y = new float[4000];
        dropout.forward(pass, new float[0], 0, x, y, new float[dropout.scratchSize(4)]);
        return y;
    }

    @Test
    void trainingDropsAboutTheRateAndScalesTheRest() {
        float[] y = run(true, 9);
        int dropped = 0;
        for (float v : y) {
            if (v == 0f) dropped++;
            else assertEquals(1f / 0.7f, v, 1e-6f);
        }
        // 4000 draws with p = 0.3: mean 1200, standard deviation 29; accept 5 standard deviations.
        assertTrue(Math.abs(dropped - 1200) < 145, "dropped " + dropped);
        assertArrayEquals(y, run(true, 9));
        assertFalse(java.util.Arrays.equals(y, run(true, 10)));
    }

    @Test
    void inferenceIsTheIdentity() {
        for (float v : run(false, 9)) assertEquals(1f, v);
    }

    @Test
    void uniformByPositionEqualsTheSequence() {
        Rng rng = new Rng(-42);
        for (int i = 0; i < 1000; i++) assertEquals(rng.nextFloat(), Rng.uniform(-42, i));
    }

    @Test
    void twoValueDeriveEqualsTheGeneralOne() {
        for (long a = -3; a < 3; a++) {
            for (long b = 0; b < 1000; b += 7) assertEquals(Rng.derive(new long[] {a, b}), Rng.derive(a, b));
        }
    }
}

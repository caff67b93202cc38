package digitlab.nn.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.internal.Adam;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link VectorOptimizers#adam} gives the bits of {@link Adam}'s scalar update, element by element. */
class VectorOptimizersTest {

    @Test
    void adamMatchesTheScalarLoopBitForBit() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int n : new int[] {1, 15, 16, 17, 100, 1001}) {
            for (int variant = 0; variant < 3; variant++) {
                float coupled = variant == 1 ? 1e-4f : 0f;
                float decoupledRate = variant == 2 ? 1e-3f * 0.01f : 0f;
                float[] p = random(n, rnd, 1f);
                float[] g = random(n, rnd, 0.01f);
                float[] mask = new float[n];
                for (int i = 0; i < n; i++) mask[i] = rnd.nextBoolean() ? 1f : 0f;
                float[] m = random(n, rnd, 0.001f);
                float[] v = random(n, rnd, 0f);
                for (int i = 0; i < n; i++) v[i] = Math.abs(m[i]) * 0.1f;
                float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
                int from = n > 3 ? 3 : 0;
                for (int step = 1; step <= 5; step++) {
                    float c1 = (float) (1.0 / (1.0 - Math.pow(0.9, step)));
                    float c2 = (float) (1.0 / Math.sqrt(1.0 - Math.pow(0.999, step)));
                    Adam.scalarUpdate(p, g, mask, m, v, from, n, 0.9f, 0.999f, 1e-8f, 1e-3f, c1, c2, coupled, decoupledRate);
                    VectorOptimizers.adam(p2, g, mask, m2, v2, from, n, 0.9f, 0.999f, 1e-8f, 1e-3f, c1, c2,
                            coupled, decoupledRate);
                }
                for (int i = 0; i < n; i++) {
                    String where = "n=" + n + ", variant " + variant + ", element " + i;
                    assertEquals(Float.floatToRawIntBits(p[i]), Float.floatToRawIntBits(p2[i]), "p: " + where);
                    assertEquals(Float.floatToRawIntBits(m[i]), Float.floatToRawIntBits(m2[i]), "m: " + where);
                    assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(v2[i]), "v: " + where);
                }
            }
        }
    }

    private static float[] random(int n, SplittableRandom rnd, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1) * scale;
        return x;
    }
}

package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * One-parameter steps worked out by hand. Parameter 0 has weight decay (mask 1), parameter 1 is a
 * bias (mask 0). Learning rate 0.1 throughout.
 */
class OptimizerTest {

    private static final float[] MASK = {1f, 0f};

    private static Optimizer create(String name, double decay, boolean nesterov) {
        TrainingConfig c = TrainingConfig.defaults().withOptimizer(name).withWeightDecay(decay)
                .withMomentum(0.9, nesterov);
        return OptimizerRegistry.standard().create(c, 2);
    }

    @Test
    void sgdWithL2Decay() {
        // weight: 1 - 0.1 * (0.5 + 0.1 * 1) = 0.94;  bias: 1 - 0.1 * 0.5 = 0.95
        float[] p = {1f, 1f};
        create("sgd", 0.1, false).step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.94f, p[0], 1e-7);
        assertEquals(0.95f, p[1], 1e-7);
    }

    @Test
    void momentum() {
        // v1 = 0.5, p1 = 1 - 0.05 = 0.95;  v2 = 0.9 * 0.5 + 0.5 = 0.95, p2 = 0.95 - 0.095 = 0.855
        Optimizer o = create("momentum", 0, false);
        float[] p = {1f, 1f};
        o.step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.95f, p[0], 1e-7);
        o.step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.855f, p[0], 1e-6);
        assertEquals(2, o.steps());
    }

    @Test
    void nesterovMomentum() {
        // v1 = 0.5, p1 = 1 - 0.1 * (0.5 + 0.9 * 0.5) = 0.905
        // v2 = 0.95, p2 = 0.905 - 0.1 * (0.5 + 0.9 * 0.95) = 0.905 - 0.1355 = 0.7695
        Optimizer o = create("momentum", 0, true);
        float[] p = {1f, 1f};
        o.step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.905f, p[0], 1e-6);
        o.step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.7695f, p[0], 1e-6);
    }

    @Test
    void adamTwoSteps() {
        // Step 1, g = 0.5: m = 0.05, v = 0.00025; m^ = 0.5, v^ = 0.25; p = 1 - 0.1 * 0.5 / 0.5 = 0.9
        // Step 2, g = -0.25: m = 0.9 * 0.05 - 0.1 * 0.25 = 0.02;  v = 0.999 * 0.00025 + 0.001 * 0.0625 = 0.00031225
        //   m^ = 0.02 / (1 - 0.81) = 0.1052632;  v^ = 0.00031225 / (1 - 0.998001) = 0.1562031
        //   p = 0.9 - 0.1 * 0.1052632 / sqrt(0.1562031) = 0.9 - 0.1 * 0.1052632 / 0.3952254 = 0.8733665
        Optimizer o = create("adam", 0, false);
        float[] p = {1f, 1f};
        o.step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.9f, p[0], 1e-6);
        o.step(p, new float[] {-0.25f, -0.25f}, MASK, 0.1f);
        assertEquals(0.8733665f, p[0], 2e-6);
        assertEquals(0.8733665f, p[1], 2e-6);
    }

    @Test
    void adamCouplesDecayAdamWDecouplesIt() {
        // Adam + L2: g' = 0.5 + 0.1 * 1 = 0.6, first step moves by lr * g'/|g'| = 0.1 -> 0.9 for both.
        float[] p = {1f, 1f};
        create("adam", 0.1, false).step(p, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.9f, p[0], 1e-6);
        assertEquals(0.9f, p[1], 1e-6);
        // AdamW: Adam step 0.1 plus lr * lambda * p = 0.1 * 0.1 * 1 = 0.01 on the weight only.
        float[] q = {1f, 1f};
        create("adamw", 0.1, false).step(q, new float[] {0.5f, 0.5f}, MASK, 0.1f);
        assertEquals(0.89f, q[0], 1e-6);
        assertEquals(0.9f, q[1], 1e-6);
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        Optimizer a = create("adam", 0.01, false);
        float[] p = {1f, -2f};
        a.step(p, new float[] {0.3f, -0.7f}, MASK, 0.05f);
        Optimizer b = create("adam", 0.01, false);
        b.restore(a.state(), a.steps());
        float[] q = p.clone();
        a.step(p, new float[] {0.1f, 0.2f}, MASK, 0.05f);
        b.step(q, new float[] {0.1f, 0.2f}, MASK, 0.05f);
        assertEquals(p[0], q[0]);
        assertEquals(p[1], q[1]);
        assertEquals("adam state: expected 2 arrays, got 1",
                assertThrows(IllegalArgumentException.class, () -> b.restore(new float[][] {new float[2]}, 1)).getMessage());
        assertEquals("adam state: array 1 has 3 values, expected 2",
                assertThrows(IllegalArgumentException.class, () -> b.restore(new float[][] {new float[2], new float[3]}, 1))
                        .getMessage());
        assertEquals("momentum state: array 0 has no values, expected 2", assertThrows(IllegalArgumentException.class,
                () -> create("momentum", 0, false).restore(new float[][] {null}, 1)).getMessage());
        assertEquals("sgd state: expected 0 arrays, got none", assertThrows(IllegalArgumentException.class,
                () -> create("sgd", 0, false).restore(null, 1)).getMessage());
        // A refused restore changes nothing: b still continues as a does.
        a.step(p, new float[] {0.4f, 0.1f}, MASK, 0.05f);
        b.step(q, new float[] {0.4f, 0.1f}, MASK, 0.05f);
        assertArrayEquals(p, q);
    }

    @Test
    void threadsDoNotChangeAnyBit() {
        int n = 100_003;
        Rng rng = new Rng(1);
        float[] start = new float[n];
        float[] grads = new float[n];
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = (float) rng.nextGaussian();
            grads[i] = (float) rng.nextGaussian();
            mask[i] = i % 3 == 0 ? 0f : 1f;
        }
        for (String name : new String[] {"sgd", "momentum", "adam", "adamw"}) {
            TrainingConfig c = TrainingConfig.defaults().withOptimizer(name).withWeightDecay(0.01).withMomentum(0.9, true);
            float[] one = start.clone();
            float[] two = start.clone();
            Optimizer a = OptimizerRegistry.standard().create(c.withThreads(1), n);
            Optimizer b = OptimizerRegistry.standard().create(c.withThreads(2), n);
            for (int s = 0; s < 3; s++) {
                a.step(one, grads, mask, 0.01f);
                b.step(two, grads, mask, 0.01f);
            }
            assertArrayEquals(one, two, name);
        }
    }

    @Test
    void unknownOptimizerNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults().withOptimizer("adagrad").validate());
        assertEquals("optimizer: unknown 'adagrad'; known: [adam, adamw, momentum, sgd]", e.getMessage());
    }

    @Test
    void schedules() {
        LearningRateSchedule step = LearningRateSchedule.parse("step:2:0.5");
        assertEquals(1.0, step.factor(0, 0.5, 10));
        assertEquals(1.0, step.factor(1, 1.5, 10));
        assertEquals(0.5, step.factor(2, 2.0, 10));
        assertEquals(0.25, step.factor(4, 4.0, 10));
        LearningRateSchedule cosine = LearningRateSchedule.parse("cosine");
        assertEquals(1.0, cosine.factor(0, 0, 10), 1e-12);
        assertEquals(0.5, cosine.factor(5, 5, 10), 1e-12);
        assertEquals(0.0, cosine.factor(9, 10, 10), 1e-12);
        assertEquals(0.1, LearningRateSchedule.parse("cosine:0.1").factor(9, 10, 10), 1e-12);
        assertEquals(1.0, LearningRateSchedule.parse("constant").factor(7, 7.5, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("step:0:2"));
        assertEquals(true, e.getMessage().startsWith("schedule: 'step:0:2' is not a schedule"));
    }
}

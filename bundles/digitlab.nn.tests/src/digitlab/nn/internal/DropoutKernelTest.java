package digitlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;
import digitlab.nn.kernel.ReferenceKernels;
import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.internal.vector.VectorDropout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dropout mask is the same, value for value, from the scalar reference loop, the Vector API twin
 * ({@link VectorDropout}) and the layer split over two threads.
 */
class DropoutKernelTest {

    @Test
    void vectorMaskEqualsTheScalarLoopBitForBit() {
        // VectorDropout is called directly: it needs the module (the tests run with it), not VectorTwins.AVAILABLE,
        // which the reference-kernel pass turns off
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the tests run with --add-modules jdk.incubator.vector");
        SplittableRandom rnd = new SplittableRandom(5);
        float[] rates = {1e-9f, 0.2f, 0.3f, 0.5f, 0.75f, 0.999f, Math.nextDown(1f)};
        long[] seeds = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789ABCDEFL};
        for (int n : new int[] {1, 7, 8, 9, 16, 17, 63, 1000}) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian();
            for (float rate : rates) {
                float keep = 1f / (1f - rate);
                for (long seed : seeds) {
                    for (int from : new int[] {0, Math.min(3, n), n / 2}) {
                        float[] y1 = new float[n], m1 = new float[n], y2 = new float[n], m2 = new float[n];
                        Dropout.forwardRange(x, y1, m1, from, n, seed, rate, keep);
                        VectorDropout.forward(x, y2, m2, from, n, seed, rate, keep);
                        String what = "n " + n + ", rate " + rate + ", seed " + seed + ", from " + from;
                        assertArrayEquals(m1, m2, what);
                        assertArrayEquals(y1, y2, what);
                    }
                }
            }
        }
    }

    @Test
    void theLayerGivesTheSameMaskOnOneAndTwoThreadsAndWithTheReferenceKernels() {
        Dropout layer = Dropout.create(LayerSpec.parse("dropout(rate=0.4)"), Shape.vector(300));
        int batch = 100; // 30,000 values: above the split threshold
        float[] x = new float[batch * 300];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble();
        float[][] outputs = new float[3][];
        Kernels[] kernels = {new ReferenceKernels(1), KernelSelector.create(1), KernelSelector.create(2)};
        for (int k = 0; k < kernels.length; k++) {
            Pass pass = new Pass(kernels[k]);
            pass.set(batch, true);
            pass.setSeed(77);
            float[] y = new float[x.length];
            float[] mask = new float[layer.scratchSize(batch)];
            layer.forward(pass, new float[0], 0, x, y, mask);
            float[] dy = x.clone();
            float[] dx = new float[x.length];
            layer.backward(pass, new float[0], 0, x, y, dy, dx, new float[0], mask);
            outputs[k] = concat(y, dx);
        }
        float[] expected = new float[x.length];
        float[] scratch = new float[x.length];
        Dropout.forwardRange(x, expected, scratch, 0, x.length, 77, 0.4f, 1f / 0.6f);
        assertArrayEquals(expected, java.util.Arrays.copyOf(outputs[0], x.length));
        assertArrayEquals(outputs[0], outputs[1]);
        assertArrayEquals(outputs[0], outputs[2]);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

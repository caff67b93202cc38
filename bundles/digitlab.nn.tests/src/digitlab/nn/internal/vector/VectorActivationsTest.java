package digitlab.nn.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.Activations;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;
import digitlab.nn.internal.ActivationLayer;
import digitlab.nn.kernel.ReferenceKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link VectorActivations} gives {@link Activations#RELU}'s bits, element by element, and the layer its results. */
class VectorActivationsTest {

    /** Ordinary values mixed with the special ones: NaN, both zeros, infinities, subnormals. */
    private static float[] values(int n, SplittableRandom rnd) {
        float[] special = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f};
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(4) == 0 ? special[rnd.nextInt(special.length)] : (float) (rnd.nextDouble() * 4 - 2);
        }
        return a;
    }

    @Test
    void reluForwardAndBackwardMatchTheActivationBitForBit() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int n : new int[] {0, 1, 15, 16, 17, 33, 100, 1001}) {
            for (int from : new int[] {0, 3}) {
                if (from > n) continue;
                float[] x = values(n, rnd);
                float[] dy = values(n, rnd);
                float[] y = new float[n];
                float[] dx = new float[n];
                java.util.Arrays.fill(y, 42f);
                java.util.Arrays.fill(dx, 42f);
                VectorActivations.relu(x, y, from, n);
                VectorActivations.reluBackward(x, dy, dx, from, n);
                for (int i = 0; i < n; i++) {
                    float expectY = i < from ? 42f : Activations.RELU.apply(x[i]);
                    float expectDx = i < from ? 42f : dy[i] * Activations.RELU.derivative(x[i], Activations.RELU.apply(x[i]));
                    assertEquals(Float.floatToRawIntBits(expectY), Float.floatToRawIntBits(y[i]),
                            "relu(" + x[i] + ") at " + i + " of " + n);
                    assertEquals(Float.floatToRawIntBits(expectDx), Float.floatToRawIntBits(dx[i]),
                            "relu backward, x = " + x[i] + ", dy = " + dy[i] + " at " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void reluLayerGivesTheSameBitsForOneAndTwoThreadsAsTheGeneralLoop() {
        Shape shape = new Shape(16, 28, 28);  // 12,544 values per sample: large batches are split over samples
        ActivationLayer relu = new ActivationLayer(LayerSpec.parse("relu"), Activations.RELU, shape);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int batch : new int[] {1, 7}) {
            float[] x = values(batch * shape.size(), rnd);
            float[] dy = values(x.length, rnd);
            for (int threads : new int[] {1, 2}) {
                Pass pass = new Pass(new ReferenceKernels(threads));
                pass.set(batch, true);
                float[] y = new float[x.length];
                float[] dx = new float[x.length];
                relu.forward(pass, new float[0], 0, x, y, new float[0]);
                relu.backward(pass, new float[0], 0, x, y, dy, dx, new float[0], new float[0]);
                for (int i = 0; i < x.length; i++) {
                    float fy = Activations.RELU.apply(x[i]);
                    assertEquals(Float.floatToRawIntBits(fy), Float.floatToRawIntBits(y[i]), "output " + i);
                    assertEquals(Float.floatToRawIntBits(dy[i] * Activations.RELU.derivative(x[i], fy)),
                            Float.floatToRawIntBits(dx[i]), "input gradient " + i + ", " + threads + " threads");
                }
            }
        }
    }
}

package digitlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.ReferenceKernels;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Max pooling: gradients against finite differences, a worked example, shapes and errors. */
class MaxPool2dTest {

    static Stream<Arguments> layers() {
        String[][] cases = {
            {"1x4x4", "maxpool(2)"},
            {"2x5x7", "maxpool(2)"},                   // odd sizes: the last row/column is dropped
            {"3x7x7", "maxpool(size=3, stride=2)"},    // overlapping windows: gradients add up
            {"2x6x5", "maxpool(size=2, stride=1)"},
        };
        Stream.Builder<Arguments> s = Stream.builder();
        for (String[] c : cases) for (int batch : new int[] {1, 7}) s.add(Arguments.of(c[0], c[1], batch));
        return s.build();
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(String input, String spec, int batch) {
        MaxPool2d pool = MaxPool2d.create(LayerSpec.parse(spec), Shape.parse(input));
        // Distinct values 0.1 apart, shuffled: no two values of a window come within the step h = 0.01,
        // so every finite difference stays on one side of the max's kink.
        int n = batch * pool.inputShape().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        new Rng(batch).shuffle(order, n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = 0.1f * order[i] - 0.05f * n;
        LayerGradients.check(pool, batch, x, 21 + batch);
    }

    @Test
    void poolsEachChannelAndRoutesGradientsToTheWinners() {
        MaxPool2d pool = MaxPool2d.create(LayerSpec.parse("maxpool(2)"), new Shape(1, 2, 4));
        float[] x = {1, 5, 2, 0,
                     3, 4, 7, 7};
        Pass pass = new Pass(new ReferenceKernels(1));
        pass.set(1, true);
        float[] y = new float[2];
        float[] scratch = new float[pool.scratchSize(1)];
        pool.forward(pass, new float[0], 0, x, y, scratch);
        assertArrayEquals(new float[] {5, 7}, y);
        float[] dx = new float[8];
        pool.backward(pass, new float[0], 0, x, y, new float[] {10, 20}, dx, new float[0], scratch);
        assertArrayEquals(new float[] {0, 10, 0, 0, 0, 0, 20, 0}, dx); // tie 7/7: the first wins
    }

    /** Shapes for the 2x2 stride-2 vector path: odd heights, rows shorter and longer than a vector, LeNet's. */
    static Stream<Arguments> pairShapes() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (String shape : new String[] {"1x2x2", "1x4x4", "3x6x8", "2x5x8", "1x3x34", "2x4x66", "16x28x28", "32x10x10"}) {
            for (int batch : new int[] {1, 7}) s.add(Arguments.of(shape, batch));
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("pairShapes")
    void vectorPoolingEqualsThePlainLoopBitForBit(String shape, int batch) {
        MaxPool2d pool = MaxPool2d.create(LayerSpec.parse("maxpool(2)"), Shape.parse(shape));
        int in = pool.inputShape().size();
        int out = pool.outputShape().size();
        // few distinct values, both zeros among them: many ties, which the first in row-major order wins
        Rng rng = new Rng(batch * 31L + in);
        float[] levels = {-1f, -0f, 0f, 0.5f, 1f, 2f};
        float[] x = new float[batch * in];
        for (int i = 0; i < x.length; i++) x[i] = levels[(int) (rng.nextDouble() * levels.length)];
        float[] yRef = new float[batch * out];
        float[] winRef = new float[batch * out];
        pool.poolReference(x, yRef, winRef, 0, batch);
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) { // called directly: needs only the module
            float[] y = new float[batch * out];
            float[] win = new float[batch * out];
            float[] temp = new float[in + 5];
            VectorPooling.maxPool2x2(x, y, win, temp, 5, pool.inputShape().channels(), pool.inputShape().height(),
                    pool.inputShape().width(), 0, batch);
            for (int i = 0; i < y.length; i++) {
                assertEquals(Float.floatToRawIntBits(yRef[i]), Float.floatToRawIntBits(y[i]), "output " + i);
                assertEquals(winRef[i], win[i], "winner of output " + i);
            }
        }
        // and through the layer, for 1 and 2 threads: the same outputs and input gradients
        float[] dy = new float[batch * out];
        for (int i = 0; i < dy.length; i++) dy[i] = (float) rng.nextGaussian();
        for (int threads : new int[] {1, 2}) {
            Pass pass = new Pass(KernelSelector.create(threads));
            pass.set(batch, true);
            float[] scratch = new float[pool.scratchSize(batch)];
            float[] yl = new float[batch * out];
            pool.forward(pass, new float[0], 0, x, yl, scratch);
            assertArrayEquals(yRef, yl);
            float[] dx = new float[batch * in];
            pool.backward(pass, new float[0], 0, x, yl, dy, dx, new float[0], scratch);
            float[] dxRef = new float[batch * in];
            for (int i = 0; i < winRef.length; i++) dxRef[(i / out) * in + (int) winRef[i]] += dy[i];
            assertArrayEquals(dxRef, dx, threads + " threads");
        }
    }

    @Test
    void shapesAndErrors() {
        assertEquals(new Shape(16, 14, 14), MaxPool2d.create(LayerSpec.parse("maxpool(2)"), new Shape(16, 28, 28)).outputShape());
        assertEquals(new Shape(3, 3, 3), MaxPool2d.create(LayerSpec.parse("maxpool(size=3, stride=2)"), new Shape(3, 7, 8)).outputShape());
        Conv2dTest.assertMessage("kernel 3x3 is larger than the 2x2 input",
                () -> MaxPool2d.create(LayerSpec.parse("maxpool(3)"), new Shape(1, 2, 2)));
        Conv2dTest.assertMessage("stride = 'x' is not a whole number",
                () -> MaxPool2d.create(LayerSpec.parse("maxpool(size=2, stride=x)"), new Shape(1, 4, 4)));
    }
}

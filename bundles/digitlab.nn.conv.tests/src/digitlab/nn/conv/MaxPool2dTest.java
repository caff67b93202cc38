package digitlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
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

package digitlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.ReferenceKernels;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Convolution: gradients against finite differences, forward against a direct convolution, shapes, errors. */
class Conv2dTest {

    /** Input shape, layer spec; every case runs with batch 1 and 7. */
    static Stream<Arguments> layers() {
        String[][] cases = {
            {"1x5x5", "conv2d(filters=2, kernel=3, padding=valid)"},
            {"1x5x5", "conv2d(filters=2, kernel=3, padding=same)"},
            {"2x7x5", "conv2d(filters=3, kernel=3, stride=2, padding=valid)"},
            {"2x7x5", "conv2d(filters=3, kernel=3, stride=2, padding=same)"},
            {"3x6x7", "conv2d(filters=2, kernel=2, stride=1, padding=same)"},  // even kernel: uneven padding
            {"1x9x8", "conv2d(filters=2, kernel=4, stride=2, padding=same)"},
            {"2x5x6", "conv2d(filters=1, kernel=5, stride=2, padding=valid)"}, // one output row
            {"3x4x4", "conv2d(filters=4, kernel=1)"},                          // 1x1 convolution
        };
        Stream.Builder<Arguments> s = Stream.builder();
        for (String[] c : cases) for (int batch : new int[] {1, 7}) s.add(Arguments.of(c[0], c[1], batch));
        return s.build();
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(String input, String spec, int batch) {
        Conv2d conv = Conv2d.create(LayerSpec.parse(spec), Shape.parse(input));
        LayerGradients.check(conv, batch, null, 11 + batch);
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @MethodSource("layers")
    void forwardEqualsDirectConvolution(String input, String spec, int batch) {
        Conv2d conv = Conv2d.create(LayerSpec.parse(spec), Shape.parse(input));
        for (Kernels kernels : new Kernels[] {new ReferenceKernels(1), KernelSelector.create(2)}) {
            Rng rng = new Rng(3);
            float[] x = random(rng, batch * conv.inputShape().size());
            float[] params = random(rng, conv.parameterCount());
            float[] y = forward(conv, kernels, batch, params, x);
            double[] expected = direct(conv, batch, params, x);
            for (int i = 0; i < y.length; i++) {
                assertEquals(expected[i], y[i], 1e-4 * (1 + Math.abs(expected[i])), kernels.name() + ", output " + i);
            }
        }
    }

    /** The cases of {@link #layers()}, more channels and filters, and LeNet's two convolutions. */
    static Stream<Arguments> largerLayers() {
        String[][] cases = {
            {"16x6x7", "conv2d(filters=3, kernel=5, padding=same)"},
            {"4x9x9", "conv2d(filters=5, kernel=3, padding=same)"},     // 7 vectors of wide columns: every kernel edge
            {"3x9x9", "conv2d(filters=16, kernel=3, stride=2, padding=same)"},
            {"1x28x28", "conv2d(filters=16, kernel=5, padding=same)"},
            {"16x14x14", "conv2d(filters=32, kernel=5, padding=valid)"},
            {"2x7x7", "conv2d(filters=32, kernel=3, padding=valid)"},   // filter path: 25 positions, 18 taps (edges)
            {"3x6x5", "conv2d(filters=64, kernel=3, padding=same)"},    // filter path: several pairs of vectors
            {"16x6x5", "conv2d(filters=16, kernel=3, padding=same)"},   // channels-last input gradient (256-bit), padded
            {"32x5x6", "conv2d(filters=32, kernel=2, padding=same)"},   // channels-last with 512-bit vectors, uneven padding
            {"48x4x4", "conv2d(filters=16, kernel=3, padding=valid)"},  // several pairs of channel vectors, 4 positions
            {"20x14x14", "conv2d(filters=40, kernel=5, padding=valid)"}, // the handwriting model's: filters padded to 48 (256-bit)
            {"16x6x6", "conv2d(filters=28, kernel=3, padding=same)"},   // 28 -> 32 padded filters, channels last
        };
        Stream.Builder<Arguments> s = Stream.builder();
        layers().forEach(s::add);
        for (String[] c : cases) for (int batch : new int[] {1, 7}) s.add(Arguments.of(c[0], c[1], batch));
        return s.build();
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @MethodSource("largerLayers")
    void backwardEqualsDirectGradients(String input, String spec, int batch) {
        // the plain path (products on the pass's kernels: the reference ones and the vector ones) and, for
        // stride 1 with the Vector API, the direct paths (VectorConv, and FilterKernels where the filters fit)
        checkAgainstDirect(Conv2d.create(LayerSpec.parse(spec), Shape.parse(input), false), batch, "plain path");
        checkAgainstDirect(Conv2d.create(LayerSpec.parse(spec), Shape.parse(input), true, false), batch, "direct path");
        Conv2d byFilters = Conv2d.create(LayerSpec.parse(spec), Shape.parse(input), true, true);
        checkAgainstDirect(byFilters, batch, byFilters.path() + " path");
    }

    private static void checkAgainstDirect(Conv2d conv, int batch, String path) {
        for (Kernels kernels : new Kernels[] {new ReferenceKernels(1), KernelSelector.create(1), KernelSelector.create(2)}) {
            Rng rng = new Rng(4);
            float[] x = random(rng, batch * conv.inputShape().size());
            float[] params = random(rng, conv.parameterCount());
            float[] dy = random(rng, batch * conv.outputShape().size());
            float[][] got = pass(conv, kernels, batch, params, x, dy);
            double[][] expected = directBackward(conv, batch, params, x, dy);
            double[] y = direct(conv, batch, params, x);
            assertClose(y, got[0], path + ", " + kernels.name() + ", output");
            assertClose(expected[0], got[1], path + ", " + kernels.name() + ", input gradient");
            assertClose(expected[1], got[2], path + ", " + kernels.name() + ", parameter gradient");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @MethodSource("largerLayers")
    void directPathEqualsThePlainPath(String input, String spec, int batch) {
        Conv2d plain = Conv2d.create(LayerSpec.parse(spec), Shape.parse(input), false);
        for (boolean byFilters : new boolean[] {false, true}) {
            Conv2d fast = Conv2d.create(LayerSpec.parse(spec), Shape.parse(input), true, byFilters);
            assertFastPathEqualsPlain(plain, fast, batch);
        }
    }

    private static void assertFastPathEqualsPlain(Conv2d plain, Conv2d fast, int batch) {
        Rng rng = new Rng(12);
        float[] x = random(rng, batch * plain.inputShape().size());
        float[] params = random(rng, plain.parameterCount());
        float[] dy = random(rng, batch * plain.outputShape().size());
        float[][] expected = pass(plain, new ReferenceKernels(1), batch, params, x, dy);
        for (int threads : new int[] {1, 2}) {
            float[][] got = pass(fast, KernelSelector.create(threads), batch, params, x, dy);
            String[] what = {"output", "input gradient", "parameter gradient"};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < got[i].length; j++) {
                    assertEquals(expected[i][j], got[i][j], 1e-4 * (1 + Math.abs(expected[i][j])),
                            fast.path() + " path, " + what[i] + " " + j + ", " + threads + " threads");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @MethodSource("largerLayers")
    void columnsLayoutIsTheRowsLayoutTransposed(String input, String spec, int batch) {
        Conv2d conv = Conv2d.create(LayerSpec.parse(spec), Shape.parse(input));
        ConvGeometry g = conv.geometry();
        int c = conv.inputShape().channels();
        int ckk = c * g.kernel() * g.kernel();
        int positions = batch * g.outPlane();
        Rng rng = new Rng(6);
        float[] x = random(rng, batch * conv.inputShape().size());
        float[] rows = new float[positions * ckk];
        float[] columns = new float[positions * ckk];
        java.util.Arrays.fill(columns, Float.NaN); // every entry must be written, padding included
        Im2Col.im2col(g, c, x, rows, 0, 0, batch);
        // in two calls, as two threads would: samples [0, 1) and [1, batch)
        Im2Col.toColumns(g, c, x, columns, positions, 0, 0, 1);
        Im2Col.toColumns(g, c, x, columns, positions, 0, 1, batch);
        for (int p = 0; p < positions; p++) {
            for (int q = 0; q < ckk; q++) {
                assertEquals(rows[p * ckk + q], columns[q * positions + p], "position " + p + ", tap " + q);
            }
        }
        // the adjoints: the same sums, added in another order
        float[] dRows = random(rng, positions * ckk);
        float[] dColumns = new float[positions * ckk];
        for (int p = 0; p < positions; p++) {
            for (int q = 0; q < ckk; q++) dColumns[q * positions + p] = dRows[p * ckk + q];
        }
        float[] dxRows = new float[x.length];
        float[] dxColumns = new float[x.length];
        java.util.Arrays.fill(dxColumns, Float.NaN);
        Im2Col.col2im(g, c, dRows, dxRows, 0, 0, batch);
        Im2Col.fromColumns(g, c, dColumns, positions, dxColumns, 0, 0, batch);
        for (int i = 0; i < x.length; i++) {
            assertEquals(dxRows[i], dxColumns[i], 1e-5 * (1 + Math.abs(dxRows[i])), "input gradient " + i);
        }
    }

    @Test
    void biasSumCoversEveryValueOnce() {
        float[] a = new float[140];
        for (int i = 0; i < a.length; i++) a[i] = 1 << (i % 12); // whole numbers: every sum (below 2^24) exact
        for (int from = 0; from < 4; from++) {
            for (int n = 0; from + n <= a.length; n++) {
                double expected = 0;
                for (int i = from; i < from + n; i++) expected += a[i];
                assertEquals(expected, BiasGradient.sum8(a, from, n), "from " + from + ", n " + n);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Conv2d conv = Conv2d.create(LayerSpec.parse("conv2d(filters=8, kernel=5, padding=same)"), new Shape(3, 28, 28));
        int batch = 9;
        Rng rng = new Rng(5);
        float[] x = random(rng, batch * conv.inputShape().size());
        float[] params = random(rng, conv.parameterCount());
        float[] dy = random(rng, batch * conv.outputShape().size());
        float[][] one = pass(conv, new ReferenceKernels(1), batch, params, x, dy);
        float[][] two = pass(conv, new ReferenceKernels(2), batch, params, x, dy);
        for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], two[i]);
        float[][] vectorOne = pass(conv, KernelSelector.create(1), batch, params, x, dy);
        float[][] vectorTwo = pass(conv, KernelSelector.create(2), batch, params, x, dy);
        for (int i = 0; i < one.length; i++) assertArrayEquals(vectorOne[i], vectorTwo[i]);
    }

    @Test
    void filterPathResultsDoNotDependOnTheThreadCount() {
        // 32 filters fill pairs of vectors of 256 and 512 bits: the filter path where the Vector API runs; a batch
        // of 19 in groups of 4 (the last one smaller), so the weight gradient's sums run over several groups
        for (String[] c : new String[][] {{"16x14x14", "conv2d(filters=32, kernel=5)"}, {"32x9x9", "conv2d(filters=32, kernel=3, padding=same)"},
                {"1x28x28", "conv2d(filters=32, kernel=5, padding=same)"}, {"20x14x14", "conv2d(filters=40, kernel=5)"}}) {
            Conv2d conv = create(c[1], Shape.parse(c[0]));
            if (ConvVectorPaths.AVAILABLE && FilterConvPath.suits(conv.outputShape().channels())) {
                assertEquals("filters", conv.path(), c[1]);
            }
            int batch = 19;
            Rng rng = new Rng(6);
            float[] x = random(rng, batch * conv.inputShape().size());
            float[] params = random(rng, conv.parameterCount());
            float[] dy = random(rng, batch * conv.outputShape().size());
            float[][] one = pass(conv, KernelSelector.create(1), batch, params, x, dy);
            float[][] two = pass(conv, KernelSelector.create(2), batch, params, x, dy);
            for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], two[i], c[1] + ", result " + i);
        }
    }

    @Test
    void groupedBatchEqualsSampleBySample() {
        // 3x28x28 with 5x5 windows: 75 values per position, 784 positions (896 columns in the wide layout) per
        // sample, so a batch of 7 runs in several groups, the last one smaller
        Conv2d conv = create("conv2d(filters=4, kernel=5, padding=same)", new Shape(3, 28, 28));
        int batch = 7;
        int group = conv.group(batch);
        assertTrue(group > 1 && group < batch && batch % group != 0, "group of " + group);
        Rng rng = new Rng(8);
        float[] x = random(rng, batch * conv.inputShape().size());
        float[] params = random(rng, conv.parameterCount());
        float[] dy = random(rng, batch * conv.outputShape().size());
        float[][] all = pass(conv, new ReferenceKernels(2), batch, params, x, dy);
        int in = conv.inputShape().size();
        int out = conv.outputShape().size();
        float[] weightGrads = new float[params.length];
        for (int b = 0; b < batch; b++) {
            float[][] one = pass(conv, new ReferenceKernels(1), 1, params,
                    java.util.Arrays.copyOfRange(x, b * in, (b + 1) * in), java.util.Arrays.copyOfRange(dy, b * out, (b + 1) * out));
            assertArrayEquals(one[0], java.util.Arrays.copyOfRange(all[0], b * out, (b + 1) * out), "output of sample " + b);
            assertArrayEquals(one[1], java.util.Arrays.copyOfRange(all[1], b * in, (b + 1) * in), "input gradient of sample " + b);
            for (int i = 0; i < params.length; i++) weightGrads[i] += one[2][i];
        }
        for (int i = 0; i < params.length; i++) {
            assertEquals(weightGrads[i], all[2][i], 1e-3 * (1 + Math.abs(weightGrads[i])), "parameter gradient " + i);
        }
    }

    @Test
    void outputShapesFollowPaddingAndStride() {
        Shape in = new Shape(1, 28, 28);
        assertEquals(new Shape(6, 28, 28), create("conv2d(filters=6, kernel=5, padding=same)", in).outputShape());
        assertEquals(new Shape(6, 24, 24), create("conv2d(filters=6, kernel=5)", in).outputShape());
        assertEquals(new Shape(4, 14, 14), create("conv2d(filters=4, kernel=3, stride=2, padding=same)", in).outputShape());
        assertEquals(new Shape(4, 13, 13), create("conv2d(filters=4, kernel=3, stride=2, padding=valid)", in).outputShape());
        assertEquals(new Shape(5, 4, 3), create("conv2d(5, kernel=3, stride=2, padding=same)", new Shape(2, 7, 5)).outputShape());
        Conv2d c = create("conv2d(filters=6, kernel=5)", in);
        assertEquals(6 * 25 + 6, c.parameterCount());
        assertEquals(2, c.parameterBlocks().size());
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        Shape in = new Shape(1, 28, 28);
        assertMessage("filters must be given", () -> create("conv2d(kernel=3)", in));
        assertMessage("filters = 100000 is too large", () -> create("conv2d(filters=100000)", in));
        assertMessage("kernel = 0", () -> create("conv2d(filters=2, kernel=0)", in));
        assertMessage("stride = 'two' is not a whole number", () -> create("conv2d(filters=2, stride=two)", in));
        assertMessage("padding = 'full'", () -> create("conv2d(filters=2, padding=full)", in));
        assertMessage("kernel 29x29 is larger than the 28x28 input", () -> create("conv2d(filters=2, kernel=29)", in));
        assertMessage("more than the limit of 268435456", () -> create("conv2d(filters=8, kernel=7, padding=same)",
                new Shape(64, 512, 512)));
        // the working memory does not grow with the batch: samples are processed in cache-sized groups
        Conv2d c = create("conv2d(filters=64, kernel=5, padding=same)", new Shape(64, 28, 28));
        assertEquals(c.scratchSize(1), c.scratchSize(65_536));
    }

    static Conv2d create(String spec, Shape in) {
        return Conv2d.create(LayerSpec.parse(spec), in);
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, code);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    /** The textbook definition, in double: y[b,f,oh,ow] = b[f] + sum_{c,kh,kw} W[f,c,kh,kw] x[b,c,oh*s+kh-pt,ow*s+kw-pl]. */
    static double[] direct(Conv2d conv, int batch, float[] params, float[] x) {
        ConvGeometry g = conv.geometry();
        Shape in = conv.inputShape();
        Shape out = conv.outputShape();
        int c = in.channels();
        int k = g.kernel();
        int biasAt = conv.filters() * c * k * k;
        double[] y = new double[batch * out.size()];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < conv.filters(); f++) {
                for (int oh = 0; oh < g.outHeight(); oh++) {
                    for (int ow = 0; ow < g.outWidth(); ow++) {
                        double sum = params[biasAt + f];
                        for (int ch = 0; ch < c; ch++) {
                            for (int kh = 0; kh < k; kh++) {
                                for (int kw = 0; kw < k; kw++) {
                                    int ih = oh * g.stride() + kh - g.padTop();
                                    int iw = ow * g.stride() + kw - g.padLeft();
                                    if (ih < 0 || ih >= in.height() || iw < 0 || iw >= in.width()) continue;
                                    sum += params[((f * c + ch) * k + kh) * k + kw]
                                            * (double) x[b * in.size() + (ch * in.height() + ih) * in.width() + iw];
                                }
                            }
                        }
                        y[b * out.size() + (f * g.outHeight() + oh) * g.outWidth() + ow] = sum;
                    }
                }
            }
        }
        return y;
    }

    /**
     * The textbook gradients, in double, for {@code dL/dy = dy}: {input gradient, parameter gradient}, with
     * {@code dx[b,c,ih,iw] = sum of W[f,c,kh,kw] dy[b,f,oh,ow]} over the windows containing the input value,
     * {@code dW[f,c,kh,kw] = sum over b, oh, ow of dy[b,f,oh,ow] x[b,c,ih,iw]}, {@code db[f] = sum of dy[b,f,.,.]}.
     */
    static double[][] directBackward(Conv2d conv, int batch, float[] params, float[] x, float[] dy) {
        ConvGeometry g = conv.geometry();
        Shape in = conv.inputShape();
        Shape out = conv.outputShape();
        int c = in.channels();
        int k = g.kernel();
        int biasAt = conv.filters() * c * k * k;
        double[] dx = new double[x.length];
        double[] dp = new double[params.length];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < conv.filters(); f++) {
                for (int oh = 0; oh < g.outHeight(); oh++) {
                    for (int ow = 0; ow < g.outWidth(); ow++) {
                        double d = dy[b * out.size() + (f * g.outHeight() + oh) * g.outWidth() + ow];
                        dp[biasAt + f] += d;
                        for (int ch = 0; ch < c; ch++) {
                            for (int kh = 0; kh < k; kh++) {
                                for (int kw = 0; kw < k; kw++) {
                                    int ih = oh * g.stride() + kh - g.padTop();
                                    int iw = ow * g.stride() + kw - g.padLeft();
                                    if (ih < 0 || ih >= in.height() || iw < 0 || iw >= in.width()) continue;
                                    int xi = b * in.size() + (ch * in.height() + ih) * in.width() + iw;
                                    int wi = ((f * c + ch) * k + kh) * k + kw;
                                    dx[xi] += params[wi] * d;
                                    dp[wi] += x[xi] * d;
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dx, dp};
    }

    static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), what + " " + i);
        }
    }

    static float[] forward(Conv2d conv, Kernels kernels, int batch, float[] params, float[] x) {
        Pass pass = new Pass(kernels);
        pass.set(batch, false);
        float[] y = new float[batch * conv.outputShape().size()];
        conv.forward(pass, params, 0, x, y, new float[conv.scratchSize(batch)]);
        return y;
    }

    /** Output, input gradient and parameter gradient of one forward and backward pass. */
    static float[][] pass(Conv2d conv, Kernels kernels, int batch, float[] params, float[] x, float[] dy) {
        Pass pass = new Pass(kernels);
        pass.set(batch, true);
        float[] y = new float[batch * conv.outputShape().size()];
        float[] scratch = new float[conv.scratchSize(batch)];
        float[] dx = new float[x.length];
        float[] grads = new float[params.length];
        conv.forward(pass, params, 0, x, y, scratch);
        conv.backward(pass, params, 0, x, y, dy, dx, grads, scratch);
        return new float[][] {y, dx, grads};
    }

    static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }
}

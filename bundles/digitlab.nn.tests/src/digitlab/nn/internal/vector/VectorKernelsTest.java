package digitlab.nn.internal.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link VectorKernels#gemm} against a naive double-precision oracle: all four transpose forms,
 * odd and real shapes (each of which walks a different mix of micro-kernels, packed and unpacked
 * operands, transposed outputs and dot products), offsets, row strides longer than the rows,
 * accumulate on and off; and 1 vs 2 threads giving the same bits.
 */
class VectorKernelsTest {

    /** m, n, k: tiny, odd, the MLP's and the original network's shapes, and each code path's edges. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 5, 7}, {17, 33, 65}, {64, 784, 128}, {128, 784, 64},
        {64, 256, 784}, {64, 28, 784}, {1, 256, 784}, {2, 10, 128}, {256, 28, 33},
        {10, 128, 64}, {5, 70, 9}, {70, 28, 31}, {9, 100, 3}, {40, 17, 300}, {4, 4, 1},
    };

    /**
     * Relative tolerance against the exact sum: a float FMA chain of length k errs by at most about
     * k·2^-24 of the sum of |products| in the worst case, far less on random data; 2e-5 covers k=784
     * with margin while still catching any wrong index (which errs by O(1)).
     */
    private static final double TOLERANCE = 2e-5;

    @TestFactory
    Stream<DynamicTest> matchesDoublePrecisionOracle() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (int form = 0; form < 4; form++) {
                boolean transA = (form & 2) != 0;
                boolean transB = (form & 1) != 0;
                for (boolean accumulate : new boolean[] {false, true}) {
                    for (int pad : new int[] {0, 3}) {
                        String name = String.format("%s%s %dx%dx%d acc=%s pad=%d",
                                transA ? "T" : "N", transB ? "T" : "N", s[0], s[1], s[2], accumulate, pad);
                        tests.add(DynamicTest.dynamicTest(name,
                                () -> checkAgainstOracle(transA, transB, s[0], s[1], s[2], accumulate, pad)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> oneAndTwoThreadsGiveIdenticalBits() {
        List<DynamicTest> tests = new ArrayList<>();
        // Each at least VectorKernels.PARALLEL_MIN_MACS multiply-adds, so that 2 threads really split it.
        int[][] shapes = {{64, 784, 128}, {256, 784, 64}, {64, 256, 784}, {1, 4096, 300}, {2, 1024, 784},
                          {256, 28, 784}, {64, 28, 784}, {3, 2000, 200}, {33, 257, 129}};
        for (int[] s : shapes) {
            for (int form = 0; form < 4; form++) {
                boolean transA = (form & 2) != 0;
                boolean transB = (form & 1) != 0;
                for (boolean accumulate : new boolean[] {false, true}) {
                    String name = String.format("%s%s %dx%dx%d acc=%s",
                            transA ? "T" : "N", transB ? "T" : "N", s[0], s[1], s[2], accumulate);
                    tests.add(DynamicTest.dynamicTest(name,
                            () -> checkThreadsAgree(transA, transB, s[0], s[1], s[2], accumulate)));
                }
            }
        }
        return tests.stream();
    }

    /** One operand in its storage shape, placed at an offset with a padded row stride. */
    private record Operand(float[] data, int off, int ld, int rows, int cols) {
        static Operand random(int rows, int cols, int pad, SplittableRandom rnd) {
            int ld = cols + pad;
            int off = pad == 0 ? 0 : 2 * pad + 1;
            float[] data = new float[off + rows * ld + pad];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            return new Operand(data, off, ld, rows, cols);
        }

        /** Element (r, c) of op(X), where op transposes when {@code trans}. */
        double at(boolean trans, int r, int c) {
            return trans ? data[off + c * ld + r] : data[off + r * ld + c];
        }
    }

    private static void checkAgainstOracle(boolean transA, boolean transB, int m, int n, int k,
                                           boolean accumulate, int pad) {
        SplittableRandom rnd = new SplittableRandom(31L * m + 7L * n + k + (transA ? 1000 : 0) + (transB ? 2000 : 0));
        Operand a = transA ? Operand.random(k, m, pad, rnd) : Operand.random(m, k, pad, rnd);
        Operand b = transB ? Operand.random(n, k, pad, rnd) : Operand.random(k, n, pad, rnd);
        Operand c = Operand.random(m, n, pad, rnd);
        float[] before = c.data.clone();
        for (int threads = 1; threads <= 2; threads++) {
            float[] out = before.clone();
            new VectorKernels(threads).gemm(transA, transB, m, n, k, a.data, a.off, a.ld, b.data, b.off, b.ld,
                    accumulate, out, c.off, c.ld);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int index = c.off + i * c.ld + j;
                    double exact = accumulate ? before[index] : 0;
                    double magnitude = accumulate ? Math.abs(before[index]) : 0;
                    for (int t = 0; t < k; t++) {
                        double product = a.at(transA, i, t) * b.at(transB, t, j);
                        exact += product;
                        magnitude += Math.abs(product);
                    }
                    double error = Math.abs(out[index] - exact);
                    if (!(error <= TOLERANCE * magnitude + 1e-30)) {
                        fail(String.format("threads=%d C[%d][%d] = %s, exact %s (error %.3g, allowed %.3g)",
                                threads, i, j, out[index], exact, error, TOLERANCE * magnitude));
                    }
                    out[index] = before[index]; // so the check below sees only the untouched elements
                }
            }
            assertArrayEquals(before, out, "elements of C outside the m x n block must stay untouched (threads=" + threads + ")");
        }
    }

    private static void checkThreadsAgree(boolean transA, boolean transB, int m, int n, int k, boolean accumulate) {
        assertTrue((long) m * n * k >= VectorKernels.PARALLEL_MIN_MACS, "shape too small to be split");
        SplittableRandom rnd = new SplittableRandom(m * 1_000_003L + n * 1009L + k);
        Operand a = transA ? Operand.random(k, m, 1, rnd) : Operand.random(m, k, 1, rnd);
        Operand b = transB ? Operand.random(n, k, 0, rnd) : Operand.random(k, n, 0, rnd);
        Operand c = Operand.random(m, n, 2, rnd);
        float[] one = c.data.clone();
        float[] two = c.data.clone();
        new VectorKernels(1).gemm(transA, transB, m, n, k, a.data, a.off, a.ld, b.data, b.off, b.ld, accumulate, one, c.off, c.ld);
        new VectorKernels(2).gemm(transA, transB, m, n, k, a.data, a.off, a.ld, b.data, b.off, b.ld, accumulate, two, c.off, c.ld);
        for (int i = 0; i < one.length; i++) {
            if (Float.floatToRawIntBits(one[i]) != Float.floatToRawIntBits(two[i])) {
                fail("element " + i + " differs: 1 thread " + one[i] + ", 2 threads " + two[i]);
            }
        }
    }

    @Test
    void repeatedCallsGiveIdenticalBits() {
        // The second call reuses grown buffers and warmed-up code; the answer must not change.
        SplittableRandom rnd = new SplittableRandom(5);
        Operand a = Operand.random(64, 784, 0, rnd);
        Operand w = Operand.random(256, 784, 0, rnd);
        VectorKernels kernels = new VectorKernels(2);
        float[] first = new float[64 * 256];
        kernels.gemm(false, true, 64, 256, 784, a.data, 0, 784, w.data, 0, 784, false, first, 0, 256);
        for (int r = 0; r < 20; r++) {
            float[] again = new float[64 * 256];
            kernels.gemm(false, true, 64, 256, 784, a.data, 0, 784, w.data, 0, 784, false, again, 0, 256);
            assertArrayEquals(first, again);
        }
    }

    @Test
    void emptySumZeroesOrKeepsC() {
        float[] c = {1, 2, 3, 4, 5, 6};
        VectorKernels kernels = new VectorKernels(1);
        kernels.gemm(false, false, 2, 3, 0, new float[0], 0, 0, new float[0], 0, 3, true, c, 0, 3);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, c);
        kernels.gemm(false, false, 2, 2, 0, new float[0], 0, 0, new float[0], 0, 2, false, c, 0, 3);
        assertArrayEquals(new float[] {0, 0, 3, 0, 0, 6}, c);
    }

    @Test
    void badArgumentsAreNamed() {
        VectorKernels kernels = new VectorKernels(1);
        float[] x = new float[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernels.gemm(false, false, 3, 4, 4, x, 0, 3, x, 0, 4, false, x, 0, 4));
        assertTrue(e.getMessage().contains("row stride of A"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kernels.gemm(false, true, 3, 4, 4, x, 0, 4, x, 1, 4, false, new float[12], 0, 4));
        assertTrue(e.getMessage().contains("B [4 x 4] at offset 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kernels.gemm(false, false, -1, 4, 4, x, 0, 4, x, 0, 4, false, x, 0, 4));
        assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VectorKernels(0));
    }

    @Test
    void describesItself() {
        VectorKernels kernels = new VectorKernels(2);
        assertEquals(2, kernels.threads());
        assertTrue(kernels.name().startsWith("vector-"), kernels.name());
    }
}

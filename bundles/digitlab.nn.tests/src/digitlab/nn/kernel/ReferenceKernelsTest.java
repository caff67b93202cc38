package digitlab.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Rng;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels against a naive double-precision oracle, for every transpose variant, with and
 * without accumulation, on odd shapes, with row strides wider than the rows and non-zero offsets.
 *
 * <p>Tolerance: a float sum of k products has a rounding error of at most about
 * {@code k * 2^-24 * sum|a||b|}; we accept {@code |c - exact| <= 1e-4 * sum_p |a_ip b_pj| + 1e-30},
 * which covers k = 784 (bound 4.7e-5). A wrong index or a missed term is far larger.
 */
class ReferenceKernelsTest {

    static Stream<Arguments> cases() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {7, 3, 5}, {64, 784, 128}, {64, 128, 784}, {10, 33, 1}};
        Stream.Builder<Arguments> s = Stream.builder();
        for (int[] mnk : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (boolean acc : new boolean[] {false, true}) s.add(Arguments.of(mnk[0], mnk[1], mnk[2], ta, tb, acc));
                }
            }
        }
        return s.build();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} accumulate={5}")
    @MethodSource("cases")
    void referenceMatchesDoubleOracle(int m, int n, int k, boolean ta, boolean tb, boolean acc) {
        check(new ReferenceKernels(1), m, n, k, ta, tb, acc);
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} accumulate={5}")
    @MethodSource("cases")
    void selectedKernelsMatchDoubleOracle(int m, int n, int k, boolean ta, boolean tb, boolean acc) {
        // Whatever the selector picks on this JVM (the vector kernels when the module is enabled).
        check(KernelSelector.create(2), m, n, k, ta, tb, acc);
    }

    @Test
    void threadCountDoesNotChangeAnyBit() {
        Problem p = new Problem(64, 784, 128, true, false, 5);
        float[] one = p.run(new ReferenceKernels(1), true);
        float[] three = p.run(new ReferenceKernels(3), true);
        assertArrayEquals(one, three);
    }

    @Test
    void propertyForcesReferenceKernels() {
        String old = System.getProperty(KernelSelector.PROPERTY);
        System.setProperty(KernelSelector.PROPERTY, "reference");
        try {
            Kernels k = KernelSelector.create(2);
            assertTrue(k instanceof ReferenceKernels, k.name());
            assertEquals(2, k.threads());
        } finally {
            if (old == null) System.clearProperty(KernelSelector.PROPERTY);
            else System.setProperty(KernelSelector.PROPERTY, old);
        }
    }

    private static void check(Kernels kernels, int m, int n, int k, boolean ta, boolean tb, boolean acc) {
        Problem p = new Problem(m, n, k, ta, tb, m * 31 + n * 7 + k);
        float[] c = p.run(kernels, acc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = acc ? p.c0[p.cOff + i * p.ldc + j] : 0;
                double magnitude = Math.abs(exact);
                for (int q = 0; q < k; q++) {
                    double prod = (double) p.a(i, q) * p.b(q, j);
                    exact += prod;
                    magnitude += Math.abs(prod);
                }
                double got = c[p.cOff + i * p.ldc + j];
                assertTrue(Math.abs(got - exact) <= 1e-4 * magnitude + 1e-30,
                        kernels.name() + ": C[" + i + "][" + j + "] = " + got + ", exact " + exact);
            }
        }
        // Padding between rows and before the offset must be untouched.
        for (int i = 0; i < p.cOff; i++) assertEquals(p.c0[i], c[i]);
        for (int i = 0; i < m; i++) {
            for (int j = n; j < p.ldc; j++) assertEquals(p.c0[p.cOff + i * p.ldc + j], c[p.cOff + i * p.ldc + j]);
        }
    }

    /** Random operands stored with strides 3 wider than their rows and offsets 2, 3 and 4. */
    static final class Problem {
        final int m, n, k, lda, ldb, ldc, aOff = 2, bOff = 3, cOff = 4;
        final boolean ta, tb;
        final float[] a, b, c0;

        Problem(int m, int n, int k, boolean ta, boolean tb, long seed) {
            this.m = m;
            this.n = n;
            this.k = k;
            this.ta = ta;
            this.tb = tb;
            Rng rng = new Rng(seed);
            lda = (ta ? m : k) + 3;
            ldb = (tb ? k : n) + 3;
            ldc = n + 3;
            a = random(aOff + (ta ? k : m) * lda, rng);
            b = random(bOff + (tb ? n : k) * ldb, rng);
            c0 = random(cOff + m * ldc, rng);
        }

        float a(int i, int p) {
            return ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float b(int p, int j) {
            return tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        float[] run(Kernels kernels, boolean accumulate) {
            float[] c = c0.clone();
            kernels.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return c;
        }

        private static float[] random(int size, Rng rng) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) x[i] = (float) rng.nextGaussian();
            return x;
        }
    }
}

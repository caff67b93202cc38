package digitlab.nn.internal.vector;

/** Argument checks for {@code gemm}: every bad argument is named with the value that is wrong. */
final class GemmChecks {

    private GemmChecks() {
    }

    static void check(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: dimensions must not be negative, got m=" + m + ", n=" + n + ", k=" + k);
        }
        // Stored shapes: A is [m x k] or, transposed, [k x m]; B is [k x n] or [n x k]; C is [m x n].
        operand("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        operand("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        operand("C", c, cOff, ldc, m, n);
    }

    private static void operand(String name, float[] x, int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (x == null) {
            throw new IllegalArgumentException("gemm: " + name + " is null");
        }
        if (off < 0) {
            throw new IllegalArgumentException("gemm: offset of " + name + " is negative: " + off);
        }
        if (ld < cols) {
            throw new IllegalArgumentException("gemm: row stride of " + name + " (" + ld
                    + ") is smaller than its row length " + cols);
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (end > x.length) {
            throw new IllegalArgumentException("gemm: " + name + " [" + rows + " x " + cols + "] at offset " + off
                    + " with row stride " + ld + " needs " + end + " floats, but the array has " + x.length);
        }
    }
}

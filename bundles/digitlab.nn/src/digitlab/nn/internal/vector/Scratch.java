package digitlab.nn.internal.vector;

/**
 * Scratch memory of one thread, reused from call to call so that a product allocates nothing once
 * the buffers have grown to the largest shape seen: the packed operand (owned by the thread that
 * called {@code gemm}), the output and padding buffers and reduction scratch (owned by whichever thread runs a
 * share), and the reusable task objects.
 */
final class Scratch {

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    /** Lanes of a vector being summed, see {@link DotProduct}. */
    final float[] lanes = new float[4 * MicroKernels.L];
    /** Offsets of the L source rows a gather reads, see {@link Transpose}. */
    final int[] gatherIndex = new int[MicroKernels.L];
    final int[] gatherTail = new int[MicroKernels.L];
    final PanelProduct product = new PanelProduct();
    final Transpose transpose = new Transpose();
    final DotProduct dot = new DotProduct();
    private float[] packed = new float[0];
    private float[] output = new float[0];
    private float[] padded = new float[0];

    static Scratch current() {
        return CURRENT.get();
    }

    /** A packing buffer of at least {@code size} floats (contents undefined). */
    float[] packed(int size) {
        if (packed.length < size) {
            packed = new float[size];
        }
        return packed;
    }

    /** An output buffer of at least {@code size} floats (contents undefined). */
    float[] output(int size) {
        if (output.length < size) {
            output = new float[size];
        }
        return output;
    }

    /**
     * Copies {@code rows} rows of {@code w} floats ({@code src[off + t*ld + j]}) into a buffer with
     * rows {@code wv >= w} long, zero in the {@code wv - w} padding columns, and returns the buffer.
     */
    float[] padded(int rows, int w, int wv, float[] src, int off, int ld) {
        if (padded.length < rows * wv) {
            padded = new float[rows * wv];
        }
        float[] d = padded;
        for (int t = 0; t < rows; t++) {
            System.arraycopy(src, off + t * ld, d, t * wv, w);
            java.util.Arrays.fill(d, t * wv + w, (t + 1) * wv, 0f);
        }
        return d;
    }
}

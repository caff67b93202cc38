package digitlab.nn.internal.vector;

/**
 * Scratch memory of one thread, reused from call to call so that a product allocates nothing once
 * the buffers have grown to the largest shape seen: the packed operand (owned by the thread that
 * called {@code gemm}), the output tile and reduction scratch (owned by whichever thread runs a
 * share), and the reusable task objects.
 */
final class Workspace {

    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

    /** Output tile for transposed stores, see {@link PanelProduct}. */
    final float[] tile = new float[PanelProduct.TILE_SIZE];
    /** Lanes of a vector being summed, see {@link DotProduct}. */
    final float[] lanes = new float[4 * MicroKernels.L];
    final PanelProduct product = new PanelProduct();
    final Transpose transpose = new Transpose();
    final DotProduct dot = new DotProduct();
    private float[] packed = new float[0];

    static Workspace current() {
        return CURRENT.get();
    }

    /** A packing buffer of at least {@code size} floats (contents undefined). */
    float[] packed(int size) {
        if (packed.length < size) {
            packed = new float[size];
        }
        return packed;
    }
}

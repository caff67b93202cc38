package digitlab.nn.internal;

/** Checks restored optimizer state before it is copied in. */
final class OptimizerState {

    private OptimizerState() {
    }

    /** Loops shorter than this run on one thread: handing work over would cost more than it saves. */
    static final int PARALLEL_MIN = 1 << 15;

    /** The number of chunks for an element-wise loop over {@code n} values. */
    static int parts(int threads, int n) {
        return n < PARALLEL_MIN ? 1 : threads;
    }

    static void check(String name, float[][] state, int arrays, int length) {
        if (state == null || state.length != arrays) {
            throw new IllegalArgumentException(name + " state: expected " + arrays + " arrays, got "
                    + (state == null ? "none" : state.length));
        }
        for (int i = 0; i < arrays; i++) {
            if (state[i] == null || state[i].length != length) {
                throw new IllegalArgumentException(name + " state: array " + i + " has "
                        + (state[i] == null ? "no" : state[i].length) + " values, expected " + length);
            }
        }
    }
}

package digitlab.nn.internal;

/** Checks restored optimizer state before it is copied in. */
final class OptimizerState {

    private OptimizerState() {
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

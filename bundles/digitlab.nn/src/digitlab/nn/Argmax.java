package digitlab.nn;

/** The class a network's outputs choose: the index of the largest output, the first one on ties. */
public final class Argmax {

    private Argmax() {
    }

    /** The index of the largest of {@code a[off .. off+n)} (the first one on ties), counted from {@code off}. */
    public static int of(float[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (a[off + i] > a[off + best]) best = i;
        return best;
    }

    /** The index of the largest value of {@code a} (the first one on ties). */
    public static int of(float[] a) {
        return of(a, 0, a.length);
    }
}

package digitlab.nn.internal;

import digitlab.nn.Layer;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import digitlab.nn.kernel.Parallel;

/**
 * Inverted dropout, {@code dropout(rate=r)}: while training each value is kept with probability
 * {@code 1 - r} and scaled by {@code 1 / (1 - r)}, else set to 0; at inference it is the identity.
 * The mask is drawn from {@link Pass#seed()}, so it is reproducible and checkpoint-safe.
 */
public final class Dropout implements Layer {

    /** The type id. */
    public static final String TYPE = "dropout";

    /** Values below which a batch is not split over threads: a hand-over costs a few microseconds, 65,536 values about ten. */
    private static final int PARALLEL_MIN = 1 << 16;

    private final LayerSpec spec;
    private final Shape shape;
    private final float rate;
    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

    private Dropout(LayerSpec spec, Shape shape, float rate) {
        this.spec = spec;
        this.shape = shape;
        this.rate = rate;
    }

    /** Factory: the rate must be in [0, 1). */
    public static Dropout create(LayerSpec spec, Shape input) {
        double rate = spec.doubleParam("rate", 0.5);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout: rate = " + rate + " must be at least 0 and below 1");
        }
        return new Dropout(spec, input, (float) rate);
    }

    /** The probability of dropping a value. */
    public float rate() {
        return rate;
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }

    /** The mask (0 or 1/(1-r) per value) of the last training batch. */
    @Override
    public int scratchSize(int batch) {
        return batch * shape.size();
    }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] mask) {
        int n = pass.batch() * shape.size();
        if (!pass.training() || rate == 0f) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        // Value i is dropped when the i-th uniform number of the step's stream is below the rate;
        // drawn by position (Rng.uniform), so nothing is allocated and the mask is a pure function of the seed.
        // Split over threads by position: each value's draw depends on its index only.
        long seed = pass.seed();
        float keep = 1f / (1f - rate);
        Call c = calls.get().set(x, y, mask, null, null, seed, keep);
        try {
            Parallel.forRange(n < PARALLEL_MIN ? 1 : pass.kernels().threads(), n, c.forward);
        } finally {
            c.clear();
        }
    }

    private static void forwardChunk(float[] x, float[] y, float[] mask, int from, int to, long seed, float rate, float keep) {
        if (VectorTwins.AVAILABLE) {
            digitlab.nn.internal.vector.VectorDropout.forward(x, y, mask, from, to, seed, rate, keep);
        } else {
            forwardRange(x, y, mask, from, to, seed, rate, keep);
        }
    }

    /** The reference loop (and the fallback without the Vector API): values {@code [from, to)}. */
    static void forwardRange(float[] x, float[] y, float[] mask, int from, int to, long seed, float rate, float keep) {
        for (int i = from; i < to; i++) {
            float u = Rng.uniform(seed, i);
            mask[i] = u < rate ? 0f : keep;
            y[i] = x[i] * mask[i];
        }
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] mask) {
        if (dx == null) return;
        int n = pass.batch() * shape.size();
        if (!pass.training() || rate == 0f) {
            System.arraycopy(dy, 0, dx, 0, n);
            return;
        }
        Call c = calls.get().set(null, null, mask, dy, dx, 0L, 0f);
        try {
            Parallel.forRange(n < PARALLEL_MIN ? 1 : pass.kernels().threads(), n, c.backward);
        } finally {
            c.clear();
        }
    }

    /**
     * One pass's arrays and the tasks {@link Parallel} runs over its values: one per calling thread, reused, so that
     * a training step allocates nothing (a capturing lambda per call would). The arrays are let go after each pass.
     */
    private final class Call {
        float[] x;
        float[] y;
        float[] mask;
        float[] dy;
        float[] dx;
        long seed;
        float keep;
        final Parallel.RangeTask forward = (from, to) -> forwardChunk(x, y, mask, from, to, seed, rate, keep);
        final Parallel.RangeTask backward = (from, to) -> {
            for (int i = from; i < to; i++) dx[i] = dy[i] * mask[i];
        };

        Call set(float[] x, float[] y, float[] mask, float[] dy, float[] dx, long seed, float keep) {
            this.x = x;
            this.y = y;
            this.mask = mask;
            this.dy = dy;
            this.dx = dx;
            this.seed = seed;
            this.keep = keep;
            return this;
        }

        void clear() {
            x = y = mask = dy = dx = null;
        }
    }
}

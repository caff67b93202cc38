package digitlab.nn.internal;

import digitlab.nn.Activation;
import digitlab.nn.Activations;
import digitlab.nn.Layer;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;
import digitlab.nn.kernel.Parallel;

/**
 * Applies an element-wise {@link Activation}; shape in = shape out, no parameters.
 *
 * <p>ReLU ({@link Activations#RELU}, the activation of convolutional networks, whose activations are
 * large: 800,000 values per batch of 64 after LeNet's first convolution) has its own loops with the
 * same results, bit for bit: {@code digitlab.nn.internal.vector.VectorActivations} when the Vector
 * API is available, else a plain loop without the per-element interface call. Every other activation
 * runs the general loop through {@link Activation#apply} / {@link Activation#derivative}. Large
 * batches are split over samples on the kernels' threads.
 */
public final class ActivationLayer implements Layer {

    /** Whether ReLU runs on {@code VectorActivations} (the class is loaded only when true). */
    private static final boolean VECTOR = VectorTwins.AVAILABLE;
    /** Batches with fewer values than this run on the calling thread only. */
    private static final long PARALLEL_THRESHOLD = 1L << 16;

    private final LayerSpec spec;
    private final Activation f;
    private final Shape shape;
    private final boolean relu;
    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

    /** A layer applying {@code f} to samples of {@code shape}. */
    public ActivationLayer(LayerSpec spec, Activation f, Shape shape) {
        this.spec = spec;
        this.f = f;
        this.shape = shape;
        this.relu = f == Activations.RELU;
    }

    /** The activation function. */
    public Activation activation() {
        return f;
    }

    @Override public String type() { return spec.type(); }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }

    // forward: y = f(x), element-wise over [B x n]
    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        int batch = pass.batch();
        int size = shape.size();
        int parts = parts(pass, batch);
        if (parts == 1) {
            forward(x, y, 0, batch * size);
        } else {
            Call c = calls.get().set(x, y, null, null, size);
            try {
                Parallel.forRange(parts, batch, c.forward);
            } finally {
                c.clear();
            }
        }
    }

    private void forward(float[] x, float[] y, int from, int to) {
        if (relu && VECTOR) {
            digitlab.nn.internal.vector.VectorActivations.relu(x, y, from, to);
        } else if (relu) {
            for (int i = from; i < to; i++) y[i] = x[i] > 0f ? x[i] : 0f;
        } else {
            for (int i = from; i < to; i++) y[i] = f.apply(x[i]);
        }
    }

    // backward: dx = dy * f'(x)
    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        if (dx == null) return;
        int batch = pass.batch();
        int size = shape.size();
        int parts = parts(pass, batch);
        if (parts == 1) {
            backward(x, y, dy, dx, 0, batch * size);
        } else {
            Call c = calls.get().set(x, y, dy, dx, size);
            try {
                Parallel.forRange(parts, batch, c.backward);
            } finally {
                c.clear();
            }
        }
    }

    private void backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
        if (relu && VECTOR) {
            digitlab.nn.internal.vector.VectorActivations.reluBackward(x, dy, dx, from, to);
        } else if (relu) {
            for (int i = from; i < to; i++) dx[i] = dy[i] * (x[i] > 0f ? 1f : 0f);
        } else {
            for (int i = from; i < to; i++) dx[i] = dy[i] * f.derivative(x[i], y[i]);
        }
    }

    /**
     * One pass's arrays and the tasks {@link Parallel} runs over its samples: one per calling thread, reused, so that
     * a training step allocates nothing (a capturing lambda per call would). The arrays are let go after each pass.
     */
    private final class Call {
        float[] x;
        float[] y;
        float[] dy;
        float[] dx;
        int size;
        final Parallel.RangeTask forward = (from, to) -> ActivationLayer.this.forward(x, y, from * size, to * size);
        final Parallel.RangeTask backward = (from, to) -> ActivationLayer.this.backward(x, y, dy, dx, from * size, to * size);

        Call set(float[] x, float[] y, float[] dy, float[] dx, int size) {
            this.x = x;
            this.y = y;
            this.dy = dy;
            this.dx = dx;
            this.size = size;
            return this;
        }

        void clear() {
            x = y = dy = dx = null;
        }
    }

    private int parts(Pass pass, int batch) {
        return (long) batch * shape.size() < PARALLEL_THRESHOLD ? 1 : pass.kernels().threads();
    }
}

package digitlab.nn.conv;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;
import digitlab.nn.kernel.Parallel;

/**
 * Max pooling, type {@code maxpool(size=S, stride=T)}; a single unnamed value is the size, e.g.
 * {@code maxpool(2)}; the stride defaults to the size (windows side by side, no overlap). Windows must
 * lie inside the input (no padding): {@code out = floor((in - size) / stride) + 1} per side. Each channel
 * is pooled on its own; no parameters.
 *
 * <pre>
 *   forward   y[b, c, oh, ow] = max over the window at (oh, ow) of x[b, c, ., .]   (remember where)
 *   backward  dx[b, c, i, j]  = sum of dy over the windows whose maximum was x[b, c, i, j], else 0
 * </pre>
 * The scratch memory keeps, per output value, the index (within its sample) of the input value that
 * won; on ties the first in row-major order wins.
 *
 * <p>Two implementations of the forward pass with the same results, bit for bit: the plain loop
 * below ({@link #poolReference}, any size and stride, and the test oracle), and for 2x2 windows with
 * stride 2 over rows of even width (LeNet's pooling) {@link VectorPooling} when the Vector API is
 * available ({@link ConvVectorPaths}). The backward pass routes each output gradient to the recorded
 * winner, whichever computed it.
 */
public final class MaxPool2d implements Layer {

    /** The type id. */
    public static final String TYPE = "maxpool";

    /** The factory registered for {@link #TYPE} (public with a no-argument constructor for plugin registries). */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            return MaxPool2d.create(spec, input);
        }
    }

    private final LayerSpec spec;
    private final Shape input;
    private final Shape output;
    private final ConvGeometry g;
    /** Whether the forward pass runs on {@link VectorPooling}. */
    private final boolean vector;
    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

    /** At most this many groups of samples are pooled in parallel (each needs its own working memory). */
    static final int MAX_PARTS = 8;

    private MaxPool2d(LayerSpec spec, Shape input, ConvGeometry g) {
        this.spec = spec;
        this.input = input;
        this.g = g;
        this.output = new Shape(input.channels(), g.outHeight(), g.outWidth());
        this.vector = ConvVectorPaths.AVAILABLE && g.kernel() == 2 && g.stride() == 2 && g.width() % 2 == 0;
    }

    /**
     * Creates the layer.
     *
     * @throws IllegalArgumentException naming the parameter when the size or stride is bad or the
     *                                  window does not fit the input
     */
    public static MaxPool2d create(LayerSpec spec, Shape input) {
        int size = spec.intParam("size", 2);
        String strideText = spec.namedParam("stride", Integer.toString(size));
        int stride;
        try {
            stride = Integer.parseInt(strideText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TYPE + ": stride = '" + strideText + "' is not a whole number");
        }
        return new MaxPool2d(spec, input, ConvGeometry.of(TYPE, input, size, stride, "valid"));
    }

    /** The window geometry. */
    public ConvGeometry geometry() {
        return g;
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return input; }
    @Override public Shape outputShape() { return output; }

    /**
     * One winner index per output value; for {@link VectorPooling}, also one sample's input size of
     * working memory for each of at most {@link #MAX_PARTS} groups of samples.
     */
    @Override
    public int scratchSize(int batch) {
        int winners = Math.multiplyExact(batch, output.size());
        return vector ? Math.addExact(winners, Math.multiplyExact(Math.min(batch, MAX_PARTS), input.size())) : winners;
    }

    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        int batch = pass.batch();
        Call c = calls.get().set(x, y, null, null, scratch, batch);
        try {
            if (!vector) {
                Parallel.forRange(parts(pass, batch), batch, c.poolReference);
                return;
            }
            // groups of samples, each with its own working memory after the winners
            c.groups = Math.min(Math.min(parts(pass, batch), batch), MAX_PARTS);
            if (c.groups == 1) {
                c.poolGroups.run(0, 1);
                return;
            }
            Parallel.forRange(c.groups, c.groups, c.poolGroups);
        } finally {
            c.clear();
        }
    }

    /** Groups {@code [first, last)} of {@code groups} of samples, pooled on {@link VectorPooling}, each in its own memory. */
    private void poolGroups(float[] x, float[] y, float[] scratch, int batch, int groups, int first, int last) {
        int temp = batch * output.size();
        for (int p = first; p < last; p++) {
            int from = (int) ((long) batch * p / groups);
            int to = (int) ((long) batch * (p + 1) / groups);
            VectorPooling.maxPool2x2(x, y, scratch, scratch, temp + p * input.size(), input.channels(), g.height(),
                    g.width(), from, to);
        }
    }

    /**
     * The plain loop for samples {@code [from, to)}: any window size and stride; {@code winner} gets,
     * per output value, the index within its sample of the first maximum in row-major order.
     */
    void poolReference(float[] x, float[] y, float[] winner, int from, int to) {
        int channels = input.channels();
        int inSize = input.size();
        int outSize = output.size();
        int k = g.kernel();
        int w = g.width();
        int stride = g.stride();
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int b = from; b < to; b++) {
            int sample = b * inSize;
            int o = b * outSize;
            for (int c = 0; c < channels; c++) {
                int plane = c * g.inPlane();
                for (int oh = 0; oh < outH; oh++) {
                    int rowStart = plane + oh * stride * w;
                    for (int ow = 0; ow < outW; ow++, o++) {
                        int first = rowStart + ow * stride;
                        int best = first;
                        float max = x[sample + first];
                        for (int kh = 0; kh < k; kh++) {
                            int line = first + kh * w;
                            for (int kw = 0; kw < k; kw++) {
                                float v = x[sample + line + kw];
                                if (v > max) {
                                    max = v;
                                    best = line + kw;
                                }
                            }
                        }
                        y[o] = max;
                        winner[o] = best; // an index below 2^24 (the sample-size limit) is exact in a float
                    }
                }
            }
        }
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        if (dx == null) return;
        int batch = pass.batch();
        Call c = calls.get().set(null, null, dy, dx, scratch, batch);
        try {
            Parallel.forRange(parts(pass, batch), batch, c.unpool);
        } finally {
            c.clear();
        }
    }

    /** {@code dx} of samples {@code [from, to)}: each output gradient goes to its window's winner. */
    private void unpool(float[] dy, float[] dx, float[] winner, int from, int to) {
        int inSize = input.size();
        int outSize = output.size();
        java.util.Arrays.fill(dx, from * inSize, to * inSize, 0f);
        for (int b = from; b < to; b++) {
            for (int o = b * outSize; o < (b + 1) * outSize; o++) dx[b * inSize + (int) winner[o]] += dy[o];
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
        float[] scratch;
        int batch;
        int groups;
        final Parallel.RangeTask poolReference = (from, to) -> MaxPool2d.this.poolReference(x, y, scratch, from, to);
        final Parallel.RangeTask poolGroups = (first, last) -> MaxPool2d.this.poolGroups(x, y, scratch, batch, groups, first, last);
        final Parallel.RangeTask unpool = (from, to) -> MaxPool2d.this.unpool(dy, dx, scratch, from, to);

        Call set(float[] x, float[] y, float[] dy, float[] dx, float[] scratch, int batch) {
            this.x = x;
            this.y = y;
            this.dy = dy;
            this.dx = dx;
            this.scratch = scratch;
            this.batch = batch;
            return this;
        }

        void clear() {
            x = y = dy = dx = scratch = null;
        }
    }

    private int parts(Pass pass, int batch) {
        return (long) batch * input.size() < (1L << 15) ? 1 : pass.kernels().threads();
    }
}

package digitlab.nn.conv;

import digitlab.nn.Architecture;
import digitlab.nn.Initializers;
import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.ParameterBlock;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import digitlab.nn.kernel.Parallel;
import java.util.List;

/**
 * 2-D convolution (strictly: cross-correlation, as in every framework), type
 * {@code conv2d(filters=F, kernel=K, stride=S, padding=valid|same, init=he|xavier)}; a single unnamed
 * value is the number of filters, e.g. {@code conv2d(32)}. Defaults: kernel 3, stride 1, padding valid,
 * init he.
 *
 * <p>Shapes: input {@code C x H x W}, output {@code F x OH x OW} (see {@link ConvGeometry}). Parameters,
 * in this order in the layer's slice: {@code weight W[F x C*K*K]} (filter {@code f}'s weights for
 * channel {@code c}, row {@code kh}, column {@code kw} at {@code f*C*K*K + (c*K + kh)*K + kw}), then
 * {@code bias b[F]}.
 *
 * <p>The arithmetic is matrix products through {@link Im2Col}: with the windows of the batch's samples
 * as rows of {@code X̂[B*P x CKK]} ({@code P = OH*OW} positions per sample),
 * <pre>
 *   forward           Ŷ[B*P x F]   = X̂ · W^T                 then  y[b, f, p] = Ŷ[b*P + p, f] + b[f]
 *   backward, weight  dW[F x CKK] += dŶ^T · X̂                    with dŶ[b*P + p, f] = dy[b, f, p]
 *   backward, bias    db[f]       += sum over b, p of dŶ[b*P + p, f]
 *   backward, input   dX̂[B*P x CKK] = dŶ · W                 then  dx = col2im(dX̂)
 * </pre>
 * so the kernels' fast matrix product does almost all the work. The batch is processed in groups of
 * samples whose {@code X̂} fits in the cache ({@link #GROUP_FLOATS}); the backward pass rebuilds a group's
 * {@code X̂} rather than keeping the whole batch's. Scratch, per group: {@code X̂} (reused for {@code dX̂} once
 * {@code dW} is done) and {@code Ŷ}/{@code dŶ}. The grouping depends on the shapes only, so results do not
 * depend on the thread count.
 */
public final class Conv2d implements Layer {

    /** The type id. */
    public static final String TYPE = "conv2d";
    /** Upper limit on the number of filters. */
    public static final int MAX_FILTERS = 4096;
    /** Upper limit on the working memory for the windows of one sample, in floats (256 Mi floats = 1 GiB). */
    public static final long MAX_WINDOW_FLOATS = 1L << 28;

    /** Products and copies smaller than this many floats run on the calling thread only. */
    private static final long PARALLEL_THRESHOLD = 1L << 15;

    /** The factory registered for {@link #TYPE} (public with a no-argument constructor for plugin registries). */
    public static final class Factory implements LayerFactory {
        @Override
        public Layer create(LayerSpec spec, Shape input) {
            return Conv2d.create(spec, input);
        }
    }

    private final LayerSpec spec;
    private final Shape input;
    private final Shape output;
    private final ConvGeometry g;
    private final int channels;
    private final int filters;
    private final int ckk;
    private final String init;

    private Conv2d(LayerSpec spec, Shape input, ConvGeometry g, int filters, String init) {
        this.spec = spec;
        this.input = input;
        this.g = g;
        this.channels = input.channels();
        this.filters = filters;
        this.ckk = channels * g.kernel() * g.kernel();
        this.init = init;
        this.output = new Shape(filters, g.outHeight(), g.outWidth());
    }

    /**
     * Creates the layer, checking every parameter and the parameter count first.
     *
     * @throws IllegalArgumentException naming the parameter and the problem
     */
    public static Conv2d create(LayerSpec spec, Shape input) {
        int filters = spec.intParam("filters", -1);
        if (filters < 1) {
            throw new IllegalArgumentException(TYPE + ": filters must be given and at least 1, e.g. conv2d(filters=32, kernel=5)");
        }
        if (filters > MAX_FILTERS) {
            throw new IllegalArgumentException(TYPE + ": filters = " + filters + " is too large (at most " + MAX_FILTERS + ")");
        }
        int kernel = Integer.parseInt(named(spec, "kernel", "3"));
        int stride = Integer.parseInt(named(spec, "stride", "1"));
        String padding = named(spec, "padding", "valid").toLowerCase(java.util.Locale.ROOT);
        ConvGeometry g = ConvGeometry.of(TYPE, input, kernel, stride, padding);
        long params = (long) filters * input.channels() * kernel * kernel + filters;
        if (params > Architecture.MAX_PARAMETERS) {
            throw new IllegalArgumentException(TYPE + ": " + filters + " filters of " + input.channels() + "x" + kernel + "x"
                    + kernel + " = " + params + " parameters, more than the limit of " + Architecture.MAX_PARAMETERS);
        }
        long windows = (long) g.outPlane() * input.channels() * kernel * kernel;
        if (windows > MAX_WINDOW_FLOATS) {
            throw new IllegalArgumentException(TYPE + ": the windows of one " + input + " sample take " + windows
                    + " floats (" + g.outPlane() + " positions x " + input.channels() * kernel * kernel
                    + " values), more than the limit of " + MAX_WINDOW_FLOATS + "; use a smaller input or kernel, or a larger stride");
        }
        String init = Initializers.checkName(spec.namedParam("init", "he"));
        return new Conv2d(spec, input, g, filters, init);
    }

    /** A named whole-number parameter (never the unnamed value, which means filters), checked. */
    private static String named(LayerSpec spec, String key, String fallback) {
        String v = spec.namedParam(key, fallback);
        if (!key.equals("padding")) {
            try {
                Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TYPE + ": " + key + " = '" + v + "' is not a whole number");
            }
        }
        return v;
    }

    /** The window geometry (kernel, stride, padding, output size). */
    public ConvGeometry geometry() {
        return g;
    }

    /** The number of filters (output channels). */
    public int filters() {
        return filters;
    }

    @Override public String type() { return TYPE; }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return input; }
    @Override public Shape outputShape() { return output; }
    @Override public int parameterCount() { return filters * ckk + filters; }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        int k = g.kernel();
        return List.of(new ParameterBlock("weight", 0, new int[] {filters, channels, k, k}, true),
                new ParameterBlock("bias", filters * ckk, new int[] {filters}, false));
    }

    @Override
    public void initialize(float[] params, int offset, Rng rng) {
        int k2 = g.kernel() * g.kernel();
        Initializers.byName(init, params, offset, filters * ckk, ckk, filters * k2, rng);
        java.util.Arrays.fill(params, offset + filters * ckk, offset + filters * ckk + filters, 0f);
    }

    /**
     * Samples per group: the windows of one group take about this many floats (1 MiB), so that a group's
     * {@code X̂} is written, multiplied and (backward) folded back while it is still in the cache.
     */
    static final int GROUP_FLOATS = 1 << 18;

    /** The number of samples handled together in a batch of {@code batch}: at least 1. */
    int group(int batch) {
        long perSample = (long) g.outPlane() * ckk;
        return (int) Math.max(1, Math.min(batch, GROUP_FLOATS / perSample));
    }

    /** {@code X̂[n*P x CKK]} followed by {@code Ŷ[n*P x F]} for a group of {@code n} samples. */
    @Override
    public int scratchSize(int batch) {
        long rows = (long) group(batch) * g.outPlane();
        long floats = rows * ckk + rows * filters;
        return Math.toIntExact(floats); // at most MAX_WINDOW_FLOATS + rows * filters, checked in create()
    }

    // The batch is processed in groups of n samples (see group()); for each group, with X̂ its windows:
    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        int batch = pass.batch();
        int n = group(batch);
        int plane = g.outPlane();
        int yHat = n * plane * ckk;
        int bias = offset + filters * ckk;
        for (int first = 0; first < batch; first += n) {
            int from = first;
            int count = Math.min(n, batch - first);
            int rows = count * plane;
            Parallel.forRange(parts(pass, (long) rows * ckk), count,
                    (a, b) -> Im2Col.im2col(g, channels, x, scratch, from, from + a, from + b));
            // Ŷ[n*P x F] = X̂[n*P x CKK] · W^T   (W is [F x CKK])
            pass.kernels().gemm(false, true, rows, filters, ckk, scratch, 0, ckk, params, offset, ckk,
                    false, scratch, yHat, filters);
            // y[b, f, p] = Ŷ[b*P + p, f] + bias[f]
            Parallel.forRange(parts(pass, (long) rows * filters), count, (a, b) -> {
                for (int s = a; s < b; s++) {
                    for (int f = 0; f < filters; f++) {
                        float bf = params[bias + f];
                        int dst = ((from + s) * filters + f) * plane;
                        int src = yHat + s * plane * filters + f;
                        for (int p = 0; p < plane; p++) y[dst + p] = scratch[src + p * filters] + bf;
                    }
                }
            });
        }
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        int batch = pass.batch();
        int n = group(batch);
        int plane = g.outPlane();
        int dyHat = n * plane * ckk;
        // db[f] += sum over b, p of dy[b, f, p], in a fixed order
        int bias = offset + filters * ckk;
        for (int f = 0; f < filters; f++) {
            float sum = 0f;
            for (int b = 0; b < batch; b++) {
                int src = (b * filters + f) * plane;
                for (int p = 0; p < plane; p++) sum += dy[src + p];
            }
            grads[bias + f] += sum;
        }
        for (int first = 0; first < batch; first += n) {
            int from = first;
            int count = Math.min(n, batch - first);
            int rows = count * plane;
            // X̂ again (cheaper than keeping the whole batch's windows), and dŶ[b*P + p, f] = dy[b, f, p]
            Parallel.forRange(parts(pass, (long) rows * ckk), count,
                    (a, b) -> Im2Col.im2col(g, channels, x, scratch, from, from + a, from + b));
            Parallel.forRange(parts(pass, (long) rows * filters), count, (a, b) -> {
                for (int s = a; s < b; s++) {
                    for (int f = 0; f < filters; f++) {
                        int src = ((from + s) * filters + f) * plane;
                        int dst = dyHat + s * plane * filters + f;
                        for (int p = 0; p < plane; p++) scratch[dst + p * filters] = dy[src + p];
                    }
                }
            });
            // dW[F x CKK] += dŶ^T · X̂
            pass.kernels().gemm(true, false, filters, ckk, rows, scratch, dyHat, filters, scratch, 0, ckk,
                    true, grads, offset, ckk);
            if (dx == null) continue;
            // dX̂[n*P x CKK] = dŶ · W, written over X̂, then folded back into dx
            pass.kernels().gemm(false, false, rows, ckk, filters, scratch, dyHat, filters, params, offset, ckk,
                    false, scratch, 0, ckk);
            Parallel.forRange(parts(pass, (long) rows * ckk), count,
                    (a, b) -> Im2Col.col2im(g, channels, scratch, dx, from, from + a, from + b));
        }
    }

    private static int parts(Pass pass, long work) {
        return work < PARALLEL_THRESHOLD ? 1 : pass.kernels().threads();
    }
}

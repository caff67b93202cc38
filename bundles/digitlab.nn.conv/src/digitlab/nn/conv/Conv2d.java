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
 * <p>The arithmetic is matrix products through {@link Im2Col}, in its columns layout: with the windows
 * of a group of {@code n} samples as the columns of {@code X̂[CKK x n*P]} ({@code P = OH*OW} positions per
 * sample, sample {@code s}'s in columns {@code s*P .. s*P + P}),
 * <pre>
 *   forward           Ŷ[F x n*P]   = W · X̂                   then  y[b, f, p] = Ŷ[f, s*P + p] + b[f]
 *   backward, weight  dW[F x CKK] += dŶ · X̂^T                   with dŶ[f, s*P + p] = dy[b, f, p]
 *   backward, bias    db[f]       += sum over b, p of dy[b, f, p]
 *   backward, input   dX̂[CKK x n*P] = W^T · dŶ               then  dx = col2im(dX̂)
 * </pre>
 * so the kernels' fast matrix product does almost all the work, and every copy between the layer's
 * {@code [B x F x P]} arrays and the products' operands moves runs of {@code P} contiguous values (the
 * first version multiplied {@code X̂^T W^T}, whose {@code [n*P x F]} result had to be transposed element
 * by element, and copied windows of {@code K} values into rows). The batch is processed in groups of
 * samples whose {@code X̂} fits in the cache ({@link #GROUP_FLOATS}); the backward pass rebuilds a group's
 * {@code X̂} rather than keeping the whole batch's. Scratch, per group: {@code X̂} (reused for {@code dX̂} once
 * {@code dW} is done) and {@code Ŷ}/{@code dŶ}. The grouping depends on the shapes only, so results do not
 * depend on the thread count.
 *
 * <p>With stride 1 and the Vector API available ({@link ConvVectorPaths}), the same three products run
 * on {@link VectorConv} straight from each zero-padded sample, in the wide layout of {@link WideColumns},
 * without writing {@code X̂} or {@code dX̂} at all: register-blocked kernels whose "matrix" operand is the
 * padded input read at {@code tap[q] + j}. The weight gradient keeps one partial sum per weight and
 * vector lane for the whole batch, added up in a fixed order at the end. When the filters fill pairs of
 * vectors, {@link FilterConvPath} runs instead: vectors along the filters, only the real output positions
 * computed. This is LeNet's case (the
 * speed-ups are in bench/README.md); the plain path above stays for other
 * strides, for machines without the module, and as what the tests compare the direct path with.
 */
public final class Conv2d implements Layer {

    /** The type id. */
    public static final String TYPE = "conv2d";
    /** Upper limit on the number of filters. */
    public static final int MAX_FILTERS = 4096;
    /** Upper limit on the working memory for the windows of one sample, in floats (256 Mi floats = 1 GiB). */
    public static final long MAX_WINDOW_FLOATS = 1L << 28;

    /** Layers with more weights than this run the plain path ({@link VectorConv}'s partial sums take 16 floats a weight). */
    static final long MAX_DIRECT_WEIGHTS = 1L << 18;

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
    /** The wide columns layout for stride 1, else null (the plain columns layout of {@link Im2Col}). */
    private final WideColumns wide;
    /** The products on {@link VectorConv} straight from the padded input (stride 1, Vector API), else null. */
    private final DirectConvPath direct;
    /** The products on {@link FilterKernels} (as {@link #direct}, when the filters fill pairs of vectors or nearly: {@link FilterConvPath#suits}), else null. */
    private final FilterConvPath byFilters;

    private Conv2d(LayerSpec spec, Shape input, ConvGeometry g, int filters, String init, boolean allowDirect,
                   boolean allowByFilters) {
        this.spec = spec;
        this.input = input;
        this.g = g;
        this.channels = input.channels();
        this.filters = filters;
        this.ckk = channels * g.kernel() * g.kernel();
        this.init = init;
        this.output = new Shape(filters, g.outHeight(), g.outWidth());
        this.wide = g.stride() == 1 ? new WideColumns(g, channels) : null;
        // the direct path keeps one partial sum per weight and vector lane: not for layers with millions of weights
        this.direct = allowDirect && wide != null && ConvVectorPaths.AVAILABLE && (long) filters * ckk <= MAX_DIRECT_WEIGHTS
                ? new DirectConvPath(g, channels, filters, wide) : null;
        this.byFilters = direct != null && allowByFilters && FilterConvPath.suits(filters)
                ? new FilterConvPath(g, channels, filters, wide) : null;
    }

    /**
     * Creates the layer, checking every parameter and the parameter count first.
     *
     * @throws IllegalArgumentException naming the parameter and the problem
     */
    public static Conv2d create(LayerSpec spec, Shape input) {
        return create(spec, input, true);
    }

    /**
     * As {@link #create(LayerSpec, Shape)}; with {@code allowDirect} false the layer always runs the matrix
     * products on the pass's kernels (the plain path the tests compare {@link VectorConv} with).
     */
    static Conv2d create(LayerSpec spec, Shape input, boolean allowDirect) {
        return create(spec, input, allowDirect, true);
    }

    /**
     * As {@link #create(LayerSpec, Shape, boolean)}; with {@code allowByFilters} false the direct path is always
     * {@link VectorConv}'s, never {@link FilterKernels}' (for the tests that compare the two).
     */
    static Conv2d create(LayerSpec spec, Shape input, boolean allowDirect, boolean allowByFilters) {
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
        return new Conv2d(spec, input, g, filters, init, allowDirect, allowByFilters);
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

    /** Which path runs the products: "filters" ({@link FilterConvPath}), "direct" ({@link DirectConvPath}) or "plain". */
    String path() {
        return byFilters != null ? "filters" : direct != null ? "direct" : "plain";
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

    /** Columns of the window matrix per sample: {@link WideColumns#wide()} for stride 1, else {@code P}. */
    private int columnsPerSample() {
        return wide != null ? wide.wide() : g.outPlane();
    }

    /** In the window matrix, the distance between the first columns of output rows {@code oh} and {@code oh + 1}. */
    private int rowStride() {
        return wide != null ? wide.paddedWidth() : g.outWidth();
    }

    /** The number of samples handled together in a batch of {@code batch}: at least 1. */
    int group(int batch) {
        long perSample = (long) columnsPerSample() * ckk;
        return (int) Math.max(1, Math.min(batch, GROUP_FLOATS / perSample));
    }

    /**
     * {@code X̂[CKK x n*cols]} followed by {@code Ŷ[F x n*cols]} for a group of {@code n} samples of
     * {@code cols} columns each, and for stride 1 each sample's padded input ({@link WideColumns#padded()}).
     */
    @Override
    public int scratchSize(int batch) {
        int n = group(batch);
        if (byFilters != null) return byFilters.scratchSize(n);
        if (direct != null) return direct.scratchSize(n);
        long cols = (long) n * columnsPerSample();
        long floats = cols * ckk + cols * filters + (wide != null ? (long) n * wide.padded() : 0);
        return Math.toIntExact(floats); // at most about 2 * MAX_WINDOW_FLOATS, checked in create()
    }

    // The batch is processed in groups of n samples (see group()); for each group, X̂ holds its windows in a
    // columns layout (row q = kernel tap, sample s's columns from s*cols; WideColumns for stride 1, else Im2Col):
    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        if (byFilters != null) {
            byFilters.forward(pass, params, offset, x, y, scratch, group(pass.batch()));
            return;
        }
        if (direct != null) {
            direct.forward(pass, params, offset, x, y, scratch, group(pass.batch()));
            return;
        }
        int batch = pass.batch();
        int n = group(batch);
        int per = columnsPerSample();
        int yHat = n * per * ckk;
        int bias = offset + filters * ckk;
        int outH = g.outHeight();
        int outW = g.outWidth();
        int stride = rowStride();
        int plane = g.outPlane();
        for (int first = 0; first < batch; first += n) {
            int from = first;
            int count = Math.min(n, batch - first);
            int cols = count * per;
            Parallel.forRange(parts(pass, (long) cols * ckk), count, (a, b) -> windows(x, scratch, n, cols, from, a, b));
            // Ŷ[F x n*cols] = W[F x CKK] · X̂[CKK x n*cols]
            pass.kernels().gemm(false, false, filters, cols, ckk, params, offset, ckk, scratch, 0, cols,
                    false, scratch, yHat, cols);
            // y[b, f, oh, ow] = Ŷ[f, s*cols + oh*stride + ow] + bias[f]: runs of OW contiguous values
            Parallel.forRange(parts(pass, (long) cols * filters), count, (a, b) -> {
                for (int s = a; s < b; s++) {
                    for (int f = 0; f < filters; f++) {
                        float bf = params[bias + f];
                        int dst = ((from + s) * filters + f) * plane;
                        int src = yHat + f * cols + s * per;
                        for (int oh = 0; oh < outH; oh++, dst += outW, src += stride) {
                            for (int ow = 0; ow < outW; ow++) y[dst + ow] = scratch[src + ow] + bf;
                        }
                    }
                }
            });
        }
    }

    /** The windows of the group's samples {@code [a, b)} (group starting at sample {@code from}) into X̂. */
    private void windows(float[] x, float[] scratch, int n, int cols, int from, int a, int b) {
        if (wide == null) {
            Im2Col.toColumns(g, channels, x, scratch, cols, from, from + a, from + b);
            return;
        }
        int per = wide.wide();
        int pad = n * per * (ckk + filters);
        for (int s = a; s < b; s++) {
            int padOff = pad + s * wide.padded();
            wide.pad(x, from + s, scratch, padOff);
            wide.columns(scratch, padOff, scratch, cols, s * per);
        }
    }

    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        if (byFilters != null) {
            byFilters.backward(pass, params, offset, x, dy, dx, grads, scratch, group(pass.batch()));
            return;
        }
        if (direct != null) {
            direct.backward(pass, params, offset, x, dy, dx, grads, scratch, group(pass.batch()));
            return;
        }
        int batch = pass.batch();
        int n = group(batch);
        int per = columnsPerSample();
        int dyHat = n * per * ckk;
        int outH = g.outHeight();
        int outW = g.outWidth();
        int stride = rowStride();
        int plane = g.outPlane();
        BiasGradient.add(dy, batch, filters, plane, grads, offset + filters * ckk);
        for (int first = 0; first < batch; first += n) {
            int from = first;
            int count = Math.min(n, batch - first);
            int cols = count * per;
            // X̂ again (cheaper than keeping the whole batch's windows), and dŶ[f, s*cols + oh*stride + ow] =
            // dy[b, f, oh, ow], 0 in the wide layout's columns that are not output positions
            Parallel.forRange(parts(pass, (long) cols * ckk), count, (a, b) -> windows(x, scratch, n, cols, from, a, b));
            for (int s = 0; s < count; s++) {
                for (int f = 0; f < filters; f++) {
                    int src = ((from + s) * filters + f) * plane;
                    int dst = dyHat + f * cols + s * per;
                    for (int oh = 0; oh < outH; oh++, src += outW, dst += stride) {
                        System.arraycopy(dy, src, scratch, dst, outW);
                        for (int j = outW; j < stride; j++) scratch[dst + j] = 0f;
                    }
                }
            }
            // dW[F x CKK] += dŶ[F x n*cols] · X̂^T
            pass.kernels().gemm(false, true, filters, ckk, cols, scratch, dyHat, cols, scratch, 0, cols,
                    true, grads, offset, ckk);
            if (dx == null) continue;
            // dX̂[CKK x n*cols] = W^T · dŶ, written over X̂, then folded back into dx
            pass.kernels().gemm(true, false, ckk, cols, filters, params, offset, ckk, scratch, dyHat, cols,
                    false, scratch, 0, cols);
            Parallel.forRange(parts(pass, (long) cols * ckk), count, (a, b) -> fold(scratch, dx, n, cols, from, a, b));
        }
    }

    /** Folds the window gradients of the group's samples {@code [a, b)} back into {@code dx}. */
    private void fold(float[] scratch, float[] dx, int n, int cols, int from, int a, int b) {
        if (wide == null) {
            Im2Col.fromColumns(g, channels, scratch, cols, dx, from, from + a, from + b);
            return;
        }
        int per = wide.wide();
        int pad = n * per * (ckk + filters);
        for (int s = a; s < b; s++) {
            int padOff = pad + s * wide.padded();
            wide.fold(scratch, cols, s * per, scratch, padOff);
            wide.crop(scratch, padOff, dx, from + s);
        }
    }

    /** How many parts to split {@code work} (floats touched) into: one below the threshold, else one per thread. */
    static int parts(Pass pass, long work) {
        return work < PARALLEL_THRESHOLD ? 1 : pass.kernels().threads();
    }
}

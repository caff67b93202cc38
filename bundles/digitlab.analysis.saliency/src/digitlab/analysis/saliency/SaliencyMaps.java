package digitlab.analysis.saliency;

import digitlab.nn.InputNormalization;
import digitlab.nn.Layer;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Pass;
import digitlab.nn.Argmax;
import digitlab.nn.BatchBuffers;
import digitlab.nn.kernel.Kernels;
import java.util.List;

/**
 * Saliency maps of a network for one image, computed through the public layer API of {@code digitlab.nn}
 * only (no access to the lab's internals), so any architecture works, including contributed layer types.
 * Plain Java: call it off the UI thread. Each call allocates its own buffers, so calls from several threads
 * on the same immutable {@link ModelSnapshot} are safe.
 */
public final class SaliencyMaps {

    /** The two ways of asking "which pixels change the guess". */
    public enum Method {
        /**
         * The gradient of the guessed class's log-probability (or, without a softmax output, of its output)
         * with respect to each input pixel: one forward and one backward pass, the network's own linear
         * answer to "what if this pixel were a little darker".
         */
        GRADIENT,
        /**
         * Occlusion: blank a square patch (set it to background), see how much the guessed class's output
         * drops, for patches at every position; each pixel gets the mean drop of the patches covering it.
         * Model-agnostic and robust to saturated units, at the cost of one forward pass per patch.
         */
        OCCLUSION
    }

    /** Side of the occlusion patch, in pixels. */
    public static final int PATCH = 5;
    /** Step between occlusion patches, in pixels. */
    public static final int STRIDE = 1;

    private SaliencyMaps() {
    }

    /**
     * The saliency map of {@code pixels} (row-major, in [0, 1], as the canvas's preprocessing gives them).
     *
     * @param normalization how pixels become network inputs (the model's)
     * @param width         image width; {@code width * height} must equal the network's input size
     * @throws IllegalArgumentException when the image does not fit the network
     */
    public static SaliencyMap compute(Method method, ModelSnapshot model, InputNormalization normalization,
                                      float[] pixels, int width, int height, Kernels kernels) {
        Network net = model.network();
        if (pixels.length != width * height || pixels.length != net.inputSize()) {
            throw new IllegalArgumentException("saliency: the image has " + pixels.length + " pixels (" + width + "x"
                    + height + "), the network takes " + net.inputSize() + " inputs");
        }
        return switch (method) {
            case GRADIENT -> gradient(model, normalization, pixels, width, height, kernels);
            case OCCLUSION -> occlusion(model, normalization, pixels, width, height, kernels);
        };
    }

    /**
     * Gradient saliency. With a softmax output {@code p}, the derivative of {@code log p_c} with respect to the
     * logits {@code z} is {@code onehot(c) - p}; that is fed into the layer below the softmax and propagated
     * back to the input with each layer's own backward pass; the chain rule through the normalisation
     * {@code x = (pixel - mean) / std} adds the factor {@code 1 / std}.
     */
    static SaliencyMap gradient(ModelSnapshot model, InputNormalization normalization, float[] pixels, int width,
                                int height, Kernels kernels) {
        Network net = model.network();
        List<Layer> layers = net.layers();
        int n = layers.size();
        float[] params = model.parameters();
        Pass pass = new Pass(kernels);
        pass.set(1, false);
        float[][] acts = new float[n + 1][];
        acts[0] = normalization.apply(pixels);
        float[][] scratch = new float[n][];
        for (int i = 0; i < n; i++) {
            Layer layer = layers.get(i);
            acts[i + 1] = new float[layer.outputShape().size()];
            scratch[i] = new float[layer.scratchSize(1)];
            layer.forward(pass, params, net.parameterOffset(i), acts[i], acts[i + 1], scratch[i]);
        }
        float[] out = acts[n];
        int c = Argmax.of(out);
        boolean softmax = n >= 2 && layers.get(n - 1).type().equals("softmax");
        int top = softmax ? n - 2 : n - 1;
        float[] grad = new float[out.length];
        if (softmax) {
            for (int j = 0; j < out.length; j++) grad[j] = -out[j];
            grad[c] += 1f;
        } else {
            grad[c] = 1f;
        }
        float[] paramGrads = new float[net.parameterCount()]; // the layers add to it; not used
        for (int i = top; i >= 0; i--) {
            float[] below = new float[layers.get(i).inputShape().size()];
            layers.get(i).backward(pass, params, net.parameterOffset(i), acts[i], acts[i + 1], grad, below,
                    paramGrads, scratch[i]);
            grad = below;
        }
        float inv = (float) (1.0 / normalization.std());
        float[] signed = new float[grad.length];
        for (int i = 0; i < grad.length; i++) signed[i] = grad[i] * inv;
        return new SaliencyMap(Method.GRADIENT, c, out[c], width, height, scaledMagnitudes(signed), signed);
    }

    /** Occlusion saliency with {@link #PATCH}-pixel patches every {@link #STRIDE} pixels, all in one batch. */
    static SaliencyMap occlusion(ModelSnapshot model, InputNormalization normalization, float[] pixels, int width,
                                 int height, Kernels kernels) {
        Network net = model.network();
        int size = width * height;
        int patch = Math.min(PATCH, Math.min(width, height));
        int rows = (height - patch) / STRIDE + 1;
        int cols = (width - patch) / STRIDE + 1;
        int batch = 1 + rows * cols; // the image itself, then one occluded copy per patch position
        BatchBuffers ws = net.newBuffers(batch, kernels);
        float[] in = ws.input();
        float[] x = normalization.apply(pixels);
        float blank = normalization.apply(0f);
        for (int b = 0; b < batch; b++) System.arraycopy(x, 0, in, b * size, size);
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                int b = 1 + r * cols + q;
                for (int y = r * STRIDE; y < r * STRIDE + patch; y++) {
                    for (int xx = q * STRIDE; xx < q * STRIDE + patch; xx++) in[b * size + y * width + xx] = blank;
                }
            }
        }
        float[] out = ws.forward(model.parameters(), batch, false, 0);
        int classes = net.outputSize();
        int c = Argmax.of(out, 0, classes);
        float base = out[c];
        float[] sum = new float[size];
        int[] count = new int[size];
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                float drop = base - out[(1 + r * cols + q) * classes + c];
                for (int y = r * STRIDE; y < r * STRIDE + patch; y++) {
                    for (int xx = q * STRIDE; xx < q * STRIDE + patch; xx++) {
                        sum[y * width + xx] += drop;
                        count[y * width + xx]++;
                    }
                }
            }
        }
        float[] signed = new float[size];
        for (int i = 0; i < size; i++) signed[i] = count[i] == 0 ? 0f : sum[i] / count[i];
        return new SaliencyMap(Method.OCCLUSION, c, base, width, height, scaledMagnitudes(signed), signed);
    }

    /** {@code |v| / max |v|}, or all zeros when every value is 0. */
    static float[] scaledMagnitudes(float[] v) {
        float max = 0f;
        for (float f : v) max = Math.max(max, Math.abs(f));
        float[] m = new float[v.length];
        if (max > 0f && Float.isFinite(max)) for (int i = 0; i < v.length; i++) m[i] = Math.abs(v[i]) / max;
        return m;
    }
}

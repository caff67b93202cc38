package digitlab.nn;

import digitlab.nn.internal.Softmax;
import digitlab.nn.kernel.Kernels;
import java.util.List;

/**
 * The buffers for running one {@link Network} on batches of up to {@link #capacity()} samples:
 * the activations of every layer, their gradients and the layers' scratch memory. Allocated once
 * and reused for every batch, so the training loop allocates nothing. Not thread-safe: one
 * set of buffers per thread.
 *
 * <p>Use: write a batch into {@link #input()} ({@code [B x inputSize]}), call {@link #forward},
 * then for training {@link #backward} with the labels.
 */
public final class BatchBuffers {

    private final Network network;
    private final List<Layer> layers;
    private final int capacity;
    private final Pass pass;
    /** acts[0] is the input, acts[i + 1] the output of layer i; each [capacity x size]. */
    private final float[][] acts;
    /** grads[i] = dL/d acts[i]; grads[0] is never needed and stays null. */
    private final float[][] grads;
    private final float[][] scratch;
    private final boolean fusedSoftmaxOutput;
    private int batch;

    BatchBuffers(Network network, int capacity, Kernels kernels) {
        if (capacity < 1) throw new IllegalArgumentException("buffer capacity must be at least 1: " + capacity);
        this.network = network;
        this.layers = network.layers();
        this.capacity = capacity;
        this.pass = new Pass(kernels);
        int n = layers.size();
        acts = new float[n + 1][];
        grads = new float[n + 1][];
        scratch = new float[n][];
        acts[0] = new float[capacity * network.inputSize()];
        for (int i = 0; i < n; i++) {
            int size = capacity * layers.get(i).outputShape().size();
            acts[i + 1] = new float[size];
            grads[i + 1] = new float[size];
            scratch[i] = new float[layers.get(i).scratchSize(capacity)];
        }
        fusedSoftmaxOutput = n >= 2 && layers.get(n - 1) instanceof Softmax;
    }

    /** The network these buffers are for. */
    public Network network() {
        return network;
    }

    /** The largest batch these buffers hold. */
    public int capacity() {
        return capacity;
    }

    /** The input buffer {@code [capacity x inputSize]}: write the batch here before {@link #forward}. */
    public float[] input() {
        return acts[0];
    }

    /** The network's output of the last forward pass, {@code [B x outputSize]} (valid for its first B rows). */
    public float[] output() {
        return acts[layers.size()];
    }

    /** The output of layer {@code i} from the last forward pass, {@code [B x size_i]}. */
    public float[] activation(int i) {
        return acts[i + 1];
    }

    /**
     * Runs the network on the first {@code batch} samples of {@link #input()}.
     *
     * @param training true for a training pass (dropout active)
     * @param seed     the step's seed; layer {@code i} gets {@code Rng.derive(seed, i)}
     * @return the output buffer ({@link #output()})
     */
    public float[] forward(float[] params, int batch, boolean training, long seed) {
        if (batch < 1 || batch > capacity) {
            throw new IllegalArgumentException("batch " + batch + " outside 1.." + capacity);
        }
        this.batch = batch;
        pass.set(batch, training);
        for (int i = 0; i < layers.size(); i++) {
            pass.setSeed(Rng.derive(seed, i));
            layers.get(i).forward(pass, params, network.parameterOffset(i), acts[i], acts[i + 1], scratch[i]);
        }
        return acts[layers.size()];
    }

    /**
     * Backpropagates {@code loss} (mean over the batch of the last {@link #forward}) and
     * <em>adds</em> its gradient to {@code gradients} (same layout as the parameters).
     *
     * @param labels the class of each sample of the batch
     * @return the mean loss of the batch
     */
    public double backward(float[] params, float[] gradients, int[] labels, Loss loss, long seed) {
        int n = layers.size();
        int classes = network.outputSize();
        float[] out = acts[n];
        float scale = 1f / batch;
        double total = 0;
        int top;
        if (fusedSoftmaxOutput && loss.fusesWithSoftmax()) {
            // dL/dz = (p - onehot) / B at the softmax input; the softmax layer's backward is skipped.
            float[] dz = grads[n - 1];
            for (int b = 0; b < batch; b++) {
                int row = b * classes;
                total += loss.value(out, row, classes, labels[b]);
                for (int c = 0; c < classes; c++) dz[row + c] = scale * out[row + c];
                dz[row + labels[b]] -= scale;
            }
            top = n - 2;
        } else {
            float[] dOut = grads[n];
            for (int b = 0; b < batch; b++) {
                int row = b * classes;
                total += loss.value(out, row, classes, labels[b]);
                loss.gradient(out, row, classes, labels[b], scale, dOut, row);
            }
            top = n - 1;
        }
        for (int i = top; i >= 0; i--) {
            pass.setSeed(Rng.derive(seed, i));
            layers.get(i).backward(pass, params, network.parameterOffset(i), acts[i], acts[i + 1],
                    grads[i + 1], grads[i], gradients, scratch[i]);
        }
        return total / batch;
    }

    /** The mean loss of the last forward pass against {@code labels}, without backpropagation. */
    public double loss(int[] labels, Loss loss) {
        int classes = network.outputSize();
        double total = 0;
        for (int b = 0; b < batch; b++) total += loss.value(acts[layers.size()], b * classes, classes, labels[b]);
        return total / batch;
    }

    /** How many samples of the last forward pass have their label as the largest output. */
    public int correct(int[] labels) {
        int classes = network.outputSize();
        float[] out = acts[layers.size()];
        int correct = 0;
        for (int b = 0; b < batch; b++) if (Argmax.of(out, b * classes, classes) == labels[b]) correct++;
        return correct;
    }

}

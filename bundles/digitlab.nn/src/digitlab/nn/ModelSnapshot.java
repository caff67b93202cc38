package digitlab.nn;

import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable copy of a network's parameters at a batch or epoch boundary. Training publishes a
 * new snapshot from time to time; any thread may predict from one without locks, because nothing
 * in it ever changes and every call uses its own working buffers.
 */
public final class ModelSnapshot {

    private final Network network;
    private final float[] params;
    private final int epoch;
    private final int batch;
    private final long step;

    private ModelSnapshot(Network network, float[] params, int epoch, int batch, long step) {
        if (params.length != network.parameterCount()) {
            throw new IllegalArgumentException("parameters: " + params.length + " values, the network needs "
                    + network.parameterCount());
        }
        this.network = network;
        this.params = params;
        this.epoch = epoch;
        this.batch = batch;
        this.step = step;
    }

    /** A snapshot of a copy of {@code params} (the caller may keep changing its array). */
    public static ModelSnapshot of(Network network, float[] params) {
        return new ModelSnapshot(network, params.clone(), 0, 0, 0);
    }

    /** A snapshot of a copy of {@code params}, taken at the given training position. */
    public static ModelSnapshot of(Network network, float[] params, int epoch, int batch, long step) {
        return new ModelSnapshot(network, params.clone(), epoch, batch, step);
    }

    /** The network structure. */
    public Network network() {
        return network;
    }

    /** The architecture. */
    public Architecture architecture() {
        return network.architecture();
    }

    /** The epoch the training stood at (epochs completed). */
    public int epoch() {
        return epoch;
    }

    /** The batch position within {@link #epoch()} (0 at an epoch boundary). */
    public int batch() {
        return batch;
    }

    /** Optimizer steps taken before this snapshot. */
    public long step() {
        return step;
    }

    /** A copy of all parameters (the network's flat layout). */
    public float[] parameters() {
        return params.clone();
    }

    /** The value of parameter {@code i} of the flat array. */
    public float parameter(int i) {
        return params[i];
    }

    /**
     * The network's output for one input: class probabilities for a softmax output (sigmoid outputs
     * for networks like the original project's, which need not sum to 1).
     *
     * @param input {@link Network#inputSize()} values, normalised as in training
     */
    public float[] predict(float[] input) {
        BatchBuffers ws = buffersFor(input);
        ws.forward(params, 1, false, 0);
        return java.util.Arrays.copyOf(ws.output(), network.outputSize());
    }

    /** The index of the largest output for {@code input}. */
    public int predictClass(float[] input) {
        float[] p = predict(input);
        return Argmax.of(p);
    }

    /**
     * The output of every layer for one input (for the network-activity view): element {@code i}
     * is the output of layer {@code i}, of size {@code layers().get(i).outputShape().size()}.
     */
    public float[][] activations(float[] input) {
        BatchBuffers ws = buffersFor(input);
        ws.forward(params, 1, false, 0);
        int n = network.layers().size();
        float[][] result = new float[n][];
        for (int i = 0; i < n; i++) {
            result[i] = java.util.Arrays.copyOf(ws.activation(i), network.layers().get(i).outputShape().size());
        }
        return result;
    }

    /** Copies of layer {@code i}'s parameter tensors (empty for layers without parameters). */
    public List<ParameterTensor> parameters(int layer) {
        Layer l = network.layers().get(layer);
        int base = network.parameterOffset(layer);
        List<ParameterTensor> out = new ArrayList<>();
        for (ParameterBlock b : l.parameterBlocks()) {
            float[] values = java.util.Arrays.copyOfRange(params, base + b.offset(), base + b.offset() + b.size());
            out.add(new ParameterTensor(layer, b.name(), b.shape(), values));
        }
        return out;
    }

    /** Evaluates on {@code source} with the default single-thread kernels; see {@link #evaluate(SampleSource, Loss, Kernels)}. */
    public Evaluation evaluate(SampleSource source, Loss loss) {
        return evaluate(source, loss, KernelSelector.shared());
    }

    /**
     * Runs the model over every sample of {@code source} in batches (inference mode).
     *
     * @throws IllegalArgumentException when the source's input size or a label does not fit the network
     */
    public Evaluation evaluate(SampleSource source, Loss loss, Kernels kernels) {
        checkSource(network, source);
        int n = source.size();
        int classes = network.outputSize();
        int in = network.inputSize();
        BatchBuffers ws = network.newBuffers(Math.max(1, Math.min(256, n)), kernels);
        int[] labels = new int[n];
        int[] predicted = new int[n];
        float[] probabilities = new float[n * classes];
        double lossSum = 0;
        for (int start = 0; start < n; start += ws.capacity()) {
            int size = Math.min(ws.capacity(), n - start);
            for (int r = 0; r < size; r++) {
                source.copyInput(start + r, ws.input(), r * in);
                labels[start + r] = checkLabel(source, start + r, classes);
            }
            float[] out = ws.forward(params, size, false, 0);
            for (int r = 0; r < size; r++) {
                lossSum += loss.value(out, r * classes, classes, labels[start + r]);
                predicted[start + r] = Argmax.of(out, r * classes, classes);
            }
            System.arraycopy(out, 0, probabilities, start * classes, size * classes);
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, labels, predicted, probabilities, classes);
    }

    /**
     * Counts the samples of {@code source} the model classifies correctly (inference mode, in batches of up to 256),
     * stopping after the batch in which the mistakes exceed {@code maxMistakes}: then an accuracy that allows at
     * most that many can no longer be reached, and the rest need not be run. The answer to "does it reach 99 %?"
     * is the same as a full evaluation's, at a fraction of its cost while the model is far from it.
     *
     * @param maxMistakes the most mistakes that still pass; {@code source.size()} or more evaluates everything
     * @return the correct predictions counted; {@code source.size() - correct > maxMistakes} when it stopped early
     *         (or the model made that many mistakes)
     * @throws IllegalArgumentException when the source's input size or a label does not fit the network
     */
    public int countCorrect(SampleSource source, int maxMistakes, Kernels kernels) {
        return countCorrect(source, null, maxMistakes, kernels, null);
    }

    /**
     * As {@link #countCorrect(SampleSource, int, Kernels)}, with the samples taken in the given order and each one
     * the model gets wrong reported. Whatever the order, a count that runs to the end is the same; with the samples
     * most likely to be wrong first (those a previous evaluation got wrong), a model that is still below the limit
     * passes it within the first batch or two.
     *
     * @param order   the indices of {@code source} in the order to run them (a permutation), or null for
     *                {@code 0, 1, 2, ...}
     * @param mistake told the index of each sample run and classified wrongly, in the order run; may be null
     * @throws IllegalArgumentException when {@code order} is not as long as the source, or as above
     */
    public int countCorrect(SampleSource source, int[] order, int maxMistakes, Kernels kernels,
                            java.util.function.IntConsumer mistake) {
        checkSource(network, source);
        int n = source.size();
        if (order != null && order.length != n) {
            throw new IllegalArgumentException("order has " + order.length + " indices for " + n + " samples");
        }
        int classes = network.outputSize();
        int in = network.inputSize();
        BatchBuffers ws = network.newBuffers(Math.max(1, Math.min(256, n)), kernels);
        int[] labels = new int[ws.capacity()];
        int correct = 0;
        for (int start = 0; start < n && start - correct <= maxMistakes; start += ws.capacity()) {
            int size = Math.min(ws.capacity(), n - start);
            for (int r = 0; r < size; r++) {
                int i = order == null ? start + r : order[start + r];
                source.copyInput(i, ws.input(), r * in);
                labels[r] = checkLabel(source, i, classes);
            }
            float[] out = ws.forward(params, size, false, 0);
            for (int r = 0; r < size; r++) {
                if (Argmax.of(out, r * classes, classes) == labels[r]) {
                    correct++;
                } else if (mistake != null) {
                    mistake.accept(order == null ? start + r : order[start + r]);
                }
            }
        }
        return correct;
    }

    private BatchBuffers buffersFor(float[] input) {
        if (input.length != network.inputSize()) {
            throw new IllegalArgumentException("input has " + input.length + " values, the network expects "
                    + network.inputSize() + " (" + network.architecture().input() + ")");
        }
        // Fresh buffers per call: a few kilobytes, and no buffer is ever shared between threads.
        BatchBuffers ws = network.newBuffers(1, KernelSelector.shared());
        System.arraycopy(input, 0, ws.input(), 0, input.length);
        return ws;
    }

    static void checkSource(Network network, SampleSource source) {
        if (source.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("samples have " + source.inputSize() + " values, the network expects "
                    + network.inputSize() + " (" + network.architecture().input() + ")");
        }
    }

    static int checkLabel(SampleSource source, int i, int classes) {
        int label = source.label(i);
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("sample " + i + " has label " + label + " but the network has "
                    + classes + " outputs");
        }
        return label;
    }
}

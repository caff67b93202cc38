package digitlab.nn;

import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import digitlab.nn.kernel.Parallel;
import java.util.function.BooleanSupplier;

/**
 * Mini-batch training with backpropagation. Each epoch visits the training samples in an order
 * shuffled by a generator seeded from the config; each batch runs forward and backward through a
 * reused {@link BatchBuffers} and one optimizer step over the flat parameter array.
 *
 * <p>Guarantees:
 * <ul>
 * <li>Determinism: the same architecture, config (seed) and data give bit-identical parameters,
 * whatever the thread count.</li>
 * <li>Cancellation: {@code cancel} is consulted before every batch; training stops before the next
 * batch with the parameters of the last completed one, and {@link #train} can be called again to
 * continue.</li>
 * <li>Divergence: a NaN or infinite batch loss stops training with status
 * {@link TrainingResult.Status#DIVERGED}, a message naming the epoch and batch, and the parameters
 * reset to the last good snapshot.</li>
 * <li>Checkpoints: {@link #checkpoint()} at any batch boundary and {@link #resume} continue exactly
 * as an uninterrupted run.</li>
 * <li>Failures: an exception from the sample source, a layer or a listener propagates out of
 * {@link #train}; the optimizer step runs only after a batch's forward and backward passes
 * succeeded, so the parameters are still those of the last completed batch and
 * {@link #checkpoint()} still describes a consistent state.</li>
 * <li>Snapshots: a new immutable {@link ModelSnapshot} is published every
 * {@link TrainingConfig#snapshotInterval()} batches and at every epoch end; {@link #snapshot()} may
 * be read from any thread.</li>
 * </ul>
 * A trainer is driven by one thread at a time.
 */
public final class Trainer {

    /** Gradient arrays below this size are zeroed on the training thread alone. */
    private static final int PARALLEL_ZERO_MIN = 1 << 16;

    private final Network network;
    private final TrainingConfig config;
    private final Kernels kernels;
    private final Loss loss;
    private final LearningRateSchedule schedule;
    private final Optimizer optimizer;
    private final float[] params;
    private final float[] grads;
    private final float[] decayMask;
    private final Rng rng;
    private final Parallel.RangeTask zeroTask;

    private int epoch;
    private int batch;
    private long shuffleState;
    private double epochLossSum;
    private long epochCorrect;
    private long epochSeen;
    private boolean diverged;
    private volatile ModelSnapshot snapshot;
    // The clock of the epoch in progress (not part of a checkpoint: speeds are per session).
    private long epochStartNanos;
    private long seenAtEpochStart;

    /** A trainer for a freshly initialised network (seed from the config), with the best kernels for its threads. */
    public Trainer(Network network, TrainingConfig config) {
        this(network, config, KernelSelector.create(config.threads()));
    }

    /** A trainer for a freshly initialised network running on {@code kernels}. */
    public Trainer(Network network, TrainingConfig config, Kernels kernels) {
        this(network, config, kernels, network.initialParameters(config.seed()));
    }

    /**
     * A trainer starting from the given parameters (copied), e.g. to fine-tune a loaded model.
     *
     * @throws IllegalArgumentException when the config is invalid or the parameters do not fit
     */
    public Trainer(Network network, TrainingConfig config, Kernels kernels, float[] initialParameters) {
        this.network = network;
        this.config = config.validate();
        this.kernels = kernels;
        this.loss = config.lossFunction();
        this.schedule = config.learningRateSchedule();
        if (initialParameters.length != network.parameterCount()) {
            throw new IllegalArgumentException("parameters: " + initialParameters.length + " values, the network needs "
                    + network.parameterCount());
        }
        this.params = initialParameters.clone();
        this.grads = new float[params.length];
        this.decayMask = network.decayMask();
        this.zeroTask = (from, to) -> java.util.Arrays.fill(grads, from, to, 0f);
        this.optimizer = OptimizerRegistry.standard().create(config, params.length);
        this.rng = new Rng(Rng.derive(config.seed(), 0x5348554646L)); // "SHUFF": the shuffling stream
        this.shuffleState = rng.state();
        this.snapshot = ModelSnapshot.of(network, params, 0, 0, 0);
    }

    /**
     * A trainer continuing exactly from {@code checkpoint}.
     *
     * @throws IllegalArgumentException when the checkpoint does not fit the network
     */
    public static Trainer resume(Network network, TrainingCheckpoint checkpoint, Kernels kernels) {
        if (!network.architecture().equals(checkpoint.architecture())) {
            throw new IllegalArgumentException("checkpoint architecture " + checkpoint.architecture()
                    + " differs from the network's " + network.architecture());
        }
        Trainer t = new Trainer(network, checkpoint.config(), kernels, checkpoint.parameters());
        t.optimizer.restore(checkpoint.optimizerState(), checkpoint.optimizerSteps());
        t.epoch = checkpoint.epoch();
        t.batch = checkpoint.batch();
        t.shuffleState = checkpoint.shuffleState();
        t.epochLossSum = checkpoint.epochLossSum();
        t.epochCorrect = checkpoint.epochCorrect();
        t.epochSeen = checkpoint.epochSeen();
        t.snapshot = ModelSnapshot.of(network, t.params, t.epoch, t.batch, t.optimizer.steps());
        return t;
    }

    /** The network being trained. */
    public Network network() {
        return network;
    }

    /** The configuration. */
    public TrainingConfig config() {
        return config;
    }

    /** The kernels in use. */
    public Kernels kernels() {
        return kernels;
    }

    /** The latest published snapshot (safe from any thread). */
    public ModelSnapshot snapshot() {
        return snapshot;
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    /** Batches completed in the current epoch. */
    public int batch() {
        return batch;
    }

    /** The full state at the current batch boundary (call between batches, e.g. from a listener). */
    public TrainingCheckpoint checkpoint() {
        return new TrainingCheckpoint(network.architecture(), config, params.clone(), optimizer.state(),
                optimizer.steps(), epoch, batch, shuffleState, epochLossSum, epochCorrect, epochSeen);
    }

    /**
     * Trains from the current position to the configured number of epochs.
     *
     * @param train      the training samples
     * @param validation evaluated after every epoch, or null
     * @param listener   progress receiver, or null
     * @param cancel     consulted before every batch; true stops training, or null
     * @throws IllegalArgumentException when the samples do not fit the network
     * @throws IllegalStateException    after a divergence
     */
    public TrainingResult train(SampleSource train, SampleSource validation, TrainerListener listener,
                                BooleanSupplier cancel) {
        if (diverged) throw new IllegalStateException("this run diverged; start a new one with a lower learning rate");
        Batches data = new Batches(train, validation);
        TrainerListener events = listener != null ? listener : new TrainerListener() { };
        EpochMetrics last = null;
        while (epoch < config.epochs()) {
            data.shuffle();
            startEpochClock();
            float lr = 0f;
            while (batch < data.batches) {
                if (cancel != null && cancel.getAsBoolean()) return cancelled(last);
                int size = data.load(batch);
                lr = learningRate(data.batches);
                double batchLoss = forwardBackward(data, size);
                if (!Double.isFinite(batchLoss)) return diverge(batchLoss, last);
                int correct = data.buffers.correct(data.labels);
                optimizer.step(params, grads, decayMask, lr);
                endBatch(data.batches, size, batchLoss, correct, lr, events);
            }
            last = endEpoch(validation, lr, events);
        }
        return new TrainingResult(TrainingResult.Status.COMPLETED, "trained " + epoch + " epochs", epoch, 0,
                snapshot, last);
    }

    /**
     * What one call of {@link #train} reads from: the training samples in the epoch's order, one batch at a time,
     * copied into the buffers' input (allocated once per call, reused by every batch).
     */
    private final class Batches {
        final SampleSource source;
        final int n;
        final int batches;
        final int[] order;
        final int[] labels;
        final BatchBuffers buffers;

        Batches(SampleSource source, SampleSource validation) {
            ModelSnapshot.checkSource(network, source);
            if (validation != null) ModelSnapshot.checkSource(network, validation);
            this.source = source;
            this.n = source.size();
            if (n == 0) throw new IllegalArgumentException("the training set is empty");
            int batchSize = config.batchSize();
            this.batches = (n + batchSize - 1) / batchSize;
            this.order = new int[n];
            this.labels = new int[batchSize];
            this.buffers = network.newBuffers(Math.min(batchSize, n), kernels);
        }

        /** The epoch's order: a pure function of the generator state at its start. */
        void shuffle() {
            rng.setState(shuffleState);
            for (int i = 0; i < n; i++) order[i] = i;
            rng.shuffle(order, n);
        }

        /** Copies batch {@code b}'s inputs and labels; returns its size (the last batch may be smaller). */
        int load(int b) {
            int start = b * config.batchSize();
            int size = Math.min(config.batchSize(), n - start);
            int in = network.inputSize();
            int classes = network.outputSize();
            for (int r = 0; r < size; r++) {
                int index = order[start + r];
                source.copyInput(index, buffers.input(), r * in);
                labels[r] = ModelSnapshot.checkLabel(source, index, classes);
            }
            return size;
        }
    }

    /** The learning rate at the current batch: the configured rate times the schedule's factor. */
    private float learningRate(int batches) {
        return (float) (config.learningRate() * schedule.factor(epoch, epoch + (double) batch / batches, config.epochs()));
    }

    /**
     * Zeroes the gradients, runs the batch forward and backward (dropout masks seeded by the step) and returns the
     * batch's mean loss; the gradients are then in {@code grads}.
     */
    private double forwardBackward(Batches data, int size) {
        long stepSeed = Rng.derive(config.seed(), optimizer.steps());
        zeroGradients();
        data.buffers.forward(params, size, true, stepSeed);
        return data.buffers.backward(params, grads, data.labels, loss, stepSeed);
    }

    private void startEpochClock() {
        epochStartNanos = System.nanoTime();
        seenAtEpochStart = epochSeen;
    }

    /** Counts a completed batch into the epoch's metrics, publishes a snapshot when one is due, tells the listener. */
    private void endBatch(int batches, int size, double batchLoss, int correct, float lr, TrainerListener events) {
        batch++;
        epochLossSum += batchLoss * size;
        epochCorrect += correct;
        epochSeen += size;
        if (batch % config.snapshotInterval() == 0) publish();
        double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
        events.onBatch(new BatchMetrics(epoch, batch - 1, batches, optimizer.steps(), batchLoss,
                (double) correct / size, lr, (epochSeen - seenAtEpochStart) / Math.max(seconds, 1e-9)));
    }

    /** Closes the epoch: its metrics, the next epoch's shuffle state, a snapshot, validation; tells the listener. */
    private EpochMetrics endEpoch(SampleSource validation, float lr, TrainerListener events) {
        double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
        double trainLoss = epochLossSum / epochSeen;
        double trainAccuracy = (double) epochCorrect / epochSeen;
        double speed = (epochSeen - seenAtEpochStart) / Math.max(seconds, 1e-9);
        epoch++;
        batch = 0;
        shuffleState = rng.state();
        epochLossSum = 0;
        epochCorrect = 0;
        epochSeen = 0;
        publish();
        double vLoss = Double.NaN;
        double vAccuracy = Double.NaN;
        if (validation != null && validation.size() > 0) {
            Evaluation e = snapshot.evaluate(validation, loss, kernels);
            vLoss = e.loss();
            vAccuracy = e.accuracy();
        }
        EpochMetrics metrics = new EpochMetrics(epoch - 1, trainLoss, trainAccuracy, vLoss, vAccuracy, lr, speed, seconds);
        events.onEpoch(metrics);
        return metrics;
    }

    private TrainingResult cancelled(EpochMetrics last) {
        publish();
        return new TrainingResult(TrainingResult.Status.CANCELLED, "cancelled at epoch " + (epoch + 1)
                + ", batch " + batch + " (the model is that after the last completed batch)", epoch, batch, snapshot, last);
    }

    /**
     * Sets the gradient array to zero before a batch, split over the kernels' threads when it is large (an MLP's
     * gradients are close to a megabyte).
     */
    private void zeroGradients() {
        int parts = grads.length < PARALLEL_ZERO_MIN ? 1 : kernels.threads();
        Parallel.forRange(parts, grads.length, zeroTask);
    }

    /** Evaluates the current parameters on {@code source} with this trainer's kernels and loss. */
    public Evaluation evaluate(SampleSource source) {
        return current().evaluate(source, loss, kernels);
    }

    /**
     * A snapshot of the current parameters (a copy, not published), e.g. to evaluate between two snapshots; call
     * between batches, e.g. from a listener.
     */
    public ModelSnapshot current() {
        return ModelSnapshot.of(network, params, epoch, batch, optimizer.steps());
    }

    private TrainingResult diverge(double batchLoss, EpochMetrics last) {
        diverged = true;
        String what = Double.isNaN(batchLoss) ? "NaN" : "infinite";
        String message = "loss became " + what + " at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                + "; try a lower learning rate (it was " + config.learningRate() + ")";
        ModelSnapshot good = snapshot;
        // Keep the trainer's parameters consistent with the snapshot it reports.
        System.arraycopy(good.parameters(), 0, params, 0, params.length);
        return new TrainingResult(TrainingResult.Status.DIVERGED, message, epoch, batch, good, last);
    }

    /** Publishes a snapshot of the current parameters, unless they hold NaN or infinity. */
    private void publish() {
        for (float p : params) {
            if (!Float.isFinite(p)) return;
        }
        snapshot = ModelSnapshot.of(network, params, epoch, batch, optimizer.steps());
    }
}

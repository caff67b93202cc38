package digitlab.train.finetune;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.EpochMetrics;
import digitlab.nn.BatchMetrics;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.Network;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingConfig;
import digitlab.nn.TrainingResult;
import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.Kernels;
import digitlab.train.Evaluator;
import digitlab.train.internal.ThreadBudget;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Continues training a model on MNIST mixed with My drawings ({@link FineTuneMix}), with the lab's own
 * {@link Trainer}, and measures it before and after. Runs in the calling thread; reads its inputs and
 * writes nothing (the caller decides what to do with the model), so a cancel changes nothing anywhere.
 *
 * <p>Steps: measure the model (MNIST test, held-out drawings, trained drawings); take threads from the
 * shared budget; train {@code epochs} passes over the mix starting from the model's parameters, with the
 * model's optimizer settings at the fine-tuning learning rate; measure again.
 */
public final class FineTuner {

    /** Progress of a fine-tune, called on its thread; must be quick. */
    public interface Progress {
        /** A phase, e.g. "Measuring the model before". */
        default void phase(String text) {
        }

        /** Training starts: {@code totalBatches} in all. */
        default void begin(int totalBatches) {
        }

        /** After each batch. */
        default void batch(int epoch, int epochs, int done, int total, double loss) {
        }
    }

    private final Model base;
    private final Dataset mnist;
    private final Dataset drawings;
    private final FineTuneSettings settings;

    /**
     * @param base     the model to continue from (e.g. the current model); it is not changed
     * @param mnist    MNIST (training images mixed in, test images measured)
     * @param drawings My drawings (training part learned, test part = the held-out drawings, measured)
     * @param settings how to fine-tune
     * @throws IllegalArgumentException for bad settings, a model that does not take 28x28 images into 10
     *                                  classes, or no drawing to train on (the message says which)
     */
    public FineTuner(Model base, Dataset mnist, Dataset drawings, FineTuneSettings settings) {
        this.base = base;
        this.mnist = mnist;
        this.drawings = drawings;
        this.settings = settings.validate();
        int inputs = base.snapshot().network().inputSize();
        int outputs = base.snapshot().network().outputSize();
        if (inputs != mnist.imageWidth() * mnist.imageHeight() || outputs != mnist.classCount()) {
            throw new IllegalArgumentException("the model takes " + inputs + " inputs into " + outputs
                    + " classes; fine-tuning needs 28x28 images into 10 digits");
        }
        if (drawings.part(Split.TRAIN).isEmpty()) {
            throw new IllegalArgumentException("My drawings has no drawing to learn yet: teach the canvas some first"
                    + " (the first drawing of each digit is learned, every fourth from the second on is held out)");
        }
    }

    /**
     * Fine-tunes.
     *
     * @param cancel   consulted before every batch and while waiting for a core; true stops (nothing changes)
     * @param progress progress receiver, or null
     * @throws InterruptedException when interrupted while waiting for a core
     */
    public FineTuneResult run(BooleanSupplier cancel, Progress progress) throws InterruptedException {
        long start = System.nanoTime();
        BooleanSupplier stop = cancel != null ? cancel : () -> false;
        Progress p = progress != null ? progress : new Progress() { };
        ImageSet trainDrawings = drawings.part(Split.TRAIN);
        ImageSet heldOut = drawings.part(Split.TEST);
        p.phase("Waiting for a free core");
        int threads = ThreadBudget.shared().acquire(settings.threads(), stop);
        if (threads == 0) return cancelled(trainDrawings, heldOut, 0, start);
        try {
            Kernels kernels = KernelSelector.create(threads);
            p.phase("Measuring the model before fine-tuning");
            double mnistBefore = accuracy(base, mnist.part(Split.TEST), threads);
            double heldOutBefore = accuracy(base, heldOut, threads);
            double trainedBefore = accuracy(base, trainDrawings, threads);
            FineTuneMix mix = new FineTuneMix(mnist.part(Split.TRAIN), trainDrawings, settings,
                    base.metadata().normalization());
            TrainingConfig config = config(threads, mix.size());
            Network network = new Network(base.snapshot().architecture());
            Trainer trainer = new Trainer(network, config, kernels, base.snapshot().parameters());
            int batches = (mix.size() + config.batchSize() - 1) / config.batchSize();
            p.begin(batches * settings.epochs());
            TrainingResult result = trainer.train(mix, null, new digitlab.nn.TrainerListener() {
                @Override
                public void onBatch(BatchMetrics m) {
                    p.batch(m.epoch() + 1, settings.epochs(), m.epoch() * batches + m.batch() + 1, batches * settings.epochs(), m.loss());
                }

                @Override
                public void onEpoch(EpochMetrics e) {
                    mix.setEpoch(e.epoch() + 1);
                }
            }, stop);
            if (result.status() == TrainingResult.Status.CANCELLED) return cancelled(trainDrawings, heldOut, mix.repeats(), start);
            if (result.status() == TrainingResult.Status.DIVERGED) {
                throw new IllegalStateException("fine-tuning diverged (" + result.message() + "); try a lower learning rate");
            }
            Model tuned = new Model(result.snapshot(), base.metadata());
            p.phase("Measuring the fine-tuned model");
            double mnistAfter = accuracy(tuned, mnist.part(Split.TEST), threads);
            double heldOutAfter = accuracy(tuned, heldOut, threads);
            double trainedAfter = accuracy(tuned, trainDrawings, threads);
            Model withFigures = new Model(result.snapshot(), metadata(mnistAfter, heldOutAfter, trainDrawings.size(), mix.repeats()));
            return new FineTuneResult(true, withFigures, mnistBefore, mnistAfter, heldOutBefore, heldOutAfter, trainedBefore,
                    trainedAfter, heldOut.size(), trainDrawings.size(), mix.repeats(), result.epoch(),
                    (System.nanoTime() - start) / 1e9);
        } finally {
            ThreadBudget.shared().release(threads);
        }
    }

    private FineTuneResult cancelled(ImageSet trained, ImageSet heldOut, int repeats, long start) {
        return new FineTuneResult(false, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                heldOut.size(), trained.size(), repeats, 0, (System.nanoTime() - start) / 1e9);
    }

    /** The model's optimizer settings (Adam for a model without a training record) at the fine-tuning rate. */
    private TrainingConfig config(int threads, int samples) {
        TrainingConfig own = base.metadata().training() != null ? base.metadata().training() : TrainingConfig.defaults();
        return own.withLearningRate(settings.learningRate()).withEpochs(settings.epochs())
                .withBatchSize(settings.batchSize()).withSchedule("constant").withSeed(settings.seed())
                .withThreads(threads).withSnapshotInterval(Math.max(1, samples));
    }

    private ModelMetadata metadata(double mnistAfter, double heldOutAfter, int drawingCount, int repeats) {
        ModelMetadata m = base.metadata();
        Map<String, Double> metrics = new LinkedHashMap<>(m.metrics());
        metrics.put("test_accuracy", mnistAfter);
        if (!Double.isNaN(heldOutAfter)) metrics.put("mydrawings_heldout_accuracy", heldOutAfter);
        Map<String, String> props = new LinkedHashMap<>(m.properties());
        props.put("origin", "digitlab.train finetune");
        props.put("finetune", String.format(java.util.Locale.ROOT, "%d drawings x %d per epoch, %d epochs, lr %s, seed %d",
                drawingCount, repeats, settings.epochs(), settings.learningRate(), settings.seed()));
        return new ModelMetadata(m.datasetId(), m.classLabels(), m.normalization(), m.training(), metrics, Instant.now(), props);
    }

    private static double accuracy(Model model, ImageSet images, int threads) {
        if (images.isEmpty()) return Double.NaN;
        return Evaluator.evaluate(model, images, "", "", model.metadata().classLabels(), threads).accuracy();
    }
}

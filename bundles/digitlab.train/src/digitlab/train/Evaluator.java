package digitlab.train;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.InputNormalization;
import digitlab.nn.Loss;
import digitlab.nn.Losses;
import digitlab.nn.Model;
import digitlab.nn.SampleSource;
import digitlab.nn.kernel.KernelSelector;

/** Evaluates models on datasets: the figures of {@link EvaluationReport}. Call off the UI thread. */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates {@code model} on part {@code split} of {@code dataset}, with the model's own loss (from its
     * training configuration; cross-entropy for models without one) and input normalisation.
     *
     * @throws IllegalArgumentException when the images or classes do not fit the model, naming both
     */
    public static EvaluationReport evaluate(Model model, Dataset dataset, Split split, int threads) {
        int inputs = model.snapshot().network().inputSize();
        int outputs = model.snapshot().network().outputSize();
        ImageSet set = dataset.part(split);
        if (set.pixelsPerImage() != inputs || dataset.classCount() != outputs) {
            throw new IllegalArgumentException("model: it takes " + inputs + " pixels and " + outputs
                    + " classes, dataset " + dataset.id() + " has " + dataset.imageWidth() + "x" + dataset.imageHeight()
                    + " images and " + dataset.classCount() + " classes");
        }
        return evaluate(model, set, dataset.id(), split.label(), dataset.classNames(), threads);
    }

    /** Evaluates {@code model} on {@code images}; {@code dataset} and {@code split} only label the report. */
    public static EvaluationReport evaluate(Model model, ImageSet images, String dataset, String split,
                                            java.util.List<String> classNames, int threads) {
        Loss loss = model.metadata().training() != null ? model.metadata().training().lossFunction() : Losses.CROSS_ENTROPY;
        SampleSource source = normalized(new ImageSetSource(images), model.metadata().normalization());
        digitlab.nn.Evaluation e = model.snapshot().evaluate(source, loss, KernelSelector.create(Math.max(1, threads)));
        return EvaluationReport.of(e, dataset, split, classNames);
    }

    /** {@code source} with the model's normalisation applied (itself for the identity). */
    static SampleSource normalized(SampleSource source, InputNormalization n) {
        if (n.equals(InputNormalization.IDENTITY)) return source;
        return new SampleSource() {
            @Override public int size() { return source.size(); }
            @Override public int inputSize() { return source.inputSize(); }
            @Override public int label(int i) { return source.label(i); }
            @Override public void copyInput(int i, float[] dst, int off) {
                source.copyInput(i, dst, off);
                for (int k = 0; k < source.inputSize(); k++) dst[off + k] = n.apply(dst[off + k]);
            }
        };
    }
}

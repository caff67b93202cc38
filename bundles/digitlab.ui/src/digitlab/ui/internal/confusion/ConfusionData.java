package digitlab.ui.internal.confusion;

import java.util.List;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Evaluation;
import digitlab.nn.InputNormalization;
import digitlab.nn.Losses;
import digitlab.nn.SampleSource;
import digitlab.nn.kernel.KernelSelector;
import digitlab.ui.internal.model.PredictionModel;

/**
 * A model evaluated on a dataset's test images, with every sample's outcome kept (so that any
 * cell of the matrix, the diagonal included, can show its images). Made off the UI thread.
 *
 * @param modelName  the model's name
 * @param datasetId  the dataset's id
 * @param labels     the class names
 * @param images     the test images
 * @param evaluation the per-sample labels, predictions and probabilities
 */
public record ConfusionData(String modelName, String datasetId, List<String> labels, ImageSet images,
                            Evaluation evaluation) {

    /**
     * Evaluates {@code model} on the test part of {@code dataset} (a few hundred milliseconds for
     * MNIST's 10,000 images).
     *
     * @throws IllegalArgumentException when the model does not fit the dataset's images or classes
     */
    public static ConfusionData evaluate(PredictionModel model, Dataset dataset) {
        ImageSet test = dataset.part(Split.TEST);
        int inputs = model.inputSize();
        int outputs = model.snapshot().network().outputSize();
        if (test.pixelsPerImage() != inputs || dataset.classCount() != outputs) {
            throw new IllegalArgumentException("the model takes " + inputs + " pixels and " + outputs + " classes, "
                    + dataset.id() + " has " + dataset.imageWidth() + "x" + dataset.imageHeight() + " images and "
                    + dataset.classCount() + " classes");
        }
        InputNormalization norm = model.normalization();
        SampleSource source = new SampleSource() {
            @Override
            public int size() {
                return test.size();
            }

            @Override
            public int inputSize() {
                return test.pixelsPerImage();
            }

            @Override
            public int label(int i) {
                return test.label(i);
            }

            @Override
            public void copyInput(int i, float[] dst, int off) {
                test.copyNormalized(i, dst, off);
                for (int k = off; k < off + inputs; k++) dst[k] = norm.apply(dst[k]);
            }
        };
        Evaluation e = model.snapshot().evaluate(source, Losses.CROSS_ENTROPY, KernelSelector.shared());
        return new ConfusionData(model.name(), dataset.id(), dataset.classNames(), test, e);
    }

    /** {@code [label][predicted]} counts. */
    public int[][] matrix() {
        return evaluation.confusionMatrix();
    }

    /** The positions of the test images with true class {@code label} predicted as {@code predicted}. */
    public int[] positions(int label, int predicted) {
        int n = 0;
        for (int i = 0; i < evaluation.size(); i++) if (evaluation.label(i) == label && evaluation.predicted(i) == predicted) n++;
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < evaluation.size(); i++) {
            if (evaluation.label(i) == label && evaluation.predicted(i) == predicted) out[k++] = i;
        }
        return out;
    }

    /** Precision of class {@code c}: right among those predicted as c; NaN when none was. */
    public double precision(int c) {
        int[][] m = matrix();
        int col = 0;
        for (int[] row : m) col += row[c];
        return col == 0 ? Double.NaN : (double) m[c][c] / col;
    }

    /** Recall of class {@code c}: found among those of class c; NaN when the class has none. */
    public double recall(int c) {
        int[][] m = matrix();
        int row = 0;
        for (int v : m[c]) row += v;
        return row == 0 ? Double.NaN : (double) m[c][c] / row;
    }
}

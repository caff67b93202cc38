package digitlab.nn;

/**
 * The result of running a model over a {@link SampleSource}: mean loss, accuracy, and per sample the
 * label, the predicted class and the output probabilities (from which the training bundle builds
 * the confusion matrix and the gallery of mistakes).
 */
public final class Evaluation {

    private final double loss;
    private final int[] labels;
    private final int[] predicted;
    private final float[] probabilities;
    private final int classes;
    private final int correct;

    Evaluation(double loss, int[] labels, int[] predicted, float[] probabilities, int classes) {
        this.loss = loss;
        this.labels = labels;
        this.predicted = predicted;
        this.probabilities = probabilities;
        this.classes = classes;
        int c = 0;
        for (int i = 0; i < labels.length; i++) if (labels[i] == predicted[i]) c++;
        this.correct = c;
    }

    /** The number of samples evaluated. */
    public int size() {
        return labels.length;
    }

    /** The number of classes (outputs). */
    public int classes() {
        return classes;
    }

    /** The mean loss over all samples. */
    public double loss() {
        return loss;
    }

    /** The fraction of samples whose predicted class is their label (0 for an empty source). */
    public double accuracy() {
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }

    /** The number of correctly classified samples. */
    public int correct() {
        return correct;
    }

    /** The true class of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The predicted class (largest output) of sample {@code i}. */
    public int predicted(int i) {
        return predicted[i];
    }

    /** The network's output {@code c} for sample {@code i}. */
    public float probability(int i, int c) {
        return probabilities[i * classes + c];
    }

    /** A copy of sample {@code i}'s outputs. */
    public float[] probabilities(int i) {
        return java.util.Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
    }

    /** The confusion matrix {@code [label][predicted]} of counts. */
    public int[][] confusionMatrix() {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
        return m;
    }
}

package digitlab.train;

import digitlab.nn.Evaluation;
import digitlab.train.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of a model on a set of images (normally the dataset's test part): accuracy, loss,
 * confusion matrix, per-class precision, recall and F1, and the misclassified images with their
 * probabilities (for the confusion-matrix gallery). Immutable.
 *
 * <p>Conventions: {@code confusion[label][predicted]} counts; precision of class c =
 * {@code confusion[c][c] / column c's sum} (NaN when nothing was predicted as c), recall =
 * {@code confusion[c][c] / row c's sum} (NaN when the class has no sample), F1 their harmonic mean
 * (0 when both are 0, NaN when either is NaN).
 *
 * @param dataset       the dataset id
 * @param split         the part evaluated, e.g. "test"
 * @param classNames    one name per class
 * @param size          number of images evaluated
 * @param accuracy      fraction classified correctly
 * @param loss          mean loss
 * @param confusion     {@code [label][predicted]} counts
 * @param misclassified the wrongly classified images, by position
 */
public record EvaluationReport(String dataset, String split, List<String> classNames, int size, double accuracy,
                               double loss, int[][] confusion, List<Misclassified> misclassified) {

    /** Copies the arrays and lists. */
    public EvaluationReport {
        classNames = List.copyOf(classNames);
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) copy[i] = confusion[i].clone();
        confusion = copy;
        misclassified = List.copyOf(misclassified);
    }

    /**
     * One wrongly classified image.
     *
     * @param position      its position in the evaluated set (e.g. test image #position)
     * @param label         the true class
     * @param predicted     the model's class
     * @param probabilities the model's outputs, one per class
     */
    public record Misclassified(int position, int label, int predicted, float[] probabilities) {
        /** Copies the probabilities. */
        public Misclassified {
            probabilities = probabilities.clone();
        }

        /** A copy of the outputs. */
        @Override
        public float[] probabilities() {
            return probabilities.clone();
        }
    }

    /** The report of the core's {@link Evaluation} of the images {@code split} of {@code dataset}. */
    public static EvaluationReport of(Evaluation e, String dataset, String split, List<String> classNames) {
        List<Misclassified> wrong = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (e.label(i) != e.predicted(i)) wrong.add(new Misclassified(i, e.label(i), e.predicted(i), e.probabilities(i)));
        }
        return new EvaluationReport(dataset, split, classNames, e.size(), e.accuracy(), e.loss(), e.confusionMatrix(), wrong);
    }

    /** The number of classes. */
    public int classes() {
        return confusion.length;
    }

    /** A copy of the confusion matrix {@code [label][predicted]}. */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) copy[i] = confusion[i].clone();
        return copy;
    }

    /** The count of images of class {@code label} predicted as {@code predicted}. */
    public int count(int label, int predicted) {
        return confusion[label][predicted];
    }

    /** Precision of class {@code c}: of the images predicted as c, the fraction that are c. */
    public double precision(int c) {
        int column = 0;
        for (int[] row : confusion) column += row[c];
        return column == 0 ? Double.NaN : (double) confusion[c][c] / column;
    }

    /** Recall of class {@code c}: of the images of class c, the fraction predicted as c. */
    public double recall(int c) {
        int row = 0;
        for (int v : confusion[c]) row += v;
        return row == 0 ? Double.NaN : (double) confusion[c][c] / row;
    }

    /** F1 of class {@code c}: the harmonic mean of precision and recall. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) return Double.NaN;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The misclassified images of class {@code label} predicted as {@code predicted} (a confusion cell's gallery). */
    public List<Misclassified> misclassified(int label, int predicted) {
        List<Misclassified> out = new ArrayList<>();
        for (Misclassified m : misclassified) if (m.label == label && m.predicted == predicted) out.add(m);
        return out;
    }

    /**
     * The confusion matrix as CSV: a header {@code label\predicted,<class names>}, then one row per true
     * class, then rows {@code precision}; and two extra columns {@code recall,f1} per class row.
     */
    public String confusionCsv() {
        StringBuilder sb = new StringBuilder("label\\predicted");
        for (String n : classNames) sb.append(',').append(csv(n));
        sb.append(",recall,f1\n");
        for (int i = 0; i < confusion.length; i++) {
            sb.append(csv(classNames.get(i)));
            for (int v : confusion[i]) sb.append(',').append(v);
            sb.append(',').append(fmt(recall(i))).append(',').append(fmt(f1(i))).append('\n');
        }
        sb.append("precision");
        for (int c = 0; c < confusion.length; c++) sb.append(',').append(fmt(precision(c)));
        sb.append(",,\n");
        return sb.toString();
    }

    /** Per-class figures as CSV: {@code class,name,count,precision,recall,f1}. */
    public String perClassCsv() {
        StringBuilder sb = new StringBuilder("class,name,count,precision,recall,f1\n");
        for (int c = 0; c < confusion.length; c++) {
            int row = 0;
            for (int v : confusion[c]) row += v;
            sb.append(c).append(',').append(csv(classNames.get(c))).append(',').append(row).append(',')
                    .append(fmt(precision(c))).append(',').append(fmt(recall(c))).append(',').append(fmt(f1(c))).append('\n');
        }
        return sb.toString();
    }

    /** The report as a JSON-ready map (what {@code evaluation.json} holds; NaN becomes null). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("split", split);
        m.put("size", size);
        m.put("accuracy", accuracy);
        m.put("loss", loss);
        m.put("classes", new ArrayList<Object>(classNames));
        List<Object> rows = new ArrayList<>();
        for (int[] row : confusion) rows.add(row.clone());
        m.put("confusion", rows);
        double[] p = new double[classes()], r = new double[classes()], f = new double[classes()];
        for (int c = 0; c < classes(); c++) {
            p[c] = precision(c);
            r[c] = recall(c);
            f[c] = f1(c);
        }
        m.put("precision", p);
        m.put("recall", r);
        m.put("f1", f);
        List<Object> wrong = new ArrayList<>();
        for (Misclassified x : misclassified) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("position", x.position);
            w.put("label", x.label);
            w.put("predicted", x.predicted);
            w.put("probabilities", x.probabilities);
            wrong.add(w);
        }
        m.put("misclassified", wrong);
        return m;
    }

    /**
     * Reads {@link #toJsonMap()}'s form back.
     *
     * @throws IllegalArgumentException naming the member that is wrong
     */
    public static EvaluationReport fromJsonMap(Map<String, Object> m) {
        List<String> names = new ArrayList<>();
        for (Object o : Json.list(m, "classes")) names.add(String.valueOf(o));
        List<Object> rows = Json.list(m, "confusion");
        if (rows.size() != names.size()) throw new IllegalArgumentException("confusion: " + rows.size() + " rows for " + names.size() + " classes");
        int[][] confusion = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) confusion[i] = ints(rows.get(i), names.size(), "confusion[" + i + "]");
        List<Misclassified> wrong = new ArrayList<>();
        for (Object o : Json.list(m, "misclassified")) {
            if (!(o instanceof Map<?, ?> raw)) throw new IllegalArgumentException("misclassified: expected objects");
            @SuppressWarnings("unchecked") Map<String, Object> w = (Map<String, Object>) raw;
            List<Object> probs = Json.list(w, "probabilities");
            float[] pr = new float[probs.size()];
            for (int i = 0; i < pr.length; i++) pr[i] = probs.get(i) == null ? Float.NaN : ((Number) probs.get(i)).floatValue();
            wrong.add(new Misclassified((int) Json.number(w, "position", -1), (int) Json.number(w, "label", -1),
                    (int) Json.number(w, "predicted", -1), pr));
        }
        return new EvaluationReport(Json.string(m, "dataset", ""), Json.string(m, "split", "test"), names,
                (int) Json.number(m, "size", 0), Json.number(m, "accuracy", Double.NaN), Json.number(m, "loss", Double.NaN),
                confusion, wrong);
    }

    private static int[] ints(Object o, int n, String what) {
        if (!(o instanceof List<?> l) || l.size() != n) throw new IllegalArgumentException(what + ": expected " + n + " numbers");
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            if (!(l.get(i) instanceof Number x)) throw new IllegalArgumentException(what + ": expected numbers");
            a[i] = x.intValue();
        }
        return a;
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "" : String.format(java.util.Locale.ROOT, "%.6f", d);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

package digitlab.nn.onnx.internal;

import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lab's entries in an ONNX model's {@code metadata_props}: written on export, read back on import when
 * present (a model from elsewhere has none, and gets digit labels and the dataset guessed from its shape).
 * <pre>
 *   digitlab.classes        ["0", "1", ..., "9"]          (JSON list of the class labels, one per output)
 *   digitlab.dataset        mnist
 *   digitlab.normalization  mean=0.1307 std=0.3081         (also computed by the graph's first nodes)
 *   digitlab.metric.NAME    0.9878                         (each metric of the model, e.g. test_accuracy)
 * </pre>
 */
public final class Metadata {

    /** Key of the class labels. */
    public static final String CLASSES = "digitlab.classes";
    /** Key of the dataset id. */
    public static final String DATASET = "digitlab.dataset";

    private Metadata() {
    }

    /** The entries for {@code model}, in a fixed order. */
    public static Map<String, String> of(Model model) {
        ModelMetadata m = model.metadata();
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CLASSES, Json.write(new ArrayList<Object>(m.classLabels())));
        props.put(DATASET, m.datasetId());
        props.put("digitlab.normalization", String.format(Locale.ROOT, "mean=%s std=%s",
                m.normalization().mean(), m.normalization().std()));
        for (Map.Entry<String, Double> e : m.metrics().entrySet()) {
            props.put("digitlab.metric." + e.getKey(), Double.toString(e.getValue()));
        }
        return props;
    }

    /**
     * The class labels stated in {@code props}, or null when there are none.
     *
     * @throws IllegalArgumentException when the entry is not a JSON list of {@code outputs} strings
     */
    public static List<String> classes(Map<String, String> props, int outputs) {
        String text = props.get(CLASSES);
        if (text == null) return null;
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new IllegalArgumentException(CLASSES + ": not a JSON list (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof List<?> list) || list.size() != outputs) {
            throw new IllegalArgumentException(CLASSES + ": expected a list of " + outputs + " labels, one per output");
        }
        List<String> labels = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) throw new IllegalArgumentException(CLASSES + ": the labels must be strings");
            labels.add(s);
        }
        return labels;
    }

    /**
     * The normalisation to keep for a graph whose first nodes compute {@code graph}: the one stated in
     * {@code props} when it gives the same float arithmetic (so a round trip keeps the exact numbers), else
     * {@code graph}.
     */
    public static digitlab.nn.InputNormalization normalization(Map<String, String> props, digitlab.nn.InputNormalization graph) {
        String text = props.get("digitlab.normalization");
        if (text == null) return graph;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mean=(\\S+) std=(\\S+)").matcher(text);
        if (!m.matches()) return graph;
        try {
            digitlab.nn.InputNormalization stated = new digitlab.nn.InputNormalization(
                    Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
            boolean same = (float) stated.mean() == (float) graph.mean()
                    && (float) (1.0 / stated.std()) == (float) (1.0 / graph.std());
            return same ? stated : graph;
        } catch (IllegalArgumentException e) {
            return graph; // not numbers, or not a valid normalisation: the graph decides
        }
    }

    /** The metrics stated in {@code props} ({@code digitlab.metric.NAME} entries whose value is a number). */
    public static Map<String, Double> metrics(Map<String, String> props) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            if (!e.getKey().startsWith("digitlab.metric.")) continue;
            try {
                double v = Double.parseDouble(e.getValue());
                if (Double.isFinite(v)) metrics.put(e.getKey().substring("digitlab.metric.".length()), v);
            } catch (NumberFormatException ignored) {
                // a foreign or damaged entry: not a metric
            }
        }
        return metrics;
    }
}

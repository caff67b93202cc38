package digitlab.nn;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model file records besides the parameters.
 *
 * @param datasetId     the dataset the model was trained on, e.g. {@code "mnist"}
 * @param classLabels   a name per output, e.g. "0".."9" (unmodifiable)
 * @param normalization how inputs in [0, 1] were normalised in training
 * @param training      the training configuration, or null (e.g. for imported networks)
 * @param metrics       figures such as {@code test_accuracy} (unmodifiable, in insertion order)
 * @param created       when the model was made
 * @param properties    free-form text properties, e.g. {@code origin} (unmodifiable)
 */
public record ModelMetadata(String datasetId, List<String> classLabels, InputNormalization normalization,
                            TrainingConfig training, Map<String, Double> metrics, Instant created,
                            Map<String, String> properties) implements Serializable {

    /** Freezes the collections and checks the required fields. */
    public ModelMetadata {
        if (datasetId == null || datasetId.isBlank()) throw new IllegalArgumentException("datasetId is empty");
        classLabels = List.copyOf(classLabels);
        if (normalization == null) throw new IllegalArgumentException("normalization is missing");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (created == null) throw new IllegalArgumentException("created is missing");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Labels "0", "1", ... for {@code classes} classes. */
    public static List<String> digitLabels(int classes) {
        String[] labels = new String[classes];
        for (int i = 0; i < classes; i++) labels[i] = Integer.toString(i);
        return List.of(labels);
    }

    /** A copy with one more (or replaced) metric. */
    public ModelMetadata withMetric(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.put(name, value);
        return new ModelMetadata(datasetId, classLabels, normalization, training, m, created, properties);
    }
}

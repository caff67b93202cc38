package digitlab.train;

import digitlab.data.Dataset;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.TrainingConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the {@link Model} of a run from a trainer's snapshot: the parameters with the run's metadata (dataset,
 * class labels, training configuration, where it comes from). The one conversion of the training path: the same
 * object is published to the views, kept as the session's latest and saved.
 */
final class RunModels {

    private final String datasetId;
    private final java.util.List<String> labels;
    private final TrainingConfig config;
    private final Map<String, String> properties;

    RunModels(Run run, TrainingRequest request, Dataset dataset) {
        this.datasetId = dataset.id();
        this.labels = dataset.classNames();
        this.config = request.trainingConfig(TrainingSession.BATCH_POINT_INTERVAL);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("origin", "digitlab.train");
        props.put("run", run.id());
        props.put("name", request.displayName());
        props.put("augment", Boolean.toString(request.augment()));
        props.put("augmentation", request.augmentation());
        this.properties = props;
    }

    /** The model of {@code snapshot}, with {@code metrics} (e.g. validation_accuracy) in its metadata. */
    Model of(ModelSnapshot snapshot, Map<String, Double> metrics) {
        return new Model(snapshot, new ModelMetadata(datasetId, labels, InputNormalization.IDENTITY, config, metrics,
                Instant.now(), properties));
    }

    /** The model of {@code snapshot} without metrics. */
    Model of(ModelSnapshot snapshot) {
        return of(snapshot, Map.of());
    }
}

package digitlab.ui.internal.training;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;

/**
 * Remembers the training form between sessions, in the instance preferences of this bundle
 * (node {@code digitlab.ui/training}), one key per field. A damaged or partial entry falls back to
 * the defaults field by field.
 */
final class RequestPreferences {

    private static final String NODE = "training";

    private RequestPreferences() {
    }

    private static IEclipsePreferences node() {
        return (IEclipsePreferences) InstanceScope.INSTANCE.getNode("digitlab.ui").node(NODE);
    }

    /**
     * Threads for runs started from the workbench: all cores but one, so that the UI thread (and the
     * canvas's guesses) always find a free core while a run trains.
     */
    static int defaultThreads() {
        return digitlab.ui.internal.prefs.LabPreferences.threads();
    }

    /** Saves {@code r} and flushes it to disk. */
    static void save(TrainingRequest r) {
        IEclipsePreferences p = node();
        p.put(TrainingSetting.NAME.key(), r.name());
        p.put(TrainingSetting.DATASET.key(), r.dataset());
        p.put(TrainingSetting.PRESET.key(), r.preset());
        StringBuilder layers = new StringBuilder();
        for (int w : r.hiddenLayers()) layers.append(layers.length() > 0 ? "," : "").append(w);
        p.put(TrainingSetting.HIDDEN_LAYERS.key(), layers.toString());
        p.put(TrainingSetting.ACTIVATION.key(), r.activation());
        p.put(TrainingSetting.LOSS.key(), r.loss());
        p.put(TrainingSetting.OPTIMIZER.key(), r.optimizer());
        p.putDouble(TrainingSetting.LEARNING_RATE.key(), r.learningRate());
        p.putInt(TrainingSetting.BATCH_SIZE.key(), r.batchSize());
        p.putInt(TrainingSetting.EPOCHS.key(), r.epochs());
        p.putLong(TrainingSetting.SEED.key(), r.seed());
        p.putBoolean(TrainingSetting.AUGMENT.key(), r.augment());
        p.putInt(TrainingSetting.TRAINING_LIMIT.key(), r.trainingLimit());
        p.put(TrainingSetting.SCHEDULE.key(), r.schedule());
        p.putDouble(TrainingSetting.WEIGHT_DECAY.key(), r.weightDecay());
        p.putInt(TrainingSetting.THREADS.key(), r.threads());
        // not fatal: the form is then remembered for this session only, and the log says why
        digitlab.ui.internal.prefs.PreferenceSaving.flushOrLog(p);
    }

    /** The saved request, or the defaults when nothing (usable) was saved. */
    static TrainingRequest load() {
        IEclipsePreferences p = node();
        TrainingRequest d = TrainingRequest.defaults().toBuilder().threads(defaultThreads()).build();
        String preset = p.get(TrainingSetting.PRESET.key(), null);
        if (preset == null) return d;
        try {
            TrainingRequest.Builder b = d.toBuilder().preset(preset);
            TrainingRequest base = b.build();
            List<Integer> layers = new ArrayList<>();
            String text = p.get(TrainingSetting.HIDDEN_LAYERS.key(), null);
            if (text == null) {
                layers.addAll(base.hiddenLayers());
            } else if (!text.isBlank()) {
                for (String s : text.split(",")) layers.add(Integer.parseInt(s.trim()));
            }
            return b.name(p.get(TrainingSetting.NAME.key(), "")).dataset(p.get(TrainingSetting.DATASET.key(), base.dataset())).hiddenLayers(layers)
                    .activation(p.get(TrainingSetting.ACTIVATION.key(), base.activation())).loss(p.get(TrainingSetting.LOSS.key(), base.loss()))
                    .optimizer(p.get(TrainingSetting.OPTIMIZER.key(), base.optimizer()))
                    .learningRate(p.getDouble(TrainingSetting.LEARNING_RATE.key(), base.learningRate()))
                    .batchSize(p.getInt(TrainingSetting.BATCH_SIZE.key(), base.batchSize())).epochs(p.getInt(TrainingSetting.EPOCHS.key(), base.epochs()))
                    .seed(p.getLong(TrainingSetting.SEED.key(), base.seed())).augment(p.getBoolean(TrainingSetting.AUGMENT.key(), base.augment()))
                    .trainingLimit(p.getInt(TrainingSetting.TRAINING_LIMIT.key(), base.trainingLimit()))
                    .schedule(p.get(TrainingSetting.SCHEDULE.key(), base.schedule()))
                    .weightDecay(p.getDouble(TrainingSetting.WEIGHT_DECAY.key(), base.weightDecay()))
                    .threads(p.getInt(TrainingSetting.THREADS.key(), defaultThreads())).build();
        } catch (RuntimeException e) {
            return d; // an unknown preset (plugin removed) or a damaged entry
        }
    }
}

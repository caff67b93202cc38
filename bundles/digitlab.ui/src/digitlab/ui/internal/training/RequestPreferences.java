package digitlab.ui.internal.training;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import digitlab.train.TrainingRequest;

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
        p.put("name", r.name());
        p.put("dataset", r.dataset());
        p.put("preset", r.preset());
        StringBuilder layers = new StringBuilder();
        for (int w : r.hiddenLayers()) layers.append(layers.length() > 0 ? "," : "").append(w);
        p.put("hiddenLayers", layers.toString());
        p.put("activation", r.activation());
        p.put("loss", r.loss());
        p.put("optimizer", r.optimizer());
        p.putDouble("learningRate", r.learningRate());
        p.putInt("batchSize", r.batchSize());
        p.putInt("epochs", r.epochs());
        p.putLong("seed", r.seed());
        p.putBoolean("augment", r.augment());
        p.putInt("trainingLimit", r.trainingLimit());
        p.put("schedule", r.schedule());
        p.putDouble("weightDecay", r.weightDecay());
        p.putInt("threads", r.threads());
        // not fatal: the form is then remembered for this session only, and the log says why
        digitlab.ui.internal.prefs.PreferenceSaving.flushOrLog(p);
    }

    /** The saved request, or the defaults when nothing (usable) was saved. */
    static TrainingRequest load() {
        IEclipsePreferences p = node();
        TrainingRequest d = TrainingRequest.defaults().toBuilder().threads(defaultThreads()).build();
        String preset = p.get("preset", null);
        if (preset == null) return d;
        try {
            TrainingRequest.Builder b = d.toBuilder().preset(preset);
            TrainingRequest base = b.build();
            List<Integer> layers = new ArrayList<>();
            String text = p.get("hiddenLayers", null);
            if (text == null) {
                layers.addAll(base.hiddenLayers());
            } else if (!text.isBlank()) {
                for (String s : text.split(",")) layers.add(Integer.parseInt(s.trim()));
            }
            return b.name(p.get("name", "")).dataset(p.get("dataset", base.dataset())).hiddenLayers(layers)
                    .activation(p.get("activation", base.activation())).loss(p.get("loss", base.loss()))
                    .optimizer(p.get("optimizer", base.optimizer()))
                    .learningRate(p.getDouble("learningRate", base.learningRate()))
                    .batchSize(p.getInt("batchSize", base.batchSize())).epochs(p.getInt("epochs", base.epochs()))
                    .seed(p.getLong("seed", base.seed())).augment(p.getBoolean("augment", base.augment()))
                    .trainingLimit(p.getInt("trainingLimit", base.trainingLimit()))
                    .schedule(p.get("schedule", base.schedule()))
                    .weightDecay(p.getDouble("weightDecay", base.weightDecay()))
                    .threads(p.getInt("threads", defaultThreads())).build();
        } catch (RuntimeException e) {
            return d; // an unknown preset (plugin removed) or a damaged entry
        }
    }
}

package digitlab.ui.internal.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import digitlab.nn.Model;
import digitlab.nn.ModelSnapshot;
import digitlab.train.CurrentModel;
import digitlab.train.ModelListener;
import digitlab.train.ModelService;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingListener;

/**
 * The models the views look at, one per workbench: a workbench service (contributed in plugin.xml through
 * {@code org.eclipse.ui.services}, made by {@link ModelAccessFactory}), which a view gets from its site with
 * {@code getSite().getService(ModelAccess.class)}:
 * <ul>
 * <li>{@link #current()}: the lab's current model ({@link ModelService}), which the canvas guesses
 * with; the ready model until the user picks another;</li>
 * <li>{@link #live()}: the newest snapshot of a run that is training right now (any
 * {@link TrainingJob}, wherever it was started), which the weights view follows.</li>
 * </ul>
 * Nothing here runs on the UI thread: the ready model is loaded by a job, snapshots arrive on the
 * runs' dispatcher threads. Listeners are called on those threads and must hand widget work to the
 * UI thread at a bounded rate ({@code digitlab.ui.internal.UiThrottle}).
 */
public final class ModelAccess {

    private final List<Consumer<PredictionModel>> listeners = new CopyOnWriteArrayList<>();
    private volatile PredictionModel current;
    private volatile PredictionModel live;
    /** The id of the run the current model comes from (its metadata's "run"), or null. */
    private volatile String currentRunId;
    private volatile Run liveRun;
    /** The live run's name, read once from its run.json (and again after a rename); null when not read yet. */
    private volatile String liveRunName;
    private boolean started;

    /** Made once per workbench by {@link ModelAccessFactory}. */
    ModelAccess() {
    }

    private final ModelListener serviceListener = c -> publishCurrent(c);

    private final TrainingListener trainingListener = new TrainingListener() {
        @Override
        public void snapshot(Run run, Model model) {
            if (!run.equals(liveRun)) liveRunName = null;
            liveRun = run;
            ModelSnapshot s = model.snapshot();
            // the run's own metadata: a Fashion-MNIST run is labelled with its class names, not digits
            live = PredictionModel.live(model, "run " + nameOf(run) + " \u2014 epoch " + (s.epoch() + 1) + ", step "
                    + s.step() + " (training)");
            fire();
        }

        @Override
        public void finished(Run run, RunOutcome outcome) {
            if (run.equals(liveRun)) {
                live = null;
                liveRun = null;
                fire();
            }
        }
    };

    /**
     * Loads the current model in the background (once) and starts following the model service and
     * every training job. Views call this when they open; it returns at once.
     */
    public synchronized void start() {
        if (started) return;
        started = true;
        ModelService.get().addListener(serviceListener);
        RunStore.workspace().addListener((store, id) -> {
            Run r = liveRun;
            if (r != null && r.id().equals(id)) liveRunName = null; // renamed: read the name again
        });
        Job.getJobManager().addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void scheduled(IJobChangeEvent event) {
                if (event.getJob() instanceof TrainingJob t) {
                    t.removeListener(trainingListener); // a resumed job is scheduled again
                    t.addListener(trainingListener);
                }
            }
        });
        for (TrainingJob t : TrainingJob.all()) t.addListener(trainingListener);
        // A plain platform job, not a ViewJob: no view owns it and nothing of it goes to a widget (listeners hand
        // their own widget work to the UI thread).
        Job load = Job.create("Loading the current model", monitor -> {
            try {
                CurrentModelChoice.restore(); // the model chosen in the last session, if any
                publishCurrent(ModelService.get().current());
            } catch (IllegalStateException e) {
                return Status.warning(e.getMessage());
            }
            return Status.OK_STATUS;
        });
        load.setSystem(true);
        load.schedule();
    }

    private void publishCurrent(CurrentModel c) {
        PredictionModel old = current;
        if (old != null && old.name().equals(describe(c)) && old.snapshot() == c.model().snapshot()) return;
        currentRunId = c.model().metadata().properties().get("run");
        current = PredictionModel.of(c.model(), describe(c));
        fire();
    }

    private static String describe(CurrentModel c) {
        Double acc = c.model().metadata().metrics().get("test_accuracy");
        String source = c.source();
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        if (slash >= 0 && slash < source.length() - 1) source = source.substring(slash + 1);
        return acc == null || acc.isNaN() ? source : String.format("%s (%.2f %% test accuracy)", source, acc * 100);
    }

    /** The name users gave {@code run} (the id when its run.json cannot be read). */
    private String nameOf(Run run) {
        String name = liveRunName;
        if (name == null) {
            try {
                name = run.info().name();
            } catch (java.io.IOException e) {
                name = run.id();
            }
            liveRunName = name;
        }
        return name;
    }

    /** The current model, or null while it is loading. */
    public PredictionModel current() {
        return current;
    }

    /** The newest snapshot of a run in training, or null when none is training. */
    public PredictionModel live() {
        return live;
    }

    /** The live snapshot when {@code followTraining} and a run is training, else the current model. */
    public PredictionModel shown(boolean followTraining) {
        PredictionModel l = live;
        return followTraining && l != null ? l : current;
    }

    /** The run in training now, or null. */
    public Run liveRun() {
        return liveRun;
    }

    /**
     * The id of the run the current model was trained in (from its metadata; the run may not be in this
     * workspace, or may have been deleted), or null.
     */
    public String currentRunId() {
        return currentRunId;
    }

    /** Adds a listener for changes of the current or the live model. */
    public void addListener(Consumer<PredictionModel> listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(Consumer<PredictionModel> listener) {
        listeners.remove(listener);
    }

    private void fire() {
        PredictionModel c = current;
        for (Consumer<PredictionModel> l : listeners) l.accept(c);
    }
}

package digitlab.ui.internal.model;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.IWorkbenchPartSite;

import digitlab.train.Run;
import digitlab.train.RunStore;
import digitlab.ui.ViewJob;

/**
 * Time travel for a view: a slider over the epochs a run kept ({@link digitlab.train.EpochModels}) and a play
 * button that steps through them. Its run is the one the view's model comes from ({@link ModelAccess#liveRun()}, else the
 * run whose model is the current one, {@link ModelAccess#currentRunId()}). At the newest epoch the slider "follows": the view
 * shows its usual model (for a run in training its live snapshot) and the slider moves on with each new epoch; moved
 * back, it hands the view that epoch's model, loaded off the UI thread, until it is moved to the newest again.
 *
 * <p>The view gets {@code null} (follow: show the usual model) or the epoch's model, and a one-line message when
 * the run or its epoch cannot be read (e.g. the run was deleted). UI thread only.
 */
public final class EpochSlider extends Composite {

    /** Time between two epochs while playing. */
    public static final int PLAY_MS = 800;

    private final IWorkbenchPartSite site;
    private final ModelAccess models;
    private final Consumer<PredictionModel> onModel;
    private final Consumer<String> onProblem;
    private final Label title;
    private final Scale scale;
    private final Button play;
    private final Label epochLabel;
    private final ViewJob.Latest listing = new ViewJob.Latest();
    private final ViewJob.Latest loading = new ViewJob.Latest();
    private final Consumer<PredictionModel> modelListener;
    private final digitlab.train.RunStoreListener storeListener;
    private Run run;
    private String runName = "";
    private List<Integer> epochs = List.of();
    /** The epoch shown, or 0 when following the newest. */
    private int pinned;
    private boolean playing;

    /**
     * A slider in {@code parent}. {@code onModel} gets the model to show (null: the usual one), {@code onProblem} a
     * message when the run or an epoch cannot be read.
     */
    public EpochSlider(Composite parent, IWorkbenchPartSite site, ModelAccess models, Consumer<PredictionModel> onModel,
                       Consumer<String> onProblem) {
        super(parent, SWT.NONE);
        this.site = site;
        this.models = models;
        this.onModel = onModel;
        this.onProblem = onProblem;
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(this);
        title = new Label(this, SWT.NONE);
        title.setText("Epoch:");
        play = new Button(this, SWT.PUSH);
        play.setText("\u25B6");
        play.setToolTipText("Play the run's epochs from the first");
        play.addListener(SWT.Selection, e -> togglePlay());
        scale = new Scale(this, SWT.HORIZONTAL);
        scale.setToolTipText("The run's state at the end of an epoch (at the right end: the newest, following the run)");
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(scale);
        scale.addListener(SWT.Selection, e -> {
            stopPlaying();
            moved(scale.getSelection());
        });
        epochLabel = new Label(this, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(convertWidth("epoch 888 of 888"), SWT.DEFAULT)
                .applyTo(epochLabel);
        modelListener = m -> ViewJob.inUi(this, this::refresh);
        storeListener = (store, id) -> {
            Run r = run;
            if (r != null && r.id().equals(id)) ViewJob.inUi(this, this::refresh);
        };
        models.addListener(modelListener);
        RunStore.workspace().addListener(storeListener);
        addListener(SWT.Dispose, e -> {
            models.removeListener(modelListener);
            RunStore.workspace().removeListener(storeListener);
            listing.cancel();
            loading.cancel();
        });
        show();
        refresh();
    }

    private int convertWidth(String text) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(this);
        try {
            return gc.textExtent(text).x + 8;
        } finally {
            gc.dispose();
        }
    }

    /** Reads the run's kept epochs again (its run may have changed, a new epoch ended, or it was deleted). */
    public void refresh() {
        Run live = models.liveRun();
        String id = live != null ? live.id() : models.currentRunId();
        Run shown = run;
        listing.schedule(ViewJob.of("Reading the epochs of a run", monitor -> {
            if (id == null) return new Listing(null, "", List.of(), null);
            try {
                Run r = live != null ? live : RunStore.workspace().open(id);
                return new Listing(r, r.info().name(), r.epochModels().epochs(), null);
            } catch (NoSuchFileException e) {
                // the current model's run is not in this workspace (e.g. the ready model's), or it was deleted
                return shown != null && shown.id().equals(id)
                        ? new Listing(null, "", List.of(), "run " + runName + " no longer exists (deleted?)")
                        : new Listing(null, "", List.of(), null);
            }
        }).whenDone(this::listed).whenFailed(e -> listed(new Listing(null, "", List.of(),
                "cannot read the epochs of run " + id + ": " + e.getMessage()))), site, this);
    }

    /** Whether the slider has its row (null until the first listing of epochs). */
    private Boolean present;

    private record Listing(Run run, String name, List<Integer> epochs, String problem) {
    }

    private void listed(Listing l) {
        boolean otherRun = l.run() == null || !l.run().equals(run);
        run = l.run();
        runName = l.name();
        epochs = l.epochs();
        if (l.problem() != null) {
            stopPlaying();
            boolean wasPinned = pinned != 0;
            pinned = 0;
            show();
            if (wasPinned) onModel.accept(null); // the usual model again, then the message (which it keeps)
            onProblem.accept(l.problem());
            return;
        }
        if (otherRun || (pinned != 0 && !epochs.contains(pinned))) {
            boolean wasPinned = pinned != 0;
            pinned = 0;
            if (wasPinned) onModel.accept(null);
        }
        show();
    }

    /** Puts the epochs and the position on the widgets. */
    private void show() {
        boolean any = epochs.size() > 1;
        scale.setEnabled(any);
        play.setEnabled(any);
        scale.setMinimum(0);
        scale.setMaximum(Math.max(1, epochs.size() - 1));
        scale.setPageIncrement(1);
        int index = pinned == 0 ? epochs.size() - 1 : epochs.indexOf(pinned);
        scale.setSelection(Math.max(0, index));
        play.setText(playing ? "\u25A0" : "\u25B6");
        if (epochs.isEmpty()) {
            epochLabel.setText(run == null ? "no run" : "no epochs yet");
            setToolTipText(run == null ? "The model shown does not come from a run of this workspace" : "Run " + runName);
        } else {
            int e = epochs.get(Math.max(0, index));
            epochLabel.setText("epoch " + e + " of " + epochs.get(epochs.size() - 1));
            setToolTipText("Run " + runName);
        }
        epochLabel.setToolTipText(run == null ? null : "Run " + runName + (pinned == 0
                ? ": the newest epoch (the slider follows the run)" : ": epoch " + pinned + " (move to the right end to follow the run)"));
        layout(true);
        showOnlyForARun();
    }

    /**
     * A model that is not from a run of this workspace (the ready model, an opened file) has no epochs to travel
     * through: the slider leaves its row to the view rather than showing a disabled control that says "no run".
     */
    private void showOnlyForARun() {
        boolean shown = run != null;
        if (present != null && present == shown) return;
        present = shown;
        setVisible(shown);
        Object data = getLayoutData();
        if (data instanceof org.eclipse.swt.layout.GridData g) g.exclude = !shown;
        if (data instanceof org.eclipse.swt.layout.RowData r) r.exclude = !shown;
        getParent().layout(true, true);
        if (getParent().getParent() != null) getParent().getParent().layout(true, true);
    }

    /** The slider moved to {@code index} of the kept epochs. */
    private void moved(int index) {
        if (epochs.isEmpty() || run == null) return;
        index = Math.max(0, Math.min(index, epochs.size() - 1));
        int epoch = epochs.get(index);
        boolean newest = index == epochs.size() - 1;
        if (newest && !playing) {
            if (pinned != 0) {
                pinned = 0;
                loading.cancel();
                show();
                onModel.accept(null);
            }
            return;
        }
        pinned = epoch;
        show();
        Run r = run;
        String name = runName;
        loading.schedule(ViewJob.of("Loading epoch " + epoch + " of run " + name, monitor -> {
            digitlab.train.internal.Contributions.ensureLoaded();
            return r.epochModels().load(epoch);
        }).whenDone(m -> {
            if (pinned != epoch || !r.equals(run)) return;
            onModel.accept(PredictionModel.of(m, "run " + name + " \u2014 epoch " + epoch));
        }).whenFailed(e -> {
            if (pinned != epoch) return;
            String why = e instanceof NoSuchFileException n && !java.nio.file.Files.isDirectory(r.directory())
                    ? "run " + name + " no longer exists (deleted?)"
                    : "cannot load epoch " + epoch + " of run " + name + ": " + describe(e);
            stopPlaying();
            onProblem.accept(why);
            refresh();
        }), site, this);
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException n) return n.getReason() != null ? n.getReason() : "no file " + n.getFile();
        if (e instanceof IOException) return e.getMessage();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void togglePlay() {
        if (playing) {
            stopPlaying();
            return;
        }
        if (epochs.size() < 2) return;
        playing = true;
        moved(0);
        getDisplay().timerExec(PLAY_MS, this::step);
    }

    private void step() {
        if (isDisposed() || !playing) return;
        int index = epochs.indexOf(pinned) + 1;
        if (pinned == 0 || index >= epochs.size() - 1) {
            stopPlaying();
            moved(epochs.size() - 1); // back to following the newest
            return;
        }
        moved(index);
        getDisplay().timerExec(PLAY_MS, this::step);
    }

    private void stopPlaying() {
        if (!playing) return;
        playing = false;
        show();
    }

    /** Moves the slider to {@code epoch} as the user would (for tests and keyboard users); false when not kept. */
    public boolean select(int epoch) {
        int index = epochs.indexOf(epoch);
        if (index < 0) return false;
        scale.setSelection(index);
        scale.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        return true;
    }

    /** The epochs the slider offers (for tests). */
    public List<Integer> epochs() {
        return epochs;
    }

    /** The epoch shown, or 0 while following the newest. */
    public int pinnedEpoch() {
        return pinned;
    }

    /** The slider widget (for tests). */
    public Scale scale() {
        return scale;
    }

    /** The text beside the slider (for tests). */
    public String epochText() {
        return epochLabel.getText();
    }
}

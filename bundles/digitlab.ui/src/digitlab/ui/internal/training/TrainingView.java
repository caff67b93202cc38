package digitlab.ui.internal.training;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import digitlab.train.BatchPoint;
import digitlab.ui.internal.prefs.LabPreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import digitlab.train.EpochPoint;
import digitlab.train.FieldProblem;
import digitlab.train.MetricHistory;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingListener;
import digitlab.train.TrainingRequest;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.UiThrottle;
import digitlab.ui.internal.model.CurrentModelChoice;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.sweep.SweepTab;

/**
 * Training: the run's settings on the left (validated as you type; Start is disabled with the
 * reason shown while a field is bad), live loss and accuracy charts on the right. Start creates a
 * run and schedules its {@link TrainingJob}; Cancel stops it within one batch. The charts and the
 * status line refresh from the job's history at most every {@link #REFRESH_MS} ms, however fast
 * the run reports. The form is remembered between sessions. Beside the Single run tab, the Sweep tab
 * ({@link SweepTab}) varies the same settings over many runs, with the Single run form's request as its base.
 */
public final class TrainingView extends ViewPart {

    /** Least time between two chart refreshes while a run trains. */
    public static final int REFRESH_MS = 250;

    private TrainingForm form;
    private SweepTab sweepTab;
    private CTabFolder tabs;
    /** Whether the Sweep tab is chosen (the single run's controls on the right are hidden then). */
    private boolean sweepShown;
    private Label problem;
    private Button start;
    private Button cancel;
    private Button makeCurrent;
    private Label status;
    private MetricsCharts charts;
    private UiThrottle refresh;
    private volatile TrainingJob job;
    private volatile Run shownRun;
    private volatile MetricHistory shownHistory = MetricHistory.EMPTY;
    private volatile RunOutcome outcome;
    private volatile BatchPoint lastBatch;
    /** The shown run's name (runs are renamable; the id is only its folder). */
    private volatile String shownName = "";
    private int refreshes;
    /** A new "threads per run" setting fills the form's field (unless a run is going). */
    private final IPreferenceChangeListener threadsPreference = e -> {
        if (!LabPreferences.THREADS.equals(e.getKey()) || status == null) return;
        ViewJob.inUi(status, () -> {
            if (job == null) form.setThreads(LabPreferences.threads());
        });
    };

    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void started(Run run, MetricHistory history) {
            refresh.request();
        }

        @Override
        public void batch(Run run, BatchPoint point) {
            lastBatch = point;
            refresh.request();
        }

        @Override
        public void epoch(Run run, EpochPoint point) {
            refresh.request();
        }

        @Override
        public void finished(Run run, RunOutcome result) {
            outcome = result;
            refresh.request();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        // the left side: the single run's form, and beside it the Sweep tab that varies the same settings
        tabs = new CTabFolder(sash, SWT.TOP | SWT.FLAT);
        ScrolledComposite scroller = new ScrolledComposite(tabs, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite left = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(left);
        form = new TrainingForm(left);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        scroller.setContent(left);
        // the form at its natural size before the view is first sized: left at 0 x 0 until then, it had the layer
        // table allocated at 0 x 0 too when the sash first gave the scroller its width, and GTK laid the table's
        // scroll bars out at a negative length ("Gtk-CRITICAL ... gtk_box_gadget_distribute: assertion 'size >= 0'
        // failed in GtkScrollbar" at every start; releng/check-start-stderr.sh looks for it)
        left.setSize(left.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        // never narrower than the form's natural width: a narrow view scrolls sideways instead of hiding
        // the combo arrows and the layer buttons
        scroller.addListener(SWT.Resize, e -> FormSizing.fitForm(scroller, left));
        CTabItem singleTab = new CTabItem(tabs, SWT.NONE);
        singleTab.setText("Single run");
        singleTab.setControl(scroller);
        CTabItem sweepItem = new CTabItem(tabs, SWT.NONE);
        sweepItem.setText("Sweep");
        sweepTab = new SweepTab(tabs, getSite(), new SweepTab.Base(form::request, form::problems, TrainingForm.LABELS,
                form::addChangeListener));
        sweepItem.setControl(sweepTab);
        tabs.setSelection(singleTab);

        // the right side: Start / Cancel / Use as Current Model and the status line always in sight, charts below
        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(right);
        Composite buttons = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
        start = new Button(buttons, SWT.PUSH);
        start.setText("Start");
        start.addListener(SWT.Selection, e -> start());
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            TrainingJob j = job;
            if (j != null) j.cancel();
        });
        makeCurrent = new Button(buttons, SWT.PUSH);
        makeCurrent.setText("Use as Current Model");
        makeCurrent.setToolTipText("Make this run's model the one the canvas guesses with");
        makeCurrent.setEnabled(false);
        makeCurrent.addListener(SWT.Selection, e -> useAsCurrent());
        // the form's problems beside Start, whatever the form's scroll position: why Start is disabled is in sight
        problem = new Label(right, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(problem);
        // the status on a line of its own, wrapped: long outcomes ("Cancelled: ... the model of the last
        // completed batch is saved") are read whole, at any width
        status = new Label(right, SWT.WRAP);
        setStatus("Set up a run and press Start.");
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(status);
        charts = new MetricsCharts(right);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(charts);
        sash.setWeights(42, 58);
        // the single run's Start, Cancel, problems and status belong to the Single run tab: the Sweep tab has its own
        tabs.addListener(SWT.Selection, e -> {
            sweepShown = tabs.getSelectionIndex() == 1;
            for (org.eclipse.swt.widgets.Control c : new org.eclipse.swt.widgets.Control[] {buttons, status}) {
                ((GridData) c.getLayoutData()).exclude = sweepShown;
                c.setVisible(!sweepShown);
            }
            validated();
            right.layout(true, true);
        });
        sash.addListener(SWT.Resize, e -> FormSizing.firstLayout(sash, left, sweepTab));

        refresh = new UiThrottle(parent, REFRESH_MS,
                () -> digitlab.ui.internal.UiTimings.time("training: chart and status refresh", this::refreshNow));
        form.addChangeListener(this::validated);
        form.addDatasetListener(() -> FormSizing.countTrainingImages(form));
        LabPreferences.addListener(threadsPreference);
        form.setRequest(RequestPreferences.load());
        FormSizing.countTrainingImages(form);
        ExportActions.contribute(getViewSite(), parent, "training");
        ExportActions.contributeCsv(getViewSite(), "Metric History", "history",
                () -> shownHistory.batches().isEmpty() && shownHistory.epochs().isEmpty() ? null : shownHistory.toCsv());

        // a run already training (started before this view opened) is shown live
        List<TrainingJob> running = TrainingJob.all();
        if (!running.isEmpty()) follow(running.get(0));
    }

    private void validated() {
        List<FieldProblem> problems = form.problems();
        // every problem, one line each: fixing the first should not be needed to learn about the next
        StringBuilder text = new StringBuilder();
        for (FieldProblem p : problems) {
            text.append(text.length() > 0 ? "\n" : "").append(TrainingForm.LABELS.get(p.field())).append(": ").append(p.message());
        }
        boolean changed = !problem.getText().equals(text.toString());
        problem.setText(text.toString());
        ((GridData) problem.getLayoutData()).exclude = problems.isEmpty() || sweepShown;
        problem.setVisible(!problems.isEmpty() && !sweepShown);
        start.setEnabled(problems.isEmpty() && job == null);
        start.setToolTipText(problems.isEmpty() ? "Start training" : "Fix the marked fields first");
        if (changed) problem.getParent().layout();
    }

    /** Starts a run with the form's request (no-op while the form has problems or a run is going). */
    public void start() {
        TrainingRequest request = form.request();
        if (request == null || job != null) return;
        RequestPreferences.save(request);
        start.setEnabled(false);
        setStatus("Starting \u2026");
        ViewJob.of("Starting a training run", monitor -> {
            TrainingJob j = TrainingJob.start(RunStore.workspace(), request);
            j.schedule();
            return j;
        }).whenDone(this::follow).whenFailed(e -> {
            setStatus("Could not start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            validated();
        }).schedule(getSite(), status);
    }

    /** Shows {@code j} live. UI thread. */
    private void follow(TrainingJob j) {
        job = j;
        shownRun = j.run();
        shownName = j.session().request().displayName();
        outcome = null;
        lastBatch = null;
        charts.setPlannedEpochs(j.session().request().epochs());
        j.addListener(listener);
        cancel.setEnabled(true);
        makeCurrent.setEnabled(false);
        form.setInputsEnabled(false);
        validated();
        refresh.request();
    }

    /** Chooses the Single run tab (0) or the Sweep tab (1), as a click on it does. */
    public void chooseTab(int index) {
        if (tabs.getSelectionIndex() == index) return;
        tabs.setSelection(index);
        tabs.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** Shows a stored run (its settings and curves), e.g. opened from the runs view. */
    public void showRun(Run run) {
        if (job != null) return;
        chooseTab(0);
        record Stored(TrainingRequest request, MetricHistory history, RunInfo info) { }
        ViewJob.of("Opening a run", monitor -> new Stored(run.request(), run.history(), run.info())).whenDone(r -> {
            shownRun = run;
            shownName = r.info().name();
            shownHistory = r.history();
            form.setRequest(r.request());
            charts.setPlannedEpochs(r.request().epochs());
            charts.show(List.of(new MetricsCharts.Named(r.info().name(), r.history())));
            setStatus("Run " + r.info().name() + " \u2014 " + r.info().status().name().toLowerCase()
                    + (r.info().message().isEmpty() ? "" : ": " + r.info().message()));
            makeCurrent.setEnabled(r.info().hasModel());
        }).whenFailed(e -> setStatus("Cannot open run " + run.id() + ": " + e.getMessage()))
                .inProgressView().schedule(getSite(), status);
    }

    /** The throttled refresh: charts and status from the job's history. UI thread. */
    private void refreshNow() {
        if (status.isDisposed()) return;
        TrainingJob j = job;
        if (j == null) return;
        refreshes++;
        MetricHistory h = j.history();
        shownHistory = h;
        charts.show(List.of(new MetricsCharts.Named(shownName, h)));
        RunOutcome done = outcome;
        if (done != null) {
            setStatus(describe(done));
            j.removeListener(listener);
            job = null;
            cancel.setEnabled(false);
            makeCurrent.setEnabled(done.model() != null);
            form.setInputsEnabled(true);
            validated();
            return;
        }
        // the newest batch the run reported (the history keeps every few batches only)
        BatchPoint p = lastBatch;
        if (p == null && !h.batches().isEmpty()) p = h.batches().get(h.batches().size() - 1);
        if (p != null) {
            setStatus(String.format("Epoch %d/%d \u00b7 batch %d/%d \u00b7 loss %.4f \u00b7 accuracy %.1f %% \u00b7 %,.0f samples/s \u00b7 %.0f s",
                    p.epoch(), j.session().request().epochs(), p.batch(), p.batchesPerEpoch(), p.loss(), 100 * p.accuracy(),
                    p.samplesPerSecond(), p.elapsedSeconds()));
        } else {
            setStatus("Loading the dataset \u2026");
        }
    }

    private static String describe(RunOutcome o) {
        String s = switch (o.status()) {
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case DIVERGED -> "Diverged";
            case FAILED -> "Failed";
            default -> o.status().name();
        };
        String result = s + ": " + o.message();
        if (o.status() == RunStatus.COMPLETED && o.evaluation() != null && !o.message().contains("accuracy")) {
            result += String.format(" \u2014 test accuracy %.2f %%", 100 * o.evaluation().accuracy());
        }
        return result;
    }

    private void useAsCurrent() {
        Run run = shownRun;
        if (run == null) return;
        String name = shownName;
        ViewJob.of("Making run " + name + " the current model", monitor -> {
            CurrentModelChoice.useRun(run);
            return null;
        }).whenDone(nothing -> setStatus("The canvas now guesses with run " + name + "."))
                .whenFailed(e -> setStatus("Cannot load the model of run " + name + ": " + e.getMessage()))
                .inProgressView().schedule(getSite(), status);
    }

    /** Shows {@code text} in the status line, which wraps: the view lays out again when it needs another line. */
    private void setStatus(String text) {
        int before = status.getSize().y;
        status.setText(text);
        status.setToolTipText(text);
        if (status.computeSize(status.getSize().x, SWT.DEFAULT).y != before) status.getParent().layout();
    }

    /** The charts (for tests). */
    public MetricsCharts charts() {
        return charts;
    }

    /** The form's current problems (for tests). */
    public List<FieldProblem> problems() {
        return form.problems();
    }

    /** The line naming the first problem (for tests). */
    Label problemLabel() {
        return problem;
    }

    /** The Sweep tab (for tests). */
    public SweepTab sweepTab() {
        return sweepTab;
    }

    /** The form (for tests). */
    TrainingForm form() {
        return form;
    }

    /** Whether Start is enabled. */
    public boolean canStart() {
        return start.isEnabled();
    }

    /** The status line's text. */
    public String statusText() {
        return status.getText();
    }

    /** The job being shown, or null. */
    public TrainingJob job() {
        return job;
    }

    /** How many times the charts were refreshed from a live run. */
    public int refreshCount() {
        return refreshes;
    }

    @Override
    public void setFocus() {
        form.setFocus();
    }

    @Override
    public void dispose() {
        TrainingJob j = job;
        if (j != null) j.removeListener(listener);
        if (refresh != null) refresh.dispose();
        LabPreferences.removeListener(threadsPreference);
        // the widgets are gone by now, but the form keeps the last request it read from them
        TrainingRequest r = form == null ? null : form.bestEffortRequest();
        if (r != null) RequestPreferences.save(r);
        super.dispose();
    }
}

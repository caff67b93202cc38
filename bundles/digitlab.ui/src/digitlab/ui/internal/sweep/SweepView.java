package digitlab.ui.internal.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import digitlab.train.RunStore;
import digitlab.train.RunStoreListener;
import digitlab.train.sweep.SweepJob;
import digitlab.train.sweep.SweepListener;
import digitlab.train.sweep.SweepPoint;
import digitlab.train.sweep.SweepRecord;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.PartSelection;
import digitlab.ui.internal.UiThrottle;
import digitlab.ui.internal.WheelGuard;
import digitlab.ui.internal.export.Csv;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.runs.RunActions;

/**
 * The Sweep view: pick a sweep of the workspace; its summary (space, points, the early-stopping rule, best, total
 * time) at the top; its runs in a sortable table with each varied setting and metric, the best in bold; the metric
 * against a chosen setting or time in a chart below. Use as Current Model takes the selected run (else the best);
 * a double-click opens a run in the Training view; the selected run is the view's selection (a {@code RunInfo},
 * as the Runs view's). The sweep and its runs are read by a job, again at most once a second while they change.
 */
public final class SweepView extends ViewPart {

    private Combo sweeps;
    private Label summary;
    private Button cancel;
    private Button useAsCurrent;
    private Label status;
    private SweepTable table;
    private SweepChart chart;
    private UiThrottle refresh;
    private final PartSelection selection = new PartSelection();
    private List<SweepLauncher.Listed> listed = List.of();
    private volatile String shownId;
    private volatile SweepData shown;
    private final ViewJob.Latest reading = new ViewJob.Latest();
    private final RunStoreListener runsChanged = (s, id) -> refresh.request();
    private final java.util.Map<String, double[]> losses = SweepLauncher.lossCache();
    /** The job of the shown sweep while it runs in this workbench, and the listener on its runner. */
    private SweepJob followed;
    private final SweepListener live = new SweepListener() {
        @Override
        public void pointStarted(SweepRecord sweep, SweepPoint point, digitlab.train.TrainingJob job) {
            refresh.request();
        }

        @Override
        public void pointEpoch(SweepRecord sweep, SweepPoint point, digitlab.train.EpochPoint epoch) {
            refresh.request();
        }

        @Override
        public void pointFinished(SweepRecord sweep, SweepPoint point) {
            refresh.request();
        }

        @Override
        public void sweepFinished(SweepRecord sweep) {
            refresh.request();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        new Label(top, SWT.NONE).setText("Sweep:");
        sweeps = new Combo(top, SWT.READ_ONLY);
        WheelGuard.install(sweeps);
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(sweeps);
        sweeps.addListener(SWT.Selection, e -> {
            int i = sweeps.getSelectionIndex();
            if (i >= 0 && i < listed.size()) show(listed.get(i).id());
        });
        useAsCurrent = new Button(top, SWT.PUSH);
        useAsCurrent.setText("Use as Current Model");
        useAsCurrent.setToolTipText("Make the selected run's model (else the best run's) the one the canvas guesses with");
        useAsCurrent.addListener(SWT.Selection, e -> useAsCurrent());
        cancel = new Button(top, SWT.PUSH);
        cancel.setText("Cancel Sweep");
        cancel.setToolTipText("Stop the sweep: runs in training stop, queued ones never start; finished runs stay");
        cancel.addListener(SWT.Selection, e -> cancelSweep());
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(summary);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).exclude(true).applyTo(status);
        status.setVisible(false);

        // table and chart side by side: the view is wider than high where the perspective puts it (with Runs)
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = new SweepTable(sash);
        chart = new SweepChart(sash);
        sash.setWeights(56, 44);
        table.viewer().addDoubleClickListener(e -> open());
        table.viewer().addSelectionChangedListener(e -> {
            Object first = e.getStructuredSelection().getFirstElement();
            selection.setSelection(first instanceof SweepRow r && r.info() != null
                    ? new StructuredSelection(r.info()) : StructuredSelection.EMPTY);
            updateButtons();
        });
        getSite().setSelectionProvider(selection);
        // the run's context menu: as in the Runs view, with its contributions (Export Model as ONNX...)
        org.eclipse.jface.action.MenuManager popup = new org.eclipse.jface.action.MenuManager();
        popup.setRemoveAllWhenShown(true);
        popup.addMenuListener(m -> {
            m.add(action("Open", this::open));
            m.add(action("Use as Current Model", this::useAsCurrent));
            m.add(new org.eclipse.jface.action.GroupMarker(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
        });
        table.viewer().getTable().setMenu(popup.createContextMenu(table.viewer().getTable()));
        getSite().registerContextMenu(popup, selection);

        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        menu.add(action("Use as Current Model", this::useAsCurrent));
        menu.add(action("Cancel Sweep", this::cancelSweep));
        menu.add(action("Refresh", () -> refresh.request()));
        ExportActions.contribute(getViewSite(), parent, "sweep");
        ExportActions.contributeCsv(getViewSite(), "Sweep Runs", "sweep", this::csv);

        refresh = new UiThrottle(parent, 1000, this::reload);
        ViewJob.of("Opening the runs", monitor -> RunStore.workspace()).whenDone(s -> s.addListener(runsChanged))
                .schedule(getSite(), parent);
        updateButtons();
        reload();
    }

    private static Action action(String text, Runnable r) {
        return new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
    }

    /** Shows sweep {@code id} (read in the background). */
    public void show(String id) {
        shownId = id;
        reload();
    }

    /** Reads the list of sweeps and the shown one (the newest when none is chosen yet), in the background. */
    private void reload() {
        if (summary.isDisposed()) return;
        String wanted = shownId;
        record Read(List<SweepLauncher.Listed> list, SweepData data, SweepJob job) { }
        reading.schedule(ViewJob.of("Reading the sweeps", monitor -> {
            List<SweepLauncher.Listed> list = SweepLauncher.list();
            String id = wanted != null ? wanted : list.isEmpty() ? null : list.get(0).id();
            return new Read(list, id == null ? null : SweepLauncher.read(id, losses), id == null ? null : SweepLauncher.job(id));
        }).whenDone(r -> {
            follow(r.job());
            listed = r.list();
            String[] items = r.list().stream().map(SweepLauncher.Listed::label).toArray(String[]::new);
            if (!java.util.Arrays.equals(items, sweeps.getItems())) sweeps.setItems(items);
            SweepData d = r.data();
            shown = d;
            if (d == null) {
                summary.setText(r.list().isEmpty() ? "No sweep yet: define one in the Training view's Sweep tab (or with"
                        + " ./digitlab sweep)." : "");
                summary.getParent().layout(true, true);
                updateButtons();
                return;
            }
            shownId = d.id();
            for (int i = 0; i < r.list().size(); i++) if (r.list().get(i).id().equals(d.id())) sweeps.select(i);
            String before = summary.getText();
            summary.setText(d.summary());
            summary.setToolTipText(d.record().rule().isEmpty() ? null : d.record().rule());
            table.show(d);
            chart.show(d);
            updateButtons();
            if (!before.equals(d.summary())) summary.getParent().layout(true, true);
        }).whenFailed(e -> setStatus("Cannot read the sweep: " + e.getMessage())), getSite(), summary);
    }

    /** Listens to {@code job}'s runner (the shown sweep's, live), and no longer to the one followed before. */
    private void follow(SweepJob job) {
        if (job == followed) return;
        if (followed != null) followed.runner().removeListener(live);
        followed = job;
        if (job != null) job.runner().addListener(live);
    }

    private void updateButtons() {
        SweepData d = shown;
        cancel.setEnabled(d != null && d.running());
        useAsCurrent.setEnabled(target() != null);
    }

    /** The selected run, else the best; null when neither has a model. */
    private SweepRow target() {
        Object first = table.viewer().getStructuredSelection().getFirstElement();
        SweepRow r = first instanceof SweepRow s ? s : shown == null ? null : shown.best();
        return r != null && r.info() != null && r.info().hasModel() ? r : null;
    }

    /** Makes the selected run's model (else the best run's) the current model. */
    public void useAsCurrent() {
        SweepRow r = target();
        if (r == null) return;
        RunActions.useAsCurrent(getSite(), summary, RunStore.workspace(), r.info(),
                () -> setStatus("The canvas now guesses with run " + r.info().name() + "."));
    }

    private void open() {
        Object first = table.viewer().getStructuredSelection().getFirstElement();
        if (first instanceof SweepRow r && r.info() != null) RunActions.open(getSite(), summary, RunStore.workspace(), r.info());
    }

    private void cancelSweep() {
        SweepData d = shown;
        if (d == null || !d.running()) return;
        SweepLauncher.cancel(d.id());
        setStatus("Cancelling sweep " + d.id() + ": finished runs are kept.");
    }

    /** The shown sweep's points as CSV: the engine's ({@link SweepRecord#toCsv()}), as {@code digitlab sweep} writes it. */
    String csv() {
        SweepData d = shown;
        return d == null ? null : d.record().toCsv();
    }

    /** Writes {@link #csv()} to {@code file} (what the menu's export does after its file dialog). */
    public void exportCsv(Path file) throws IOException {
        String text = csv();
        if (text == null) throw new IOException("no sweep is shown");
        Csv.write(file, text);
    }

    private void setStatus(String text) {
        status.setText(text);
        ((org.eclipse.swt.layout.GridData) status.getLayoutData()).exclude = false;
        status.setVisible(true);
        status.getParent().layout(true, true);
    }

    /** The sweep shown (tests). */
    public SweepData shown() {
        return shown;
    }

    /** The table (tests in the fragment). */
    SweepTable table() {
        return table;
    }

    /** The chart (tests in the fragment). */
    SweepChart chart() {
        return chart;
    }

    /** The summary line (tests). */
    public String summaryText() {
        return summary.getText();
    }

    /** The status line (tests). */
    public String statusText() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        table.viewer().getTable().setFocus();
    }

    @Override
    public void dispose() {
        follow(null);
        RunStore.workspace().removeListener(runsChanged);
        reading.cancel();
        if (refresh != null) refresh.dispose();
        super.dispose();
    }
}

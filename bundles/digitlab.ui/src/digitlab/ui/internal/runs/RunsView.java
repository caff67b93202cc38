package digitlab.ui.internal.runs;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunStore;
import digitlab.train.RunStoreListener;
import digitlab.train.TrainingJob;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.UiThrottle;
import digitlab.ui.internal.export.ExportActions;

/**
 * The experiment runs: name, status, dataset, architecture, progress, accuracies, time. Open shows
 * a run's settings and curves in the Training view; Compare puts two runs' curves in one chart;
 * Use as Current Model hands a run's model to the canvas; Resume continues a stopped run; Rename
 * and Delete. The list is read by a job and refreshed (at most once a second) when runs change.
 */
public final class RunsView extends ViewPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private TableViewer viewer;
    private RunStore store;
    private UiThrottle refresh;
    private final RunStoreListener storeListener = (s, id) -> refresh.request();
    private volatile List<RunInfo> runs = List.of();
    private int[] columnWidths;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        if (memento != null && memento.getString("columns") != null) {
            try {
                String[] parts = memento.getString("columns").split(",");
                columnWidths = new int[parts.length];
                for (int i = 0; i < parts.length; i++) columnWidths[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                columnWidths = null;
            }
        }
    }

    @Override
    public void saveState(IMemento memento) {
        StringBuilder sb = new StringBuilder();
        for (var c : viewer.getTable().getColumns()) sb.append(sb.length() > 0 ? "," : "").append(c.getWidth());
        memento.putString("columns", sb.toString());
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 200, RunInfo::name);
        column("Status", 220, RunsView::status);
        column("Dataset", 70, RunInfo::dataset);
        column("Architecture", 200, r -> r.preset() + ": " + shortArch(r.architecture()));
        column("Epochs", 60, r -> r.epochsCompleted() + "/" + r.epochs());
        column("Validation", 80, r -> pct(r.validationAccuracy()));
        column("Test", 70, r -> pct(r.testAccuracy()));
        column("Time", 60, r -> String.format("%.0f s", r.seconds()));
        column("Created", 120, r -> TIME.format(r.created()));
        if (columnWidths != null && columnWidths.length == viewer.getTable().getColumnCount()) {
            for (int i = 0; i < columnWidths.length; i++) viewer.getTable().getColumn(i).setWidth(columnWidths[i]);
        }
        viewer.addDoubleClickListener(e -> open());
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);

        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
        IMenuManager viewMenu = getViewSite().getActionBars().getMenuManager();
        viewMenu.add(action("Refresh", this::reload));
        ExportActions.contribute(getViewSite(), parent, "runs");
        ExportActions.contributeCsv(getViewSite(), "Selected Run's History", "history", this::selectedHistoryCsv);

        refresh = new UiThrottle(parent, 1000, this::reload);
        ViewJob.of("Opening the runs", monitor -> RunStore.workspace()).whenDone(s -> {
            store = s;
            s.addListener(storeListener);
            reload();
        }).schedule(getSite(), viewer.getTable());
    }

    private void column(String title, int width, Function<RunInfo, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setMoveable(true);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((RunInfo) element);
            }

            @Override
            public String getToolTipText(Object element) {
                // the whole text, for a cell cut by its column ("completed \u2014 trained 5 epochs; test ...")
                return text.apply((RunInfo) element);
            }
        });
    }

    /** "completed: trained 5 epochs; ...", or the message alone when it starts with the status ("cancelled at ..."). */
    static String status(RunInfo r) {
        String word = r.status().name().toLowerCase().replace('_', ' '); // "stopped early"
        if (r.message().isEmpty()) return word;
        return r.message().toLowerCase().startsWith(word) ? r.message() : word + ": " + r.message();
    }

    /** "784-256-128-10 relu" from the core's text form, or the text itself for other layer kinds. */
    static String shortArch(String arch) {
        try {
            digitlab.nn.Architecture a = digitlab.nn.Architecture.parse(arch);
            StringBuilder sb = new StringBuilder(Integer.toString(a.inputSize()));
            String act = null;
            for (digitlab.nn.LayerSpec s : a.layers()) {
                if (s.type().equals("dense")) sb.append('-').append(s.intParam("units", 0));
                else if (act == null && !s.type().equals("dropout") && !s.type().equals("softmax")) act = s.type();
                else if (!s.type().equals("dense") && !s.type().equals("dropout") && !s.type().equals("softmax")
                        && digitlab.nn.Activations.find(s.type()) == null) return arch;
            }
            return act == null ? sb.toString() : sb + " " + act;
        } catch (RuntimeException e) {
            return arch;
        }
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format("%.2f %%", 100 * v);
    }

    private void fillMenu(IMenuManager m) {
        List<RunInfo> sel = selected();
        Action open = action("Open", this::open);
        open.setEnabled(sel.size() == 1);
        m.add(open);
        Action compare = action("Compare", this::compare);
        compare.setEnabled(sel.size() == 2);
        m.add(compare);
        Action current = action("Use as Current Model", this::useAsCurrent);
        current.setEnabled(sel.size() == 1 && sel.get(0).hasModel());
        m.add(current);
        Action resume = action("Resume", this::resume);
        resume.setEnabled(sel.size() == 1 && sel.get(0).canResume());
        m.add(resume);
        m.add(new Separator());
        Action rename = action("Rename\u2026", this::rename);
        rename.setEnabled(sel.size() == 1);
        m.add(rename);
        Action delete = action("Delete", this::delete);
        delete.setEnabled(!sel.isEmpty() && sel.stream().noneMatch(r -> r.status() == digitlab.train.RunStatus.RUNNING));
        m.add(delete);
        // where plugin.xml's popup:digitlab.ui.views.runs contributions go (Export Model as ONNX...)
        m.add(new org.eclipse.jface.action.GroupMarker(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
    }

    private static Action action(String text, Runnable r) {
        return new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private List<RunInfo> selected() {
        return ((IStructuredSelection) viewer.getSelection()).toList();
    }

    /** Reads the run list in a job and shows it. */
    public void reload() {
        RunStore s = store;
        if (s == null) return;
        ViewJob.of("Reading the runs", monitor -> s.list()).whenDone(list -> {
            runs = list;
            viewer.setInput(list);
        }).schedule(getSite(), viewer.getTable());
    }

    /** Runs {@code task} in the background, then {@code then} with its result; a failure is shown in a dialog. */
    private <T> void inBackground(String name, ViewJob.Work<T> task, Consumer<T> then) {
        ViewJob.of(name, task).inProgressView().whenDone(then)
                .whenFailed(e -> MessageDialog.openError(viewer.getTable().getShell(), name,
                        e.getMessage() == null ? e.toString() : e.getMessage()))
                .schedule(getSite(), viewer.getTable());
    }

    private void inBackground(String name, IoTask task) {
        inBackground(name, monitor -> {
            task.run();
            return null;
        }, nothing -> { });
    }

    private interface IoTask {
        void run() throws IOException;
    }

    private void open() {
        List<RunInfo> sel = selected();
        if (sel.size() != 1 || store == null) return;
        RunActions.open(getSite(), viewer.getTable(), store, sel.get(0));
    }

    private void compare() {
        List<RunInfo> sel = selected();
        if (sel.size() != 2 || store == null) return;
        inBackground("Comparing runs", monitor -> store.compare(sel.get(0).id(), sel.get(1).id()),
                c -> new CompareDialog(viewer.getTable().getShell(), c).open());
    }

    private void useAsCurrent() {
        List<RunInfo> sel = selected();
        if (sel.size() != 1 || store == null) return;
        RunActions.useAsCurrent(getSite(), viewer.getTable(), store, sel.get(0), null);
    }

    private void resume() {
        List<RunInfo> sel = selected();
        if (sel.size() != 1 || store == null) return;
        String id = sel.get(0).id();
        inBackground("Resuming run " + sel.get(0).name(), () -> TrainingJob.resume(store.open(id)).schedule());
    }

    private void rename() {
        List<RunInfo> sel = selected();
        if (sel.size() != 1 || store == null) return;
        RunInfo r = sel.get(0);
        InputDialog d = new InputDialog(viewer.getTable().getShell(), "Rename Run", "New name for run " + r.name() + ":", r.name(),
                s -> s.isBlank() ? "The name must not be empty" : s.length() > 200 ? "At most 200 characters" : null);
        if (d.open() != Window.OK) return;
        String name = d.getValue().strip();
        inBackground("Renaming run " + r.name(), () -> store.rename(r.id(), name));
    }

    private void delete() {
        List<RunInfo> sel = selected();
        if (sel.isEmpty() || store == null) return;
        String what = sel.size() == 1 ? "run \"" + sel.get(0).name() + "\"" : sel.size() + " runs";
        if (!MessageDialog.openConfirm(viewer.getTable().getShell(), "Delete Runs",
                "Delete " + what + " with its model, checkpoint and history? This cannot be undone.")) {
            return;
        }
        inBackground("Deleting runs", () -> {
            for (RunInfo r : sel) store.delete(r.id());
        });
    }

    private String selectedHistoryCsv() {
        List<RunInfo> sel = selected();
        if (sel.size() != 1 || store == null) return null;
        try {
            return store.open(sel.get(0).id()).history().toCsv();
        } catch (IOException e) {
            return null;
        }
    }

    /** The runs shown (for tests). */
    public List<RunInfo> runs() {
        return runs;
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    @Override
    public void dispose() {
        if (store != null) store.removeListener(storeListener);
        if (refresh != null) refresh.dispose();
        super.dispose();
    }
}

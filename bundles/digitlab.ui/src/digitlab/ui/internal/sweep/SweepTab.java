package digitlab.ui.internal.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;

import digitlab.train.FieldProblem;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.train.sweep.SweepSpec;
import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;

/**
 * The Training view's Sweep tab: Start Sweep with the number of runs and the problems in sight, the
 * {@link SweepForm} below (scrolling). Checked like the Single run form: every edit reads the form again
 * ({@link SweepDraft}), marks the bad fields and disables Start with the reasons listed. Start hands the sweep to
 * the engine in a {@link ViewJob} and opens the Sweep view on it; the sweep's jobs show in the Progress view.
 */
public final class SweepTab extends Composite {

    /**
     * What the tab needs of the Single run form: its valid request (null while it has problems), its problems,
     * the labels of its fields, and a way to hear of its edits.
     */
    public record Base(Supplier<TrainingRequest> request, Supplier<List<FieldProblem>> problems, Map<String, String> labels,
                       Consumer<Runnable> addChangeListener) {
    }

    private final Base base;
    private final IWorkbenchPartSite site;
    private final SweepForm form;
    private final Button start;
    private final Label points;
    private final Label problem;
    private final Label status;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private SweepDraft draft;

    /** The tab in {@code parent} (a tab folder), for the view of {@code site}. */
    public SweepTab(Composite parent, IWorkbenchPartSite site, Base base) {
        super(parent, SWT.NONE);
        this.base = base;
        this.site = site;
        labels.putAll(base.labels());
        labels.putAll(SweepForm.LABELS);
        labels.put(SweepDraft.VARY, "Vary");
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(this);
        Composite top = new Composite(this, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        start = new Button(top, SWT.PUSH);
        start.setText("Start Sweep");
        start.addListener(SWT.Selection, e -> start());
        points = new Label(top, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(points);
        problem = new Label(this, SWT.WRAP);
        problem.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(problem);
        status = new Label(this, SWT.WRAP);
        status.setText("Tick the settings to vary, type their values, press Start Sweep.");
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(status);

        ScrolledComposite scroller = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        form = new SweepForm(scroller);
        scroller.setContent(form);
        form.setSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        scroller.addListener(SWT.Resize, e -> {
            int natural = form.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
            int width = Math.max(natural, scroller.getClientArea().width);
            scroller.setMinSize(natural, form.computeSize(width, SWT.DEFAULT).y);
        });
        form.addChangeListener(this::validate);
        base.addChangeListener().accept(this::validate);
        validate();
    }

    /** Reads and checks the form again: marks, the problem lines, the number of runs, Start. */
    private void validate() {
        if (isDisposed()) return;
        TrainingRequest request = base.request().get();
        draft = SweepDraft.read(request, form.varied(), form.isRandom(), form.samplesText(), form.samplingSeedText(),
                form.metric(), form.epochsText(), form.parallelText(), form.earlyStopping());
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        form.mark(problems, labels);
        StringBuilder text = new StringBuilder();
        if (request == null) {
            text.append("The Single run tab has problems: ");
            List<FieldProblem> single = base.problems().get();
            text.append(single.isEmpty() ? "" : labels.getOrDefault(single.get(0).field(), single.get(0).field()) + ": "
                    + single.get(0).message());
        }
        for (Map.Entry<String, String> p : problems.entrySet()) {
            text.append(text.length() > 0 ? "\n" : "").append(labels.getOrDefault(p.getKey(), p.getKey())).append(": ")
                    .append(p.getValue());
        }
        boolean changed = !problem.getText().equals(text.toString());
        problem.setText(text.toString());
        ((GridData) problem.getLayoutData()).exclude = text.length() == 0;
        problem.setVisible(text.length() > 0);
        points.setText(draft.pointsText());
        boolean ok = draft.spec() != null;
        start.setEnabled(ok);
        start.setToolTipText(ok ? "Train " + draft.pointsText() + " as background jobs" : "Fix the marked fields first");
        if (changed) layout(true, true);
    }

    /** Starts the sweep the form describes (no-op while it has problems). */
    public void start() {
        SweepSpec spec = draft == null ? null : draft.spec();
        if (!start.isEnabled() || spec == null) return;
        start.setEnabled(false);
        setStatus("Starting the sweep \u2026");
        ViewJob.of("Starting a sweep", monitor -> SweepLauncher.start(spec)).whenDone(id -> {
            setStatus("Sweep " + id + " started: its runs are in the Sweep view, Runs and Progress.");
            validate();
            try {
                SweepView v = (SweepView) site.getPage().showView(DigitLabViews.SWEEP);
                v.show(id);
            } catch (PartInitException e) {
                setStatus("Sweep " + id + " started; the Sweep view cannot open: " + e.getMessage());
            }
        }).whenFailed(e -> {
            setStatus("Could not start the sweep: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            validate();
        }).schedule(site, status);
    }

    private void setStatus(String text) {
        status.setText(text);
        status.setToolTipText(text);
        layout(true, true);
    }

    /** Whether Start Sweep is enabled (tests). */
    public boolean canStart() {
        return start.isEnabled();
    }

    /** The problem lines (tests). */
    public String problemText() {
        return problem.getText();
    }

    /** The number of runs as shown (tests). */
    public String pointsText() {
        return points.getText();
    }

    /** The status line (tests). */
    public String statusText() {
        return status.getText();
    }

    /** Whether the field {@code key} is marked bad (tests). */
    public boolean isMarked(String key) {
        return form.isMarked(key);
    }

    /** Ticks "vary" for {@code s} and types {@code text} (tests). */
    public void vary(TrainingSetting s, String text) {
        form.vary(s, text);
    }

    /** The form (tests in this package's fragment). */
    SweepForm form() {
        return form;
    }
}

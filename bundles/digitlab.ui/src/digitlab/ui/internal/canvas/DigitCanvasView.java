package digitlab.ui.internal.canvas;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;

import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.train.mydrawings.MyDrawingsStore;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.PartSelection;
import digitlab.ui.internal.UiThrottle;
import digitlab.ui.internal.prefs.LabPreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.model.FollowTrainingAction;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.OpenModelAction;
import digitlab.ui.internal.model.PredictionModel;
import digitlab.ui.internal.teach.FineTuneLauncher;
import digitlab.ui.internal.teach.TeachBar;
import digitlab.ui.internal.teach.Teacher;

/**
 * The Digit Canvas: draw a digit, see what the network sees and what it thinks.
 *
 * <p>Left, the drawing area; right, the 28x28 image after MNIST-style preprocessing and a bar per
 * digit; below, the verdict and SUBMIT / CLEAR / UNDO. Keys (key bindings of commands): Enter submits, Esc,
 * Backspace or Delete clears, Ctrl+Z undoes the last stroke and Ctrl+Shift+Z redoes it. With "Guess while drawing" the guess follows the pen (at most one
 * request per {@link #LIVE_INTERVAL_MS}); guesses run on a worker ({@link GuessJob}), never on the
 * UI thread. A new model (e.g. a snapshot of a run in training) re-guesses the drawing, at most
 * twice a second.
 */
public final class DigitCanvasView extends ViewPart {

    /** Live guesses while the pen moves: at most one request per this many milliseconds. */
    public static final int LIVE_INTERVAL_MS = 80;

    /** The context in which the canvas's key bindings apply, and its commands (plugin.xml). */
    static final String CONTEXT = "digitlab.ui.contexts.canvas", SUBMIT_COMMAND = "digitlab.ui.commands.canvas.submit",
            CLEAR_COMMAND = "digitlab.ui.commands.canvas.clear";
    private static final String MEMENTO_LIVE = "liveGuessing";

    private DrawingArea area;
    private PixelPreview preview;
    private ConfidenceBars bars;
    private Label verdict;
    private Label status;
    private Button live;
    private GuessJob job;
    private CanvasHistory history;
    private Guess shown;
    private boolean liveGuessing = true;
    private FollowTrainingAction follow;
    /** The workbench's models (a workbench service, see ModelAccess). */
    private volatile ModelAccess models;
    private PredictionModel guessedWith;
    private boolean liveTimerPending;
    private final Runnable liveTimer = this::liveTick;
    private UiThrottle modelRefresh;
    private final java.util.function.Consumer<PredictionModel> modelListener = m -> modelRefresh.request();
    /**
     * The canvas's newest {@link Guess} as the workbench selection: the one way its guesses reach other views
     * (Network Activity listens to this part's selection; plugin views such as Saliency to anything that adapts
     * to a PreprocessedDigit, which a guess does). A guess on an empty canvas is published too: it adapts to no digit.
     */
    private final PartSelection selectionProvider = new PartSelection();
    private Teacher teacher;
    private TeachBar teachBar;
    private volatile Teacher.Outcome lastTeaching;
    /** Preferences > Digit Lab > Canvas applies to the open canvas at once. */
    private final IPreferenceChangeListener preferences = e -> {
        if (area != null) ViewJob.inUi(area, () -> {
            if (LabPreferences.PEN_WIDTH.equals(e.getKey())) area.setPenWidth(LabPreferences.penWidth());
            if (LabPreferences.LIVE_GUESSING.equals(e.getKey())) {
                liveGuessing = LabPreferences.liveGuessing();
                live.setSelection(liveGuessing);
            }
        });
    };

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        models = site.getService(ModelAccess.class);
        liveGuessing = LabPreferences.liveGuessing();
        if (memento != null && memento.getBoolean(MEMENTO_LIVE) != null) liveGuessing = memento.getBoolean(MEMENTO_LIVE);
        follow = new FollowTrainingAction(memento, false,
                "Guess with the newest snapshot of a run while it trains (else with the current model)",
                () -> job.request(area.drawing()));
    }

    @Override
    public void saveState(IMemento memento) {
        memento.putBoolean(MEMENTO_LIVE, liveGuessing);
        follow.saveState(memento);
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(8, 8).spacing(10, 6).applyTo(parent);

        area = new DrawingArea(parent);
        area.setPenWidth(LabPreferences.penWidth());
        LabPreferences.addListener(preferences);
        GridDataFactory.fillDefaults().grab(true, true).hint(360, 360).applyTo(area);

        Composite side = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(4, 4).applyTo(side);
        GridDataFactory.fillDefaults().grab(false, true).hint(230, SWT.DEFAULT).applyTo(side);
        new Label(side, SWT.NONE).setText("What the network sees (28\u00d728)");
        preview = new PixelPreview(side, PreprocessedDigit.SIZE);
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.TOP).hint(142, 142).applyTo(preview);
        new Label(side, SWT.NONE).setText("Confidence");
        bars = new ConfidenceBars(side);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(bars);

        verdict = new Label(parent, SWT.CENTER);
        verdict.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.HEADER_FONT));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(verdict);

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(buttons);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(buttons);
        Button submit = button(buttons, "SUBMIT", "Guess now (Enter)", this::submit);
        button(buttons, "CLEAR", "Clear the canvas (Esc, Delete)", area::clear);
        button(buttons, "UNDO", "Undo the last stroke or clear (Ctrl+Z; Ctrl+Shift+Z redoes)", () -> history.undo());
        live = new Button(buttons, SWT.CHECK);
        live.setText("Guess while drawing");
        live.setSelection(liveGuessing);
        digitlab.ui.internal.CheckButtons.readable(live);
        live.addListener(SWT.Selection, e -> {
            liveGuessing = live.getSelection();
            area.setFocus();
        });
        createTeaching(parent); // issue 13, item 5: "It's a 4" and Fine-tune
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(status);
        parent.getShell().setDefaultButton(null);
        submit.setToolTipText("Guess now (Enter)");

        job = new GuessJob(area, this::model,
                g -> digitlab.ui.internal.UiTimings.time("canvas: show guess", () -> show(g)));
        area.addDrawingListener(this::drawingChanged);
        history = new CanvasHistory(area);
        // Edit > Undo / Redo and their key bindings act on the canvas's history while the canvas is active
        new UndoRedoActionGroup(getSite(), history.context(), true).fillActionBars(getViewSite().getActionBars());
        area.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN || e.detail == SWT.TRAVERSE_ESCAPE) e.doit = false;
        });

        modelRefresh = new UiThrottle(parent, 500, () -> {
            if (model() != guessedWith) job.request(area.drawing());
        });
        models.addListener(modelListener);
        models.start();
        getSite().setSelectionProvider(selectionProvider);
        activateHandlers();
        ExportActions.contribute(getViewSite(), parent, "digit-canvas");
        getViewSite().getActionBars().getToolBarManager().add(new OpenModelAction(getSite().getShell()));
        getViewSite().getActionBars().getMenuManager().add(follow);
        job.request(area.drawing());
    }

    /**
     * The canvas's keys are key bindings of commands (Help > Key Assist lists them), active in the canvas's
     * context while the canvas is the active part: Enter submits (digitlab.ui.commands.canvas.submit), Esc,
     * Backspace and Delete clear (digitlab.ui.commands.canvas.clear; Edit > Delete too); Ctrl+Z and
     * Ctrl+Shift+Z are the platform's Undo and Redo, which act on the canvas's operation history.
     */
    private void activateHandlers() {
        IContextService contexts = getSite().getService(IContextService.class);
        if (contexts != null) contexts.activateContext(CONTEXT);
        IHandlerService handlers = getSite().getService(IHandlerService.class);
        if (handlers == null) return;
        handlers.activateHandler("org.eclipse.ui.edit.delete", handler(area::clear));
        handlers.activateHandler(SUBMIT_COMMAND, handler(this::submit));
        handlers.activateHandler(CLEAR_COMMAND, handler(area::clear));
    }

    private static AbstractHandler handler(Runnable r) {
        return new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                r.run();
                return null;
            }
        };
    }

    private Button button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> {
            action.run();
            area.setFocus();
        });
        GridDataFactory.swtDefaults().hint(Math.max(90, b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT).applyTo(b);
        return b;
    }


    /** The model to guess with: the current one, or a run's newest snapshot when following training. */
    private PredictionModel model() {
        return follow.shown(models);
    }

    /** Guesses now, whatever the live setting. */
    public void submit() {
        job.request(area.drawing());
    }

    private void drawingChanged(Drawing d) {
        if (d.isEmpty()) {
            job.request(d); // the empty message at once
            return;
        }
        if (!liveGuessing) verdict.setText(Verdict.READY); // not "Nothing drawn yet", nor the last guess
        if (liveGuessing && !liveTimerPending) {
            liveTimerPending = true;
            area.getDisplay().timerExec(LIVE_INTERVAL_MS, liveTimer);
        }
    }

    private void liveTick() {
        liveTimerPending = false;
        if (area == null || area.isDisposed()) return;
        job.request(area.drawing());
    }

    /** Puts {@code d} on the canvas and guesses it (the Dataset and Confusion Matrix views load images so). */
    public void load(Drawing d) {
        if (area == null || area.isDisposed()) return;
        area.setDrawing(d);
        job.request(d);
    }

    /** Shows a guess (UI thread). */
    private void show(Guess g) {
        if (area == null || area.isDisposed()) return;
        shown = g;
        guessedWith = g.model();
        preview.setPixels(g.digit() == null ? null : g.digit().pixels());
        bars.setConfidences(g.confidences(), g.labels(), g.best());
        verdict.setText(g.verdict());
        String model = g.modelName() == null ? "no model" : g.modelName();
        status.setText(model + "  \u00b7  " + String.format("%.2f ms", g.nanos() / 1e6));
        status.setToolTipText("Model: " + model + "\nTime for the last guess (rasterize, preprocess, forward pass): "
                + String.format("%.3f ms", g.nanos() / 1e6));
        verdict.getParent().layout(new org.eclipse.swt.widgets.Control[] {verdict, status});
        selectionProvider.setSelection(new StructuredSelection(g));
    }

    // ---------------------------------------------------------------- teaching (My drawings)

    private void createTeaching(Composite parent) {
        teacher = new Teacher(getSite(), parent, MyDrawingsStore.workspace());
        teachBar = new TeachBar(parent, this::teach, () -> FineTuneLauncher.start(getSite().getShell()));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(teachBar);
    }

    /**
     * Teaches the drawing on the canvas as {@code label}: adds it to My drawings (in a job); the outcome
     * goes to the status line and {@link #lastTeaching()}.
     */
    public void teach(int label) {
        teacher.teach(area.drawing(), label, o -> {
            lastTeaching = o;
            if (!teachBar.isDisposed()) teachBar.showOutcome(o);
            org.eclipse.jface.action.IStatusLineManager line = getViewSite().getActionBars().getStatusLineManager();
            if (o.error()) {
                line.setErrorMessage(o.message());
            } else {
                line.setErrorMessage(null);
                line.setMessage(o.message());
            }
            if (!area.isDisposed()) area.setFocus();
        });
    }

    /** The outcome of the last teaching, or null (for tests). */
    public Teacher.Outcome lastTeaching() {
        return lastTeaching;
    }

    /** The teaching row (for tests). */
    public TeachBar teachBar() {
        return teachBar;
    }

    /** The guess on display, or null before the first one (for tests). */
    public Guess shownGuess() {
        return shown;
    }

    /** The drawing area (for tests). */
    public DrawingArea drawingArea() {
        return area;
    }

    /** The preview of the network's input (for tests). */
    public PixelPreview preview() {
        return preview;
    }

    /** The verdict label's text. */
    public String verdictText() {
        return verdict.getText();
    }

    @Override
    public void setFocus() {
        area.setFocus();
    }

    @Override
    public void dispose() {
        if (models != null) models.removeListener(modelListener);
        LabPreferences.removeListener(preferences);
        if (modelRefresh != null) modelRefresh.dispose();
        if (job != null) job.cancel();
        if (history != null) history.dispose();
        Display d = Display.getCurrent();
        if (d != null) d.timerExec(-1, liveTimer);
        super.dispose();
    }
}

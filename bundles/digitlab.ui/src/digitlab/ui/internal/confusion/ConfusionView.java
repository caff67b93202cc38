package digitlab.ui.internal.confusion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import digitlab.data.Dataset;
import digitlab.nn.Evaluation;
import digitlab.train.Datasets;
import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.UiThrottle;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.export.Csv;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.gallery.GalleryPage;
import digitlab.ui.internal.gallery.ImageGallery;
import digitlab.ui.internal.model.EpochSlider;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;

/**
 * The confusion matrix of the current model on its dataset's test images: counts with
 * row-normalised colours, recall and precision at the margins, the overall accuracy above. A click
 * on a cell shows those test images below with the model's probabilities; a double-click on an
 * image loads it into the canvas. The evaluation runs as a job whenever the current model changes.
 */
public final class ConfusionView extends ViewPart {

    /** The most images one gallery page shows. */
    public static final int GALLERY_LIMIT = 240;

    private Label info;
    private MatrixCanvas matrix;
    private Label galleryTitle;
    private ScrolledComposite galleryScroller;
    private ImageGallery gallery;
    private volatile ConfusionData data;
    private PredictionModel evaluated;

    /**
     * Evaluations already made, by model. One map for all view instances on purpose: a model snapshot is immutable,
     * so its evaluation is the same for every Confusion Matrix view; reopening the view (or a second one) shows it
     * at once instead of running 10,000 test images through the network again; one opened while it runs waits for
     * the same job. Weak keys: an evaluation lives as long as its model.
     */
    private static final java.util.Map<PredictionModel, CompletableFuture<ConfusionData>> EVALUATIONS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private UiThrottle refresh;
    /** The workbench's models (a workbench service, see ModelAccess). */
    private ModelAccess models;
    private final Consumer<PredictionModel> modelListener = m -> refresh.request();
    /** Time travel: the run's epochs. */
    private EpochSlider slider;
    /** The model of the epoch the slider shows, or null to show the current model. */
    private PredictionModel epochModel;
    /** What the slider last could not show (a deleted run ...), put before the line above the matrix; or null. */
    private String notice;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(6, 6).applyTo(parent);
        info = new Label(parent, SWT.WRAP);
        info.setText("Evaluating \u2026");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(info);
        models = getSite().getService(ModelAccess.class);
        slider = new EpochSlider(parent, getSite(), models, m -> {
            notice = null;
            epochModel = m;
            evaluate();
        }, problem -> {
            notice = problem;
            setInfo(info.getText());
        });
        GridDataFactory.fillDefaults().grab(true, false).applyTo(slider);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        matrix = new MatrixCanvas(sash);
        matrix.setSelectionListener(this::cellSelected);
        Composite bottom = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(bottom);
        galleryTitle = new Label(bottom, SWT.WRAP);
        galleryTitle.setText("Click a cell to see its test images; double-click an image to load it into the canvas.");
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(galleryTitle); // wraps
        galleryScroller = new ScrolledComposite(bottom, SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(galleryScroller);
        gallery = new ImageGallery(galleryScroller);
        galleryScroller.setContent(gallery);
        gallery.setOpenListener(this::openInCanvas);
        // a page laid out for another width (the view resized, the gallery moved beside the matrix) is laid out again
        galleryScroller.addListener(SWT.Resize, e -> {
            GalleryPage p = gallery.page();
            ConfusionData d = data;
            if (p == null || d == null || matrix.selectedRow() < 0) return;
            int width = Math.max(100, galleryScroller.getClientArea().width);
            if (p.columns() != GalleryPage.columnsFor(width, d.images().width())) cellSelected(matrix.selectedRow(), matrix.selectedColumn());
        });
        sash.setWeights(65, 35);
        // the matrix takes the view's full height when the view is wide (the gallery beside it), its full
        // width when tall (the gallery below): either way it grows with the view
        sash.addListener(SWT.Resize, e -> {
            Rectangle a = sash.getClientArea();
            int orientation = a.width > a.height * 4 / 3 ? SWT.HORIZONTAL : SWT.VERTICAL;
            if (sash.getOrientation() != orientation) {
                sash.setOrientation(orientation);
                sash.setWeights(orientation == SWT.HORIZONTAL ? new int[] {60, 40} : new int[] {65, 35});
            }
        });

        Action reevaluate = new Action("Evaluate Again") {
            @Override
            public void run() {
                PredictionModel current = shownModel();
                if (current != null) EVALUATIONS.remove(current); // really again: the dataset may have changed
                evaluated = null;
                evaluate();
            }
        };
        reevaluate.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_REDO));
        getViewSite().getActionBars().getToolBarManager().add(reevaluate);
        ExportActions.contribute(getViewSite(), parent, "confusion-matrix");
        ExportActions.contributeCsv(getViewSite(), "Confusion Matrix", "confusion-matrix", () -> {
            ConfusionData d = data;
            return d == null ? null : Csv.confusion(d.matrix(), d.labels());
        });

        refresh = new UiThrottle(parent, 1000, this::evaluate);
        models.addListener(modelListener);
        models.start();
        evaluate();
    }

    /** Evaluates the current model in a job, unless it was already. UI thread. */
    private void evaluate() {
        if (info.isDisposed()) return;
        PredictionModel model = shownModel();
        if (model == null) {
            setInfo("Loading the current model \u2026");
            return;
        }
        if (model == evaluated) return;
        evaluated = model;
        setInfo("Evaluating " + model.name() + " on the test images \u2026");
        ViewJob.of("Evaluating " + model.name(), monitor -> evaluation(model)).inProgressView()
                .whenDone(d -> {
                    Evaluation e = d.evaluation();
                    show(model, d, String.format("%s on %s test images: accuracy %.2f %% (%,d of %,d right, %,d wrong)",
                            model.name(), d.datasetId(), 100 * e.accuracy(), e.correct(), e.size(), e.size() - e.correct()));
                })
                .whenFailed(failure -> {
                    Throwable t = failure instanceof ExecutionException x && x.getCause() != null ? x.getCause() : failure;
                    show(model, null, "Cannot evaluate " + model.name() + ": " + (t.getMessage() == null ? t.toString() : t.getMessage()));
                })
                .schedule(getSite(), info);
    }

    /** The model to show: the slider's epoch, else the current model. */
    private PredictionModel shownModel() {
        return epochModel != null ? epochModel : models.current();
    }

    /** The line above the matrix: {@code text}, after the slider's notice if there is one. */
    private void setInfo(String text) {
        String n = notice;
        info.setText(n == null || text.startsWith(n) ? text : n + "; showing the current model. " + text);
        info.getParent().layout();
    }

    private void show(PredictionModel model, ConfusionData d, String message) {
        if (evaluated != model) return;
        data = d;
        setInfo(message);
        matrix.setData(d);
        gallery.setPage(null);
        galleryTitle.setText("Click a cell to see its test images; double-click an image to load it into the canvas.");
        info.getParent().layout();
    }

    /**
     * The evaluation of {@code model} on its dataset's test images: the one already made, or the one another view's
     * job is making (waits for it), else made by the calling job. One evaluation per model however many views ask.
     * Background thread.
     */
    private static ConfusionData evaluation(PredictionModel model) throws Exception {
        CompletableFuture<ConfusionData> f;
        boolean mine = false;
        synchronized (EVALUATIONS) {
            f = EVALUATIONS.get(model);
            if (f == null || f.isCompletedExceptionally()) {
                f = new CompletableFuture<>();
                EVALUATIONS.put(model, f);
                mine = true;
            }
        }
        if (mine) {
            try {
                Dataset dataset = Datasets.load(model.datasetId() == null ? "mnist" : model.datasetId(), -1);
                f.complete(ConfusionData.evaluate(model, dataset));
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        }
        return f.get();
    }

    private void cellSelected(int row, int col) {
        ConfusionData d = data;
        if (d == null) return;
        int[] all = d.positions(row, col);
        int[] shown = java.util.Arrays.copyOf(all, Math.min(all.length, GALLERY_LIMIT));
        String what = row == col ? d.labels().get(row) + " recognised as " + d.labels().get(col)
                : d.labels().get(row) + " mistaken for " + d.labels().get(col);
        galleryTitle.setText(what + ": " + all.length + " test image" + (all.length == 1 ? "" : "s")
                + (all.length > shown.length ? " (showing the first " + shown.length + ")" : "")
                + (all.length > 0 ? "; under each: " + GalleryCaptions.legend(d.labels().get(col), d.labels().get(row), row == col)
                        + "; double-click one to load it into the canvas" : ""));
        galleryTitle.getParent().layout();
        int width = galleryScroller.getClientArea().width;
        int captionHeight = gallery.captionHeight(row == col ? 2 : 3);
        String predicted = d.labels().get(col);
        String truth = d.labels().get(row);
        ViewJob.of("Rendering test images", monitor -> {
            String[] captions = new String[shown.length];
            for (int i = 0; i < shown.length; i++) {
                captions[i] = GalleryCaptions.of(shown[i], d.evaluation(), predicted, col, truth, row);
            }
            return GalleryPage.render(d.images(), shown, captions,
                    GalleryPage.columnsFor(Math.max(100, width), d.images().width()), captionHeight, all.length);
        }).whenDone(page -> {
            if (data != d) return;
            gallery.setPage(page);
            gallery.setToolTipText(GalleryCaptions.legend(predicted, truth, row == col));
            galleryScroller.setMinSize(gallery.getSize());
        }).schedule(getSite(), gallery);
    }

    private void openInCanvas(int t) {
        GalleryPage page = gallery.page();
        ConfusionData d = data;
        if (page == null || d == null) return;
        int position = page.positions()[t];
        String name = "test image #" + position + " (label " + d.labels().get(d.evaluation().label(position)) + ")";
        try {
            DigitCanvasView canvas = (DigitCanvasView) getSite().getPage().showView(DigitLabViews.CANVAS);
            canvas.load(Drawing.ofDatasetImage(page.ink(t), page.images().width(), page.images().height(), name));
        } catch (PartInitException e) {
            setInfo("Cannot open the canvas: " + e.getMessage());
        }
    }

    /** The line above the matrix: the model's name and its accuracy (for tests). */
    public String infoText() {
        return info.getText();
    }

    /** The evaluation shown, or null (for tests). */
    public ConfusionData data() {
        return data;
    }

    /** The matrix widget (for tests). */
    MatrixCanvas matrixCanvas() {
        return matrix;
    }

    /** The epoch slider (for tests). */
    public EpochSlider epochSlider() {
        return slider;
    }

    /** The gallery (for tests). */
    public ImageGallery gallery() {
        return gallery;
    }

    @Override
    public void setFocus() {
        matrix.setFocus();
    }

    @Override
    public void dispose() {
        if (models != null) models.removeListener(modelListener);
        if (refresh != null) refresh.dispose();
        super.dispose();
    }
}

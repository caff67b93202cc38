package digitlab.ui.internal.projector;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.embed.EmbedProgress;
import digitlab.embed.EmbedRequest;
import digitlab.embed.Embedder;
import digitlab.embed.Embedding;
import digitlab.embed.EmbeddingCache;
import digitlab.embed.Layers;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.kernel.KernelSelector;
import digitlab.train.Datasets;
import digitlab.train.ImageSetSource;
import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.PartSelection;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.canvas.Guess;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.model.EpochSlider;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * Projector: where the current model puts the test images in one layer's space, mapped to 2-D with PCA or
 * t-SNE (digitlab.embed), with the user's drawing as a point among them. The map is computed by a job that the
 * view shows as busy and the Cancel button (or the Progress view) stops; finished maps are kept per model, layer,
 * number of images and settings for as long as the view is open.
 */
public final class ProjectorView extends ViewPart {

    private final EmbeddingCache cache = new EmbeddingCache(8);
    /** Cache keys of the models seen: one per snapshot, never shared (a snapshot is immutable). */
    private final Map<ModelSnapshot, String> modelKeys = new WeakHashMap<>();
    /** Numbers the keys: a key is never given twice, even after its model is gone. */
    private long modelCount;
    private final PartSelection selection = new PartSelection();
    private ModelAccess models;
    private ProjectorControls controls;
    private Label status;
    private ScatterCanvas scatter;
    private ViewJob<Mapped> running;
    private PredictionModel shownModel;
    private int shownLayer;
    private ImageSet shownImages;
    private boolean mappedOnce;
    private PredictionModel lastCurrent;
    /** Time travel: the run's epochs. */
    private EpochSlider slider;
    /** The model of the epoch the slider shows, or null to map the current model. */
    private PredictionModel epochModel;
    /** What the slider last could not show (a deleted run ...), put before the status line; or null. */
    private String notice;
    /** The canvas's guesses: the selection of the Digit Canvas's part. */
    private final ISelectionListener guessListener = (part, sel) -> placeDrawing(guessIn(sel));
    private final Consumer<PredictionModel> modelListener = m -> ViewJob.inUi(scatter, this::modelChanged);

    /** What the mapping job hands to the UI thread: the map and its images, and the status line. */
    private record Mapped(Embedding map, ImageSet images, String message) {
    }

    @Override
    public void createPartControl(Composite parent) {
        models = getSite().getService(ModelAccess.class);
        GridLayoutFactory.swtDefaults().margins(6, 6).applyTo(parent);
        controls = new ProjectorControls(parent);
        // an epoch's model is mapped at once (with the controls' settings); the canvas's drawing is placed only in
        // a map of the current model, the one that guesses it
        // in the settings row (wrapping with it), so the map keeps its height in a short view
        slider = new EpochSlider(controls.row(), getSite(), models, m -> {
            notice = null;
            epochModel = m;
            compute();
        }, problem -> {
            notice = problem;
            setStatus(status.getText());
        });
        slider.setLayoutData(new org.eclipse.swt.layout.RowData(300, SWT.DEFAULT));
        status = new Label(parent, SWT.WRAP);
        status.setText("Loading the current model \u2026");
        status.setToolTipText("kNN label agreement: the share of images whose 10 nearest neighbours in the map mostly "
                + "share their label (1 = classes in clean clusters)");
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(status);
        scatter = new ScatterCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scatter);
        controls.map.addListener(SWT.Selection, e -> compute());
        controls.cancel.addListener(SWT.Selection, e -> {
            if (running != null) cancelled(running, "Cancelled.");
        });
        scatter.setSelectListener(this::selected);
        scatter.setOpenListener(this::openInCanvas);
        getSite().setSelectionProvider(selection);
        ExportActions.contribute(getViewSite(), scatter, "projector");
        ExportActions.contributeCsv(getViewSite(), "Map", "projector", () -> {
            Embedding m = scatter.map();
            return m == null ? null : m.csv();
        });
        ISelectionService selections = getSite().getWorkbenchWindow().getSelectionService();
        selections.addSelectionListener(DigitLabViews.CANVAS, guessListener);
        models.addListener(modelListener);
        models.start();
        modelChanged();
    }

    /** The current model arrived or changed: list its layers; the first time, map it with the chosen settings. */
    private void modelChanged() {
        if (status == null || status.isDisposed()) return;
        PredictionModel model = models.current();
        if (model == null) return;
        if (model == lastCurrent) return; // a training snapshot, not a new current model
        lastCurrent = model;
        controls.setNetwork(model.snapshot().network());
        if (!mappedOnce) {
            mappedOnce = true;
            compute();
        } else if (running == null && model != shownModel && epochModel == null) {
            setStatus("The current model is now " + model.name() + "; press Map to map it.");
        }
    }

    /** Starts mapping with the controls' settings, cancelling a computation under way. UI thread. */
    public void compute() {
        PredictionModel model = epochModel != null ? epochModel : models.current();
        if (model == null) return;
        EmbedRequest request = controls.request();
        if (running != null) running.cancel();
        String key = modelKeys.computeIfAbsent(model.snapshot(), s -> "model-" + ++modelCount + ": " + model.name());
        EmbeddingCache.Key cacheKey = new EmbeddingCache.Key(key, request);
        String what = request.method().label() + " of layer " + Layers.describe(model.snapshot().network(), request.layer())
                + " over " + String.format(Locale.ROOT, "%,d", request.limit()) + " test images";
        ViewJob<Mapped> job = ViewJob.of("Projector: " + what, monitor -> map(model, cacheKey, what, monitor))
                .inProgressView();
        job.whenDone(mapped -> show(job, model, cacheKey, mapped))
                .whenFailed(e -> finished(job, "Cannot map " + model.name() + ": "
                        + (e.getMessage() == null ? e.toString() : e.getMessage())));
        running = job;
        controls.setRunning(true);
        setStatus(what + " \u2026");
        job.schedule(getSite(), scatter);
        // a cancel from the Progress view delivers no result: the status line says so
        job.job().addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (event.getResult().getSeverity() == IStatus.CANCEL) {
                    ViewJob.inUi(scatter, () -> cancelled(job, "Cancelled: " + what + "."));
                }
            }
        });
    }

    /** The job's work: the dataset, then the map (from the cache when it is there). Worker thread. */
    private Mapped map(PredictionModel model, EmbeddingCache.Key key, String what, IProgressMonitor monitor)
            throws IOException {
        monitor.beginTask(what, 1000);
        try {
            Dataset dataset = Datasets.load(model.datasetId() == null ? "mnist" : model.datasetId(), -1);
            ImageSet test = dataset.part(Split.TEST);
            EmbedRequest r = key.request();
            if (r.limit() > test.size()) {
                throw new IllegalArgumentException("the test set of " + dataset.id() + " has " + test.size()
                        + " images, fewer than " + r.limit());
            }
            Embedding result = cache.get(key);
            if (result != null) {
                return new Mapped(result, test, String.format(Locale.ROOT,
                        "%s of %s (kept from before); kNN label agreement %.3f", what, model.name(),
                        result.knnAgreement()));
            }
            long start = System.nanoTime();
            Model m = new Model(model.snapshot(), new ModelMetadata(dataset.id(), model.labels(),
                    model.normalization(), null, Map.of(), Instant.EPOCH, Map.of()));
            int threads = Runtime.getRuntime().availableProcessors();
            result = Embedder.embed(m, new ImageSetSource(test), r, cache.activations(key),
                    KernelSelector.create(threads), threads, progress(monitor));
            cache.put(key, result);
            return new Mapped(result, test, String.format(Locale.ROOT, "%s of %s in %.1f s; kNN label agreement %.3f",
                    what, model.name(), (System.nanoTime() - start) / 1e9, result.knnAgreement()));
        } finally {
            monitor.done();
        }
    }

    /** The map arrived: show it, with the drawing placed in it. UI thread. */
    private void show(ViewJob<Mapped> job, PredictionModel model, EmbeddingCache.Key key, Mapped mapped) {
        shownModel = model;
        shownLayer = key.request().layer();
        shownImages = mapped.images();
        scatter.setMap(mapped.map(), model.labels(), mapped.images());
        selection.setSelection(StructuredSelection.EMPTY);
        placeDrawing(guessIn(getSite().getWorkbenchWindow().getSelectionService().getSelection(DigitLabViews.CANVAS)));
        finished(job, mapped.message());
    }

    /** {@code job} ended with {@code text} for the status line (a newer job's status is left alone). UI thread. */
    private void finished(ViewJob<Mapped> job, String text) {
        if (running != job) return;
        running = null;
        controls.setRunning(false);
        setStatus(text);
    }

    /** Cancels {@code job} (if it is still the running one) and says so. UI thread. */
    private void cancelled(ViewJob<Mapped> job, String text) {
        job.cancel();
        finished(job, text);
    }

    private static Guess guessIn(ISelection selection) {
        return selection instanceof IStructuredSelection s && s.getFirstElement() instanceof Guess g ? g : null;
    }

    /** Shows {@code text} on the status line, laid out again so a long one wraps. */
    private void setStatus(String text) {
        String n = notice;
        status.setText(n == null || text.startsWith(n) ? text : n + "; mapping the current model. " + text);
        status.getParent().layout(true, true);
    }

    /** The job's monitor as the maths' progress: 1,000 ticks, the phase as sub-task, cancel from the monitor. */
    private static EmbedProgress progress(IProgressMonitor monitor) {
        return new EmbedProgress() {
            private int done;

            @Override
            public void report(String phase, double fraction) {
                int now = (int) Math.round(1000 * Math.min(1, fraction));
                if (now > done) {
                    monitor.worked(now - done);
                    done = now;
                }
                monitor.subTask(phase);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCanceled();
            }
        };
    }

    /** Puts the canvas's drawing into the map when the map is of the model that guessed it. UI thread. */
    private void placeDrawing(Guess g) {
        if (scatter == null || scatter.isDisposed()) return;
        Embedding map = scatter.map();
        if (g == null || map == null || g.isEmpty() || g.model() == null || g.activations() == null
                || shownModel == null || g.model().snapshot() != shownModel.snapshot()) {
            scatter.setDrawing(null);
            return;
        }
        // light work: one row against the map's points (a few hundred thousand multiply-adds)
        scatter.setDrawing(map.placer().place(g.activations()[shownLayer - 1]));
    }

    private void selected(int i) {
        Embedding map = scatter.map();
        if (i < 0 || map == null) {
            selection.setSelection(StructuredSelection.EMPTY);
            return;
        }
        selection.setSelection(new StructuredSelection(image(map, i)));
    }

    private ProjectedImage image(Embedding map, int i) {
        int index = map.points().indices()[i];
        float[] ink = new float[shownImages.pixelsPerImage()];
        shownImages.copyNormalized(index, ink, 0);
        return new ProjectedImage(index, shownModel.labels().get(map.points().labels()[i]),
                shownModel.labels().get(map.points().guesses()[i]), ink, shownImages.width(), shownImages.height());
    }

    /** Loads point {@code i}'s image into the canvas exactly, as the Dataset view does. */
    private void openInCanvas(int i) {
        Embedding map = scatter.map();
        if (map == null) return;
        ProjectedImage p = image(map, i);
        try {
            DigitCanvasView canvas = (DigitCanvasView) getSite().getPage().showView(DigitLabViews.CANVAS);
            canvas.load(Drawing.ofDatasetImage(p.pixels(), p.width(), p.height(),
                    "test image #" + p.index() + " (label " + p.label() + ")"));
        } catch (PartInitException e) {
            status.setText("Cannot open the canvas: " + e.getMessage());
        }
    }

    /** The epoch slider (for tests). */
    public EpochSlider epochSlider() {
        return slider;
    }

    /** The scatter plot (for tests). */
    public ScatterCanvas scatter() {
        return scatter;
    }

    /** The settings row (for tests). */
    public ProjectorControls controls() {
        return controls;
    }

    /** The status line's text (for tests). */
    public String statusText() {
        return status.getText();
    }

    /** True while a map is being computed (for tests). */
    public boolean isComputing() {
        return running != null;
    }

    @Override
    public void setFocus() {
        scatter.setFocus();
    }

    @Override
    public void dispose() {
        if (running != null) running.cancel();
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(DigitLabViews.CANVAS, guessListener);
        models.removeListener(modelListener);
        super.dispose();
    }
}

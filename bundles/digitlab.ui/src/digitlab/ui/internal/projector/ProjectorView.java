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
import digitlab.ui.internal.canvas.CanvasSession;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.canvas.Guess;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.eclipse.ui.progress.UIJob;

/**
 * Projector: where the current model puts the test images in one layer's space, mapped to 2-D with PCA or
 * t-SNE (digitlab.embed), with the user's drawing as a point among them. The map is computed by a job that the
 * view shows as busy and the Cancel button (or the Progress view) stops; finished maps are kept per model, layer,
 * number of images and settings for as long as the view is open.
 */
public final class ProjectorView extends ViewPart {

    /** The view's id. */
    public static final String ID = DigitLabViews.PROJECTOR;

    private final EmbeddingCache cache = new EmbeddingCache(8);
    /** Cache keys of the models seen: one per snapshot, never shared (a snapshot is immutable). */
    private final Map<ModelSnapshot, String> modelKeys = new WeakHashMap<>();
    /** Numbers the keys: a key is never given twice, even after its model is gone. */
    private long modelCount;
    private final SelectionSource selection = new SelectionSource();
    private Display display;
    private ProjectorControls controls;
    private Label status;
    private ScatterCanvas scatter;
    private Job running;
    private PredictionModel shownModel;
    private int shownLayer;
    private ImageSet shownImages;
    private boolean mappedOnce;
    private PredictionModel lastCurrent;
    private final Consumer<Guess> guessListener = g -> placeDrawing(g);
    private final Consumer<PredictionModel> modelListener = m -> {
        Display d = display;
        if (d != null && !d.isDisposed()) d.asyncExec(this::modelChanged);
    };

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.swtDefaults().margins(6, 6).applyTo(parent);
        controls = new ProjectorControls(parent);
        status = new Label(parent, SWT.WRAP);
        status.setText("Loading the current model \u2026");
        status.setToolTipText("kNN label agreement: the share of images whose 10 nearest neighbours in the map mostly "
                + "share their label (1 = classes in clean clusters)");
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(status);
        scatter = new ScatterCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scatter);
        controls.map.addListener(SWT.Selection, e -> compute());
        controls.cancel.addListener(SWT.Selection, e -> {
            if (running != null) running.cancel();
        });
        scatter.setSelectListener(this::selected);
        scatter.setOpenListener(this::openInCanvas);
        getSite().setSelectionProvider(selection);
        ExportActions.contribute(getViewSite(), scatter, "projector");
        ExportActions.contributeCsv(getViewSite(), "Map", "projector", () -> {
            Embedding m = scatter.map();
            return m == null ? null : m.csv();
        });
        CanvasSession.shared().addGuessListener(guessListener);
        ModelAccess.shared().addListener(modelListener);
        ModelAccess.shared().start();
        modelChanged();
    }

    /** The current model arrived or changed: list its layers; the first time, map it with the chosen settings. */
    private void modelChanged() {
        if (status == null || status.isDisposed()) return;
        PredictionModel model = ModelAccess.shared().current();
        if (model == null) return;
        if (model == lastCurrent) return; // a training snapshot, not a new current model
        lastCurrent = model;
        controls.setNetwork(model.snapshot().network());
        if (!mappedOnce) {
            mappedOnce = true;
            compute();
        } else if (running == null && model != shownModel) {
            setStatus("The current model is now " + model.name() + "; press Map to map it.");
        }
    }

    /** Starts mapping with the controls' settings, cancelling a computation under way. UI thread. */
    public void compute() {
        PredictionModel model = ModelAccess.shared().current();
        if (model == null) return;
        EmbedRequest request = controls.request();
        if (running != null) running.cancel();
        String key = modelKeys.computeIfAbsent(model.snapshot(), s -> "model-" + ++modelCount + ": " + model.name());
        EmbeddingCache.Key cacheKey = new EmbeddingCache.Key(key, request);
        String what = request.method().label() + " of layer " + Layers.describe(model.snapshot().network(), request.layer())
                + " over " + String.format(Locale.ROOT, "%,d", request.limit()) + " test images";
        Job job = new Job("Projector: " + what) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return map(model, cacheKey, what, monitor, this);
            }
        };
        job.setPriority(Job.LONG);
        running = job;
        controls.setRunning(true);
        setStatus(what + " \u2026");
        getSite().getService(IWorkbenchSiteProgressService.class).schedule(job);
    }

    /** The job's work: the dataset, then the map (from the cache when it is there). Worker thread. */
    private IStatus map(PredictionModel model, EmbeddingCache.Key key, String what, IProgressMonitor monitor, Job job) {
        monitor.beginTask(what, 1000);
        String message;
        Embedding result = null;
        ImageSet test = null;
        try {
            Dataset dataset = Datasets.load(model.datasetId() == null ? "mnist" : model.datasetId(), -1);
            test = dataset.part(Split.TEST);
            EmbedRequest r = key.request();
            if (r.limit() > test.size()) {
                throw new IllegalArgumentException("the test set of " + dataset.id() + " has " + test.size()
                        + " images, fewer than " + r.limit());
            }
            result = cache.get(key);
            if (result == null) {
                long start = System.nanoTime();
                Model m = new Model(model.snapshot(), new ModelMetadata(dataset.id(), model.labels(),
                        model.normalization(), null, Map.of(), Instant.EPOCH, Map.of()));
                int threads = Runtime.getRuntime().availableProcessors();
                result = Embedder.embed(m, new ImageSetSource(test), r, cache.activations(key),
                        KernelSelector.create(threads), threads, progress(monitor));
                cache.put(key, result);
                message = String.format(Locale.ROOT, "%s of %s in %.1f s; kNN label agreement %.3f", what,
                        model.name(), (System.nanoTime() - start) / 1e9, result.knnAgreement());
            } else {
                message = String.format(Locale.ROOT, "%s of %s (kept from before); kNN label agreement %.3f", what,
                        model.name(), result.knnAgreement());
            }
        } catch (CancellationException e) {
            message = "Cancelled: " + what + ".";
        } catch (Exception e) {
            message = "Cannot map " + model.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            monitor.done();
        }
        Embedding shown = result;
        ImageSet images = test;
        String text = message;
        new UIJob(display, "Projector: showing the map") {
            @Override
            public IStatus runInUIThread(IProgressMonitor m) {
                if (status.isDisposed()) return Status.CANCEL_STATUS;
                if (running == job) {
                    running = null;
                    controls.setRunning(false);
                }
                if (shown != null) {
                    shownModel = model;
                    shownLayer = key.request().layer();
                    shownImages = images;
                    scatter.setMap(shown, model.labels(), images);
                    selection.setSelection(StructuredSelection.EMPTY);
                    placeDrawing(CanvasSession.shared().latest());
                }
                if (running == null || running == job) setStatus(text);
                return Status.OK_STATUS;
            }
        }.schedule();
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    /** Shows {@code text} on the status line, laid out again so a long one wraps. */
    private void setStatus(String text) {
        status.setText(text);
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
        CanvasSession.shared().load(Drawing.ofDatasetImage(p.pixels(), p.width(), p.height(),
                "test image #" + p.index() + " (label " + p.label() + ")"));
        try {
            getSite().getPage().showView(DigitLabViews.CANVAS);
        } catch (PartInitException e) {
            status.setText("Cannot open the canvas: " + e.getMessage());
        }
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
        CanvasSession.shared().removeGuessListener(guessListener);
        ModelAccess.shared().removeListener(modelListener);
        super.dispose();
    }
}

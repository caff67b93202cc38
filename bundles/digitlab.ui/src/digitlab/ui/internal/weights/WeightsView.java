package digitlab.ui.internal.weights;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import digitlab.ui.ViewJob;
import digitlab.ui.internal.UiThrottle;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.heatmap.ColorLegend;
import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.model.FollowTrainingAction;
import digitlab.ui.internal.model.EpochSlider;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;

/**
 * Weight heatmaps of the current model. The first hidden layer shows each neuron's incoming
 * weights as a 28x28 image in a grid; deeper layers show their weight matrix. Diverging colours
 * (blue negative, white zero, red positive) with a legend; one shared scale or one per neuron.
 * Hover names a neuron and its statistics; a click opens it large.
 *
 * <p>Pictures are rendered by a job off the UI thread; while a run trains, new snapshots re-render
 * at most twice a second ({@link UiThrottle}).
 */
public final class WeightsView extends ViewPart {

    /** Least time between two re-renders while the model changes (training). */
    public static final int REFRESH_MS = 500;

    private static final String MEMENTO_SHARED = "sharedScale";
    private static final String MEMENTO_LAYER = "layer";

    private Combo layerCombo;
    private Label info;
    private ScrolledComposite scroller;
    private Canvas picture;
    private ColorLegend legend;
    private Image image;
    private WeightPicture shown;
    private boolean shared = true;
    private FollowTrainingAction follow;
    private int layer;
    private UiThrottle refresh;
    /** The workbench's models (a workbench service, see ModelAccess). */
    private ModelAccess models;
    /** Renders pictures off the UI thread; only the newest request counts. */
    private final ViewJob.Latest rendering = new ViewJob.Latest();
    private List<String> titles = List.of();
    /** The class labels when the output layer is shown (its neurons are the classes), else null. */
    private List<String> rowLabels;
    private List<String> nextRowLabels;
    private final Consumer<PredictionModel> modelListener = m -> refresh.request();
    private int renders;
    /** Time travel: the run's epochs. */
    private EpochSlider slider;
    /** The model of the epoch the slider shows, or null to show the usual one. */
    private PredictionModel epochModel;
    /** What the slider last could not show (a deleted run ...), shown before the line above the picture; or null. */
    private String notice;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        models = site.getService(ModelAccess.class);
        follow = new FollowTrainingAction(memento, true,
                "Show the weights of a run while it trains (else those of the current model)", this::render);
        if (memento != null) {
            if (memento.getBoolean(MEMENTO_SHARED) != null) shared = memento.getBoolean(MEMENTO_SHARED);
            if (memento.getInteger(MEMENTO_LAYER) != null) layer = Math.max(0, memento.getInteger(MEMENTO_LAYER));
        }
    }

    @Override
    public void saveState(IMemento memento) {
        memento.putBoolean(MEMENTO_SHARED, shared);
        memento.putInteger(MEMENTO_LAYER, layer);
        follow.saveState(memento);
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(3).margins(6, 6).applyTo(parent);
        new Label(parent, SWT.NONE).setText("Layer:");
        layerCombo = new Combo(parent, SWT.READ_ONLY);
        digitlab.ui.internal.WheelGuard.install(layerCombo);
        layerCombo.addListener(SWT.Selection, e -> {
            layer = layerCombo.getSelectionIndex();
            render();
        });
        info = new Label(parent, SWT.WRAP);
        // a width hint lets the label take what the row leaves and wrap a long model name instead of cutting it
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(100, SWT.DEFAULT)
                .applyTo(info);
        slider = new EpochSlider(parent, getSite(), models, m -> {
            notice = null;
            epochModel = m;
            render();
        }, problem -> {
            notice = problem;
            showInfo(info.getText());
        });
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(slider);

        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(scroller);
        picture = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
        scroller.setContent(picture);
        picture.addPaintListener(e -> digitlab.ui.internal.UiTimings.time("weights: paint", () -> paint(e.gc)));
        picture.addListener(SWT.MouseHover, this::hover);
        picture.addListener(SWT.MouseMove, e -> picture.setToolTipText(null));
        picture.addListener(SWT.MouseDown, this::click);
        scroller.addListener(SWT.Resize, e -> render());

        legend = new ColorLegend(parent, ColorMap.DIVERGING);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(legend);

        IAction sharedAction = new Action("Shared scale", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                shared = isChecked();
                render();
            }
        };
        sharedAction.setChecked(shared);
        sharedAction.setToolTipText("One colour scale for all neurons (unchecked: each neuron its own)");
        getViewSite().getActionBars().getToolBarManager().add(sharedAction);
        getViewSite().getActionBars().getMenuManager().add(sharedAction);
        getViewSite().getActionBars().getMenuManager().add(follow);
        ExportActions.contribute(getViewSite(), parent, "weights");

        refresh = new UiThrottle(parent, REFRESH_MS, this::render);
        models.addListener(modelListener);
        models.start();
        render();
    }

    /** Asks the job for a picture of the current state (UI thread). */
    private void render() {
        if (picture == null || picture.isDisposed()) return;
        PredictionModel model = epochModel != null ? epochModel : follow.shown(models);
        if (model == null) {
            setPicture(null);
            showInfo("No model yet \u2014 train one or open a model file.");
            return;
        }
        List<String> newTitles = WeightLayers.titles(model.snapshot());
        if (!newTitles.equals(titles)) {
            titles = newTitles;
            layerCombo.setItems(titles.toArray(new String[0]));
            layerCombo.getParent().layout();
        }
        if (titles.isEmpty()) {
            setPicture(null);
            showInfo("This model has no weight matrices to show.");
            return;
        }
        if (layer >= titles.size()) layer = 0;
        if (layerCombo.getSelectionIndex() != layer) layerCombo.select(layer);
        Rectangle area = scroller.getClientArea();
        nextRowLabels = layer == titles.size() - 1 ? model.labels() : null;
        Request r = new Request(model, layer, shared, Math.max(100, area.width), Math.max(100, area.height));
        rendering.schedule(ViewJob.of("Rendering weight heatmaps", monitor -> {
            WeightLayers.Matrix m = WeightLayers.matrix(r.model.snapshot(), r.layer);
            return new Rendered(m, WeightPicture.render(m, r.shared, r.width, r.height));
        }).whenDone(done -> {
                    WeightLayers.Matrix m = done.matrix();
                    WeightPicture p = done.picture();
                    digitlab.ui.internal.UiTimings.time("weights: picture swap", () -> setPicture(p));
                    showInfo(r.model.name() + (p.tiles() ? "  \u00b7  " + m.units() : "  \u00b7  "
                            + m.rows() + " \u00d7 " + m.cols() + " weights"));
                }), getSite(), picture);
    }

    /**
     * The line beside the layer chooser, wrapped when the view is narrow; laid out again for its new height. After
     * the slider's notice, if there is one.
     */
    private void showInfo(String text) {
        String n = notice;
        String shown = n == null || text.startsWith(n) ? text : n + "; showing the usual model. " + text;
        if (shown.equals(info.getText())) return;
        info.setText(shown);
        info.setToolTipText(shown);
        info.getParent().layout(true);
    }

    private record Request(PredictionModel model, int layer, boolean shared, int width, int height) {
    }

    private record Rendered(WeightLayers.Matrix matrix, WeightPicture picture) {
    }

    private void setPicture(WeightPicture p) {
        List<String> labels = nextRowLabels;
        rowLabels = p != null && labels != null && labels.size() == p.matrix().rows() ? labels : null;
        if (image != null) image.dispose();
        image = null;
        shown = p;
        if (p != null) {
            image = new Image(picture.getDisplay(), p.data());
            renders++;
            legend.setRange(p.range(0), p.shared() ? "shared scale" : "scale of neuron 0 (each has its own)");
        }
        Point size = p == null ? new Point(1, 1) : p.tiles() ? p.atlas().size() : matrixLayout().size();
        picture.setSize(size);
        scroller.setMinSize(size);
        picture.redraw();
    }

    /** The layout of the matrix picture shown, to fill the scroller's area. */
    private MatrixLayout matrixLayout() {
        Rectangle area = scroller.getClientArea();
        GC gc = new GC(picture);
        try {
            return MatrixLayout.of(gc, shown.matrix().rows(), shown.matrix().cols(), area.width, area.height);
        } finally {
            gc.dispose();
        }
    }

    private void paint(GC gc) {
        gc.setBackground(picture.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(picture.getClientArea());
        if (image == null) return;
        if (shown.tiles()) gc.drawImage(image, 0, 0);
        else matrixLayout().paint(gc, image, rowLabels);
    }

    private void hover(Event e) {
        if (shown == null) return;
        if (shown.tiles()) {
            int t = shown.atlas().tileAt(e.x, e.y);
            if (t >= 0) {
                picture.setToolTipText(shown.matrix().unitName(t) + "\n" + shown.stats(t).describe() + "\nClick to enlarge");
            }
        } else {
            Point c = matrixLayout().cellAt(e.x, e.y);
            if (c != null) {
                String neuron = rowLabels != null && c.y < rowLabels.size() ? "output " + rowLabels.get(c.y) : "neuron " + c.y;
                picture.setToolTipText(String.format("%s, input %d: weight %.4f", neuron, c.x,
                        shown.matrix().weight()[c.y * shown.matrix().cols() + c.x]));
            }
        }
    }

    private void click(Event e) {
        if (shown == null || !shown.tiles() || e.button != 1) return;
        int t = shown.atlas().tileAt(e.x, e.y);
        if (t >= 0) new NeuronDialog(picture.getShell(), shown.matrix(), t).open();
    }

    /** The line above the picture: the model's name and the layer's size (for tests). */
    public String infoText() {
        return info.getText();
    }

    /** The picture shown (for tests), or null. */
    public WeightPicture shownPicture() {
        return shown;
    }

    /** The epoch slider (for tests). */
    public EpochSlider epochSlider() {
        return slider;
    }

    /** How many pictures were put on screen (for tests of throttled refreshing). */
    public int renderCount() {
        return renders;
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void dispose() {
        if (models != null) models.removeListener(modelListener);
        if (refresh != null) refresh.dispose();
        rendering.cancel();
        if (image != null) image.dispose();
        super.dispose();
    }
}

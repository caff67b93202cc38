package digitlab.ui.internal.canvas;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.part.ViewPart;

import digitlab.nn.Layer;
import digitlab.nn.Network;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.heatmap.ColorLegend;
import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.heatmap.ValueRange;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;

/**
 * Network activity: for the digit on the canvas, the activation of every hidden neuron, one grid
 * per hidden layer (the outputs of the activation layers that follow a layer with weights). It
 * follows the canvas's guesses (the Digit Canvas's workbench selection); it computes nothing itself.
 */
public final class ActivityView extends ViewPart {

    private ScrolledComposite scroller;
    private Composite content;
    private Label message;
    private final List<ActivityPanel> panels = new ArrayList<>();
    private final List<Integer> layerIndices = new ArrayList<>();
    private Network shownNetwork;
    /** The canvas's guesses: the selection of the Digit Canvas's part (see DigitCanvasView's selection). */
    private final ISelectionListener listener = (part, selection) -> show(guessIn(selection));
    private ModelAccess models;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(8, 8).spacing(4, 10).applyTo(content);
        scroller.setContent(content);
        message = new Label(content, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(message);
        scroller.addListener(SWT.Resize, e -> relayout());
        ColorLegend legend = new ColorLegend(parent, ColorMap.SEQUENTIAL);
        legend.setRange(new ValueRange(0, 1), "activation as a share of its layer's strongest neuron");
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).hint(SWT.DEFAULT, SWT.DEFAULT).applyTo(legend);
        models = getSite().getService(ModelAccess.class);
        models.start();
        ISelectionService selections = getSite().getWorkbenchWindow().getSelectionService();
        selections.addSelectionListener(DigitLabViews.CANVAS, listener);
        ExportActions.contribute(getViewSite(), parent, "network-activity");
        show(guessIn(selections.getSelection(DigitLabViews.CANVAS)));
    }

    /** Which layers count as hidden layers to show: activation outputs after a layer with weights. */
    static List<Integer> hiddenLayers(Network network) {
        List<Integer> out = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int i = 1; i < layers.size() - 1; i++) {
            Layer l = layers.get(i);
            String t = l.type();
            if (l.parameterCount() == 0 && !t.equals("dropout") && !t.equals("softmax")
                    && layers.get(i - 1).parameterCount() > 0) {
                out.add(i);
            }
        }
        return out;
    }

    private static Guess guessIn(ISelection selection) {
        return selection instanceof IStructuredSelection s && s.getFirstElement() instanceof Guess g ? g : null;
    }

    private void show(Guess g) {
        if (content == null || content.isDisposed()) return;
        PredictionModel model = g != null && g.model() != null ? g.model() : models.current();
        Network network = model == null ? null : model.snapshot().network();
        if (network != shownNetwork) rebuildPanels(network);
        if (g == null || g.activations() == null) {
            message.setText(model == null ? "No model yet \u2014 train one or open a model file."
                    : g == null || g.isEmpty() ? "Draw a digit on the canvas to see which neurons fire."
                            : "Waiting for a guess\u2026");
            for (ActivityPanel p : panels) p.setValues(null);
        } else {
            message.setText("Activations for the digit on the canvas (guess: " + g.bestLabel() + ")");
            for (int k = 0; k < panels.size(); k++) {
                int layer = layerIndices.get(k);
                panels.get(k).setValues(layer < g.activations().length ? g.activations()[layer] : null);
            }
        }
        relayout();
    }

    private void rebuildPanels(Network network) {
        for (ActivityPanel p : panels) p.dispose();
        panels.clear();
        layerIndices.clear();
        shownNetwork = network;
        if (network == null) return;
        int n = 1;
        for (int layer : hiddenLayers(network)) {
            Layer l = network.layers().get(layer);
            ActivityPanel p = new ActivityPanel(content, "Hidden layer " + n++ + " (" + l.type() + ")", l.outputShape());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(p);
            panels.add(p);
            layerIndices.add(layer);
        }
    }

    private void relayout() {
        if (content.isDisposed()) return;
        int width = scroller.getClientArea().width;
        fitCells(width, scroller.getClientArea().height);
        Point size = content.computeSize(width, SWT.DEFAULT);
        scroller.setMinSize(size);
        content.layout(true, true);
    }

    /** The largest cell size at which every layer's grid fits the view's height (the smallest when none does). */
    private void fitCells(int width, int height) {
        if (panels.isEmpty() || width <= 0) return;
        int header = panels.get(0).headerHeight();
        int fixed = message.computeSize(width - 16, SWT.DEFAULT).y + 16 + 10 * panels.size();
        int side = ActivityPanel.MIN_CELL;
        for (int s = ActivityPanel.MAX_CELL; s > ActivityPanel.MIN_CELL; s--) {
            int total = fixed;
            for (int k = 0; k < panels.size(); k++) {
                total += panels.get(k).heightFor(neurons(k), width - 16, s, header);
            }
            if (total <= height) {
                side = s;
                break;
            }
        }
        for (ActivityPanel p : panels) p.setCell(side);
    }

    /** Neurons of panel {@code k}: its values, or its layer's width before the first guess. */
    private int neurons(int k) {
        ActivityPanel p = panels.get(k);
        if (p.neurons() > 0 || shownNetwork == null) return p.neurons();
        return shownNetwork.layers().get(layerIndices.get(k)).outputShape().size();
    }

    /** The panels' values (for tests): one array per hidden layer. */
    public List<float[]> shownActivations() {
        List<float[]> out = new ArrayList<>();
        for (ActivityPanel p : panels) out.add(p.values());
        return out;
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(DigitLabViews.CANVAS, listener);
        super.dispose();
    }
}

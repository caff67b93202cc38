package digitlab.ui.internal.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import digitlab.nn.Layer;
import digitlab.nn.Network;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;

/**
 * Network activity: for the digit on the canvas, the activation of every hidden neuron, one grid
 * per hidden layer (the outputs of the activation layers that follow a layer with weights). It
 * follows the canvas's guesses; it computes nothing itself.
 */
public final class ActivityView extends ViewPart {

    /** The view id. */
    public static final String ID = "digitlab.ui.views.activity";

    private ScrolledComposite scroller;
    private Composite content;
    private Label message;
    private final List<ActivityPanel> panels = new ArrayList<>();
    private final List<Integer> layerIndices = new ArrayList<>();
    private Network shownNetwork;
    private final Consumer<Guess> listener = this::show;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(8, 8).spacing(4, 10).applyTo(content);
        scroller.setContent(content);
        message = new Label(content, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(message);
        scroller.addListener(SWT.Resize, e -> relayout());
        CanvasSession.shared().addGuessListener(listener);
        ModelAccess.shared().start();
        ExportActions.contribute(getViewSite(), parent, "network-activity");
        show(CanvasSession.shared().latest());
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

    private void show(Guess g) {
        if (content == null || content.isDisposed()) return;
        PredictionModel model = g != null && g.model() != null ? g.model() : ModelAccess.shared().current();
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
        Point size = content.computeSize(width, SWT.DEFAULT);
        scroller.setMinSize(size);
        content.layout(true, true);
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
        CanvasSession.shared().removeGuessListener(listener);
        super.dispose();
    }
}

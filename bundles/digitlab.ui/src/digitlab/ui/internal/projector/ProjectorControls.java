package digitlab.ui.internal.projector;

import digitlab.embed.EmbedMethod;
import digitlab.embed.EmbedRequest;
import digitlab.embed.Layers;
import digitlab.embed.TsneSettings;
import digitlab.nn.Network;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;

/**
 * The Projector's settings row: layer, method, number of images, t-SNE's perplexity and iterations, and the
 * Map / Cancel buttons. Builds an {@link EmbedRequest}; knows no jobs. UI thread only.
 */
public final class ProjectorControls {

    /** A control of the row. */
    public final Combo layer;
    /** A control of the row. */
    public final Combo method;
    /** A control of the row. */
    public final Spinner images;
    /** A control of the row. */
    public final Spinner perplexity;
    /** A control of the row. */
    public final Spinner iterations;
    /** A control of the row. */
    public final Button map;
    /** A control of the row. */
    public final Button cancel;
    private final Composite row;
    private Network network;

    ProjectorControls(Composite parent) {
        // a row that wraps in a narrow view, each label staying with its control
        row = new Composite(parent, SWT.NONE);
        RowLayout wrap = new RowLayout(SWT.HORIZONTAL);
        wrap.wrap = true;
        wrap.center = true;
        wrap.marginLeft = wrap.marginRight = wrap.marginTop = wrap.marginBottom = 0;
        wrap.spacing = 10;
        row.setLayout(wrap);
        layer = new Combo(pair("Layer"), SWT.READ_ONLY);
        // as wide as a dense layer's name; a convolution's long spec shows in the list, not in the row
        GridDataFactory.swtDefaults().hint(190, SWT.DEFAULT).applyTo(layer);
        method = new Combo(pair("Method"), SWT.READ_ONLY);
        for (EmbedMethod m : EmbedMethod.values()) method.add(m.label());
        method.select(0);
        images = spinner(pair("Images"), 100, 10_000, EmbedRequest.DEFAULT_LIMIT, 100);
        perplexity = spinner(pair("Perplexity"), 2, 100, (int) TsneSettings.DEFAULT.perplexity(), 5);
        iterations = spinner(pair("Iterations"), 50, 5000, TsneSettings.DEFAULT.iterations(), 50);
        Composite buttons = pair(null);
        map = new Button(buttons, SWT.PUSH);
        map.setText("Map");
        map.setToolTipText("Compute the map with these settings (in the background)");
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        method.addListener(SWT.Selection, e -> updateEnablement());
        updateEnablement();
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(row); // wraps to the view's width
    }

    /** The wrapping row itself, for a view's own control to join it (the epoch slider). */
    Composite row() {
        return row;
    }

    /** A small group of the row: a label (if any) and what is added to it after. */
    private Composite pair(String label) {
        Composite c = new Composite(row, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(5, 0).applyTo(c);
        if (label != null) new Label(c, SWT.NONE).setText(label);
        return c;
    }

    private static Spinner spinner(Composite parent, int min, int max, int value, int step) {
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, step, step * 10);
        return s;
    }

    private void updateEnablement() {
        boolean tsne = selectedMethod() == EmbedMethod.TSNE;
        perplexity.setEnabled(tsne);
        iterations.setEnabled(tsne);
    }

    /** Lists {@code net}'s layers (keeping the chosen one when the shape allows), the last hidden one by default. */
    void setNetwork(Network net) {
        if (net == network) return;
        int keep = network != null && layer.getSelectionIndex() >= 0 ? layer.getSelectionIndex() + 1 : -1;
        boolean sameLayers = network != null && network.layers().size() == net.layers().size();
        network = net;
        layer.removeAll();
        for (int n = 1; n <= net.layers().size(); n++) layer.add(Layers.describe(net, n));
        layer.select((sameLayers && keep > 0 ? keep : Layers.lastHidden(net)) - 1);
        row.getParent().layout(true, true);
    }

    EmbedMethod selectedMethod() {
        return EmbedMethod.values()[Math.max(0, method.getSelectionIndex())];
    }

    /** The request the controls describe (layer 1-based). */
    EmbedRequest request() {
        TsneSettings t = TsneSettings.DEFAULT.withPerplexity(perplexity.getSelection()).withIterations(iterations.getSelection());
        return new EmbedRequest(layer.getSelectionIndex() + 1, images.getSelection(), selectedMethod(), t);
    }

    /** Enables Map or Cancel, as a computation is running or not. */
    void setRunning(boolean running) {
        map.setEnabled(!running);
        cancel.setEnabled(running);
    }
}

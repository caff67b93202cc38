package digitlab.ui.internal.weights;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import digitlab.ui.internal.heatmap.ColorLegend;
import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.heatmap.TileAtlas;
import digitlab.ui.internal.heatmap.ValueRange;

/** A large view of one neuron's incoming weights (as an image), with its own scale and statistics. */
final class NeuronDialog extends Dialog {

    private static final int ZOOM = 12;

    private final WeightLayers.Matrix matrix;
    private final int neuron;
    private Image image;

    NeuronDialog(Shell parent, WeightLayers.Matrix matrix, int neuron) {
        super(parent);
        this.matrix = matrix;
        this.neuron = neuron;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(matrix.unitName(neuron) + " \u2014 " + matrix.title());
        shell.addDisposeListener(e -> {
            if (image != null) image.dispose();
        });
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        int side = WeightPicture.imageSide(matrix.cols());
        int n = matrix.cols();
        float[] w = new float[n];
        System.arraycopy(matrix.weight(), neuron * n, w, 0, n);
        ValueRange range = ValueRange.symmetric(w, 0, n);
        TileAtlas atlas = new TileAtlas(1, 1, side, side, ZOOM, 0);
        ImageData data = atlas.paint(w, new ValueRange[] {range}, ColorMap.DIVERGING, ColorMap.SIZE / 2);
        image = new Image(parent.getDisplay(), data);
        Canvas canvas = new Canvas(area, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> e.gc.drawImage(image, 0, 0));
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).hint(side * ZOOM, side * ZOOM).applyTo(canvas);
        ColorLegend legend = new ColorLegend(area, ColorMap.DIVERGING);
        legend.setRange(range, "this neuron's scale");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(legend);
        Label stats = new Label(area, SWT.WRAP);
        stats.setText(NeuronStats.of(matrix.weight(), neuron * n, n,
                matrix.biasOf(neuron)).describe()
                + "\nRed pixels excite the neuron when inked, blue ones inhibit it.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(stats);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}

package digitlab.analysis.saliency.internal;

import digitlab.analysis.saliency.SaliencyMap;
import digitlab.analysis.saliency.SaliencyMaps;
import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.preprocess.PreprocessedDigit;
import digitlab.nn.kernel.KernelSelector;
import digitlab.train.CurrentModel;
import digitlab.train.Datasets;
import digitlab.train.ModelListener;
import digitlab.train.ModelService;
import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * The Saliency view: for the digit drawn in the Digit Canvas (or a random MNIST test digit), which pixels
 * most change the current model's guess, by gradient or by occlusion ({@link SaliencyMaps}).
 *
 * <p>Inputs, all through public API: the drawing from the workbench selection (any selected element that
 * is, or adapts to, a {@link PreprocessedDigit}: the Digit Canvas publishes its preprocessed digit that way)
 * and the model from {@link ModelService}. The maps are computed by the lab's background idiom
 * ({@link ViewJob}), newest request wins; the UI thread only paints.
 */
public final class SaliencyView extends ViewPart {

    private Combo method;
    private Label status;
    private SaliencyCanvas canvas;
    private volatile float[] pixels;
    private final ISelectionListener selectionListener = this::selectionChanged;
    /** A model changes on a model-service thread: the map is recomputed from the UI thread. */
    private final ModelListener modelListener = current -> ViewJob.inUi(canvas, this::recompute);
    /** Newest wins: a new drawing, model or method replaces the map being computed. */
    private final ViewJob.Latest computing = new ViewJob.Latest();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        method = new Combo(parent, SWT.READ_ONLY);
        method.setItems("Gradient (d log p / d pixel)", "Occlusion (5x5 patches)");
        method.select(0);
        method.setToolTipText("Gradient: one backward pass, how a small change of each pixel moves the guess.\n"
                + "Occlusion: blank each 5x5 patch and measure how much the guess drops.");
        method.addListener(SWT.Selection, e -> recompute());
        Button sample = new Button(parent, SWT.PUSH);
        sample.setText("Random test digit");
        sample.setToolTipText("Show the map for a random digit of the MNIST test set");
        sample.addListener(SWT.Selection, e -> loadRandomTestDigit());
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new SaliencyCanvas(parent);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        setStatus("Draw a digit in the Digit Canvas, or press \"Random test digit\".");

        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(selectionListener);
        ModelService.get().addListener(modelListener);
        // Opening this view activates it, so the window's selection is no longer the canvas's: ask the canvas
        // for its digit by the view id (a digit drawn before this view opened is shown at once).
        ISelection current = getSite().getWorkbenchWindow().getSelectionService().getSelection(DigitLabViews.CANVAS);
        if (current == null || current.isEmpty()) current = getSite().getWorkbenchWindow().getSelectionService().getSelection();
        if (current != null) selectionChanged(null, current);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(selectionListener);
        ModelService.get().removeListener(modelListener);
        computing.cancel();
        super.dispose();
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == this || !(selection instanceof IStructuredSelection s) || s.isEmpty()) return;
        PreprocessedDigit digit = Adapters.adapt(s.getFirstElement(), PreprocessedDigit.class);
        if (digit == null) return;
        pixels = digit.pixels();
        recompute();
    }

    private void loadRandomTestDigit() {
        ViewJob.of("Loading a test digit", monitor -> {
            Dataset mnist = Datasets.load("mnist", -1);
            ImageSet test = mnist.part(Split.TEST);
            float[] p = new float[test.pixelsPerImage()];
            test.copyNormalized(ThreadLocalRandom.current().nextInt(test.size()), p, 0);
            return p;
        }).whenDone(p -> {
            pixels = p;
            recompute();
        }).whenFailed(e -> setStatus("Cannot load a test digit: " + e.getMessage())).schedule(getSite(), canvas);
    }

    /** Starts a computation for the current pixels, model and method (cancelling a running one). UI thread. */
    private void recompute() {
        float[] p = pixels;
        if (p == null) return;
        SaliencyMaps.Method m = method.getSelectionIndex() == 1 ? SaliencyMaps.Method.OCCLUSION : SaliencyMaps.Method.GRADIENT;
        computing.schedule(ViewJob.of("Saliency map", monitor -> compute(m, p)).whenDone(r -> {
            canvas.show(p, r.map());
            setStatus(r.text());
        }).whenFailed(e -> setStatus("No saliency map: " + e.getMessage())), getSite(), canvas);
    }

    private record Computed(SaliencyMap map, String text) {
    }

    private static Computed compute(SaliencyMaps.Method m, float[] p) {
        CurrentModel current = ModelService.get().current();
        int side = (int) Math.round(Math.sqrt(p.length));
        SaliencyMap map = SaliencyMaps.compute(m, current.model().snapshot(),
                current.model().metadata().normalization(), p, side, side, KernelSelector.shared());
        String label = current.model().metadata().classLabels().size() > map.predicted()
                ? current.model().metadata().classLabels().get(map.predicted()) : Integer.toString(map.predicted());
        String text = String.format("Guess %s (%.0f %%) by %s. Red: pixels that matter most.", label,
                100 * map.probability(), current.source());
        return new Computed(map, text);
    }

    private void setStatus(String text) {
        status.setText(text);
        status.getParent().layout();
    }
}

package digitlab.ui.internal.training;

import java.io.IOException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;

import digitlab.ui.ViewJob;
import digitlab.train.Datasets;

/**
 * The training form's room: it scrolls sideways rather than hide its right edge, takes its natural width at
 * the first layout when that leaves the charts half the view, and learns the dataset's number of training
 * images (off the UI thread) for its "Training images" check.
 */
final class FormSizing {

    private static final String LAID_OUT = "digitlab.formSizing.laidOut";

    private FormSizing() {
    }

    /** The form's scroll range: its natural width (or the view's, when wider) and its height at that width. */
    static void fitForm(ScrolledComposite scroller, Composite content) {
        int natural = content.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
        int width = Math.max(natural, scroller.getClientArea().width);
        scroller.setMinSize(natural, content.computeSize(width, SWT.DEFAULT).y);
    }

    /**
     * At the first real size: give the forms (the Single run form and the Sweep tab beside it) the natural width of
     * the wider one (plus its scroll bar) when that leaves the charts at least 45 % of the view, else 55 % to the
     * forms; later the user's divider position stays.
     */
    static void firstLayout(SashForm sash, Composite form, Composite other) {
        int width = sash.getClientArea().width;
        if (sash.getData(LAID_OUT) != null || width < 200) return;
        sash.setData(LAID_OUT, Boolean.TRUE);
        int bar = form.getParent() instanceof ScrolledComposite sc && sc.getVerticalBar() != null
                ? sc.getVerticalBar().getSize().x : 0;
        int natural = Math.max(form.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, other.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        int wanted = natural + bar + 8;
        int left = Math.min(wanted, width * 55 / 100);
        sash.setWeights(left, Math.max(1, width - left));
    }

    /** Looks up the dataset's number of training images off the UI thread, for the form's "Training images" check. */
    static void countTrainingImages(TrainingForm form) {
        String id = form.datasetId();
        if (!digitlab.ui.internal.dataset.ImportedDatasets.offered().contains(id)) return;
        // no whenFailed: an unknown or missing dataset is named by the form's own check
        ViewJob.of("Counting the training images of " + id, monitor -> {
            try {
                return Datasets.load(id, -1).part(digitlab.data.Split.TRAIN).size();
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }).whenDone(n -> {
            if (n >= 0) form.setTrainingImages(id, n);
        }).schedule(null, form);
    }
}

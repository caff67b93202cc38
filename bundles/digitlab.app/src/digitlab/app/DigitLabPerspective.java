package digitlab.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.PlatformUI;

/**
 * The "Digit Lab" perspective: the digit canvas on the left, training and runs on the right,
 * analysis views (weights, confusion matrix, dataset) below, progress and error log at the bottom.
 *
 * <p>Views are found by id; a view whose plugin is not installed becomes a placeholder, so the
 * perspective works with any subset of the lab's view plugins.
 */
public final class DigitLabPerspective implements IPerspectiveFactory {

    /** The perspective's id, as registered in plugin.xml. */
    public static final String ID = "digitlab.app.perspective";

    /** View ids of the lab's own views (contributed by digitlab.ui). */
    public static final String CANVAS_VIEW = "digitlab.ui.views.canvas";
    public static final String TRAINING_VIEW = "digitlab.ui.views.training";
    public static final String RUNS_VIEW = "digitlab.ui.views.runs";
    public static final String WEIGHTS_VIEW = "digitlab.ui.views.weights";
    public static final String CONFUSION_VIEW = "digitlab.ui.views.confusion";
    public static final String DATASET_VIEW = "digitlab.ui.views.dataset";
    public static final String ACTIVITY_VIEW = "digitlab.ui.views.activity";
    /** Projector: the test images in a layer's space, mapped to 2-D (opens beside Weights, Confusion, Dataset). */
    public static final String PROJECTOR_VIEW = "digitlab.ui.views.projector";

    /** Platform views the product shows. */
    public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();

        IFolderLayout left = layout.createFolder("digitlab.left", IPageLayout.LEFT, 0.42f, editor);
        add(left, CANVAS_VIEW);
        add(left, ACTIVITY_VIEW);

        IFolderLayout right = layout.createFolder("digitlab.right", IPageLayout.TOP, 0.55f, editor);
        add(right, TRAINING_VIEW);
        add(right, RUNS_VIEW);

        IFolderLayout analysis = layout.createFolder("digitlab.analysis", IPageLayout.BOTTOM, 0.55f, "digitlab.right");
        add(analysis, WEIGHTS_VIEW);
        add(analysis, CONFUSION_VIEW);
        add(analysis, DATASET_VIEW);
        analysis.addPlaceholder(PROJECTOR_VIEW); // not open at first: Window > Show View > Projector

        IFolderLayout bottom = layout.createFolder("digitlab.bottom", IPageLayout.BOTTOM, 0.78f, "digitlab.left");
        add(bottom, PROGRESS_VIEW);
        add(bottom, ERROR_LOG_VIEW);

        for (String id : new String[] {CANVAS_VIEW, ACTIVITY_VIEW, TRAINING_VIEW, RUNS_VIEW, WEIGHTS_VIEW,
                CONFUSION_VIEW, DATASET_VIEW, PROJECTOR_VIEW, PROGRESS_VIEW, ERROR_LOG_VIEW}) {
            layout.addShowViewShortcut(id);
        }
        layout.addPerspectiveShortcut(ID);
    }

    private static void add(IFolderLayout folder, String viewId) {
        if (PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getViewRegistry().find(viewId) != null) {
            folder.addView(viewId);
        } else {
            folder.addPlaceholder(viewId);
        }
    }
}

package digitlab.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.PlatformUI;

import digitlab.ui.DigitLabViews;

/**
 * The "Digit Lab" perspective: the digit canvas on the left, training and runs on the right,
 * analysis views (weights, confusion matrix, dataset) below, progress and error log at the bottom.
 *
 * <p>Views are found by id (the lab's from {@link DigitLabViews}); a view whose plugin is not installed becomes a placeholder, so the
 * perspective works with any subset of the lab's view plugins.
 */
public final class DigitLabPerspective implements IPerspectiveFactory {

    /** The perspective's id, as registered in plugin.xml. */
    public static final String ID = "digitlab.app.perspective";

    /** The platform's Progress view (registered in this bundle's plugin.xml, as an RCP product lacks org.eclipse.ui.ide). */
    public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    /** The platform's Error Log view (org.eclipse.ui.views.log). */
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();

        IFolderLayout left = layout.createFolder("digitlab.left", IPageLayout.LEFT, 0.42f, editor);
        add(left, DigitLabViews.CANVAS);
        add(left, DigitLabViews.ACTIVITY);

        IFolderLayout right = layout.createFolder("digitlab.right", IPageLayout.TOP, 0.55f, editor);
        add(right, DigitLabViews.TRAINING);
        add(right, DigitLabViews.RUNS);
        right.addPlaceholder(DigitLabViews.SWEEP); // opened by a sweep's start, or Window > Show View > Sweep

        IFolderLayout analysis = layout.createFolder("digitlab.analysis", IPageLayout.BOTTOM, 0.55f, "digitlab.right");
        add(analysis, DigitLabViews.WEIGHTS);
        add(analysis, DigitLabViews.CONFUSION);
        add(analysis, DigitLabViews.DATASET);
        analysis.addPlaceholder(DigitLabViews.PROJECTOR); // not open at first: Window > Show View > Projector

        IFolderLayout bottom = layout.createFolder("digitlab.bottom", IPageLayout.BOTTOM, 0.78f, "digitlab.left");
        add(bottom, PROGRESS_VIEW);
        add(bottom, ERROR_LOG_VIEW);

        for (String id : DigitLabViews.ALL) layout.addShowViewShortcut(id);
        layout.addShowViewShortcut(PROGRESS_VIEW);
        layout.addShowViewShortcut(ERROR_LOG_VIEW);
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

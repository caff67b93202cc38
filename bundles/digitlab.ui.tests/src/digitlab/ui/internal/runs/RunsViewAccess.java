package digitlab.ui.internal.runs;

import org.eclipse.jface.viewers.TableViewer;

/** Test access to the runs view's table (private in the host). */
public final class RunsViewAccess {

    private RunsViewAccess() {
    }

    /** The view's table viewer. */
    public static TableViewer viewer(RunsView view) {
        try {
            var f = RunsView.class.getDeclaredField("viewer");
            f.setAccessible(true);
            return (TableViewer) f.get(view);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("RunsView has no viewer field", e);
        }
    }
}

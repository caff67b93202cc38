package digitlab.ui.internal.confusion;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;

/** Test access to the confusion view's matrix widget (package-private in the host). */
public final class ConfusionViewAccess {

    private ConfusionViewAccess() {
    }

    /** The matrix widget of {@code view}. */
    public static Canvas matrix(ConfusionView view) {
        return view.matrixCanvas();
    }

    /** The centre of cell (row, col) in the widget's coordinates. */
    public static Point cellCentre(Canvas matrix, int row, int col) {
        return ((MatrixCanvas) matrix).cellCentre(row, col);
    }

    /** The selected row, -1 for none. */
    public static int selectedRow(Canvas matrix) {
        return ((MatrixCanvas) matrix).selectedRow();
    }
}

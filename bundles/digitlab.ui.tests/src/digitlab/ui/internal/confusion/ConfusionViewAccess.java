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

    /** The count printed in cell (row, col) at the current size, or null when it does not fit there. */
    public static String cellText(Canvas matrix, int row, int col) {
        return ((MatrixCanvas) matrix).cellText(row, col);
    }

    /** The side of a cell in pixels. */
    public static int cellSize(Canvas matrix) {
        return ((MatrixCanvas) matrix).cellSize();
    }
}

package digitlab.ui.internal.sweep;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/** Test access to the Sweep view's table and chart and the Sweep tab's form (package-private in the host). */
public final class SweepViewAccess {

    private SweepViewAccess() {
    }

    /** The table widget. */
    public static Table table(SweepView view) {
        return view.table().viewer().getTable();
    }

    /** The rows in the order shown. */
    public static List<SweepRow> shownRows(SweepView view) {
        return view.table().shownRows();
    }

    /** Clicks the header of the column titled {@code title} (a real Selection event on the column). */
    public static void clickHeader(SweepView view, String title) {
        int i = view.table().columnIndex(title);
        if (i < 0) throw new AssertionError("no column '" + title + "' in " + List.of(table(view).getColumns()));
        table(view).getColumn(i).notifyListeners(SWT.Selection, new Event());
    }

    /** Whether the table item of {@code point} is drawn in bold. */
    public static boolean isBold(SweepView view, int point) {
        for (TableItem item : table(view).getItems()) {
            if (((SweepRow) item.getData()).point() == point) {
                return (item.getFont(0).getFontData()[0].getStyle() & SWT.BOLD) != 0;
            }
        }
        throw new AssertionError("no row of point " + point);
    }

    /** Selects the table item of {@code point} as a click does (selection, then the Selection event). */
    public static void select(SweepView view, int point) {
        Table t = table(view);
        for (int i = 0; i < t.getItemCount(); i++) {
            if (((SweepRow) t.getItem(i).getData()).point() == point) {
                t.setSelection(i);
                Event e = new Event();
                e.item = t.getItem(i);
                t.notifyListeners(SWT.Selection, e);
                return;
            }
        }
        throw new AssertionError("no row of point " + point);
    }

    /** The chart's x axis choice, and the number of plotted runs. */
    public static String chartAgainst(SweepView view) {
        return view.chart().against();
    }

    public static int chartPoints(SweepView view) {
        return view.chart().plotted();
    }

    /** Whether the chart has a "best run" marker series. */
    public static boolean chartMarksBest(SweepView view) {
        return view.chart().chart().getSeriesSet().getSeries("best run") != null;
    }

    /** Chooses the chart's x axis as the combo would. */
    public static void chartAgainst(SweepView view, String choice) {
        view.chart().setAgainst(choice);
    }

    /** The CSV text the export writes. */
    public static String csv(SweepView view) {
        return view.csv();
    }

    /** Sets a sweep field's text (the sweep's own keys of {@link SweepForm}). */
    public static void set(SweepTab tab, String key, String text) {
        ((org.eclipse.swt.widgets.Text) tab.form().control(key)).setText(text);
    }

    /** Ticks early stopping as a click does. */
    public static void earlyStopping(SweepTab tab, boolean on) {
        org.eclipse.swt.widgets.Button b = (org.eclipse.swt.widgets.Button) tab.form().control(SweepForm.EARLY_STOP);
        b.setSelection(on);
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** The sweep field keys. */
    public static final String EPOCHS = SweepForm.EPOCHS, PARALLEL = SweepForm.PARALLEL, SAMPLES = SweepForm.SAMPLES;
}

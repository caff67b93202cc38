package digitlab.ui.internal.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableColumn;

import digitlab.train.TrainingSetting;

/**
 * The sweep's runs as a sortable table: run, status ("stopped early" for the rule's stops), one column per varied
 * setting, validation accuracy and loss, test accuracy, the last training loss, epochs and time. A click on a header sorts by that column (again:
 * the other way); numbers sort as numbers. The best run is in bold on a light green background.
 */
final class SweepTable {

    /** One column: title, width, text, and the key it sorts by. */
    private record Column(String title, int width, Function<SweepRow, String> text, Comparator<SweepRow> order) {
    }

    private final TableViewer viewer;
    private final Color bestBackground;
    private SweepData data;
    private List<Column> columns = List.of();
    private int sortColumn = -1;
    private boolean ascending = true;

    SweepTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        bestBackground = new Color(0xDF, 0xF2, 0xDF);
        viewer.getTable().addDisposeListener(e -> bestBackground.dispose());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                if (sortColumn < 0 || sortColumn >= columns.size()) return Integer.compare(((SweepRow) a).point(), ((SweepRow) b).point());
                int c = columns.get(sortColumn).order().compare((SweepRow) a, (SweepRow) b);
                return ascending ? c : -c;
            }
        });
    }

    TableViewer viewer() {
        return viewer;
    }

    /** Shows {@code d}; the columns are made again when the sweep's varied settings differ from the shown one's. */
    void show(SweepData d) {
        boolean sameColumns = data != null && data.varied().equals(d.varied());
        data = d;
        if (!sameColumns) rebuildColumns();
        Object selected = viewer.getStructuredSelection().getFirstElement();
        viewer.setInput(d.rows().toArray());
        if (!sameColumns) {
            // wide enough for the header and the values, never narrower than planned
            for (TableColumn c : viewer.getTable().getColumns()) {
                int planned = c.getWidth();
                c.pack();
                if (c.getWidth() < planned) c.setWidth(planned);
            }
        }
        // keep the selection on the same run across refreshes (rows are new records each time)
        if (selected instanceof SweepRow old) {
            for (SweepRow r : d.rows()) {
                if (r.point() == old.point()) viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r));
            }
        }
    }

    private void rebuildColumns() {
        viewer.getTable().setRedraw(false);
        try {
            for (TableColumn c : viewer.getTable().getColumns()) c.dispose();
            List<Column> cols = new ArrayList<>();
            // the point's number (the run's name, "SWEEP #3: settings", is its tooltip): the settings have columns
            cols.add(new Column("#", 38, r -> Integer.toString(r.point()), Comparator.comparingInt(SweepRow::point)));
            cols.add(new Column("Status", 95, SweepRow::statusText, Comparator.comparing(SweepRow::statusText)));
            for (String key : data.varied()) {
                TrainingSetting s = TrainingSetting.ofKey(key);
                cols.add(new Column(s == null ? key : s.label(), 90, r -> r.setting(key),
                        Comparator.comparing(r -> r.setting(key), SweepTable::compareValues)));
            }
            cols.add(new Column("Val. accuracy", 90, r -> SweepData.percent(r.source().validationAccuracy()),
                    numbers(r -> r.source().validationAccuracy())));
            cols.add(new Column("Val. loss", 70, r -> loss(r.source().validationLoss()), numbers(r -> r.source().validationLoss())));
            cols.add(new Column("Test accuracy", 90, r -> SweepData.percent(r.source().testAccuracy()),
                    numbers(r -> r.source().testAccuracy())));
            cols.add(new Column("Train loss", 75, r -> loss(r.trainLoss()), numbers(SweepRow::trainLoss)));
            cols.add(new Column("Epochs", 55, r -> r.epochsDone() + "/" + data.record().spec().epochs(),
                    Comparator.comparingInt(SweepRow::epochsDone)));
            cols.add(new Column("Time", 50, r -> String.format("%.0f s", r.seconds()), Comparator.comparingDouble(SweepRow::seconds)));
            columns = List.copyOf(cols);
            if (sortColumn >= columns.size()) sortColumn = -1;
            for (int i = 0; i < columns.size(); i++) column(i, columns.get(i));
            viewer.getTable().setSortColumn(sortColumn < 0 ? null : viewer.getTable().getColumn(sortColumn));
        } finally {
            viewer.getTable().setRedraw(true);
        }
    }

    private void column(int index, Column col) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(col.title());
        c.getColumn().setWidth(col.width());
        c.getColumn().setMoveable(true);
        c.getColumn().addListener(SWT.Selection, e -> sortBy(index));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return col.text().apply((SweepRow) element);
            }

            @Override
            public String getToolTipText(Object element) {
                SweepRow r = (SweepRow) element;
                return r.name() + (r.source().message().isEmpty() ? "" : "\n" + r.source().message());
            }

            @Override
            public Font getFont(Object element) {
                return isBest(element) ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
            }

            @Override
            public Color getBackground(Object element) {
                return isBest(element) ? bestBackground : null;
            }
        });
    }

    private boolean isBest(Object element) {
        SweepRow best = data == null ? null : data.best();
        return best != null && element instanceof SweepRow r && r.point() == best.point();
    }

    /** Sorts by column {@code index}: ascending first, the other way when it is already the sort column. */
    void sortBy(int index) {
        ascending = index != sortColumn || !ascending;
        sortColumn = index;
        viewer.getTable().setSortColumn(viewer.getTable().getColumn(index));
        viewer.getTable().setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        viewer.refresh();
    }

    /** The index of the column titled {@code title}, or -1. */
    int columnIndex(String title) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).title().equals(title)) return i;
        return -1;
    }

    /** The rows in the order shown. */
    List<SweepRow> shownRows() {
        List<SweepRow> out = new ArrayList<>();
        for (var item : viewer.getTable().getItems()) out.add((SweepRow) item.getData());
        return out;
    }

    private static String loss(double v) {
        return Double.isNaN(v) ? "" : String.format("%.4f", v);
    }

    /** Numbers in order; NaN ("no value yet") sorts as the largest. */
    private static Comparator<SweepRow> numbers(java.util.function.ToDoubleFunction<SweepRow> f) {
        return (a, b) -> Double.compare(f.applyAsDouble(a), f.applyAsDouble(b));
    }

    /** Setting values: as numbers when both are numbers (0.001 < 0.01 < 0.1), else as text. */
    static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}

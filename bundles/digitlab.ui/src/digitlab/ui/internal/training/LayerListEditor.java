package digitlab.ui.internal.training;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The hidden layers as an editable list: one row per layer with its number of neurons, edited in
 * place (click a row); Add, Remove, Up and Down. Keeps the text as typed, so that the form can
 * mark a bad entry instead of silently dropping it.
 */
final class LayerListEditor extends Composite {

    private final Table table;
    private final TableEditor editor;
    private final List<Runnable> listeners = new ArrayList<>();
    private final List<String> widths = new ArrayList<>();

    LayerListEditor(Composite parent) {
        super(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(4, 2).applyTo(this);
        table = new Table(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        TableColumn layer = new TableColumn(table, SWT.LEFT);
        layer.setText("Layer");
        layer.setWidth(50);
        TableColumn neurons = new TableColumn(table, SWT.LEFT);
        neurons.setText("Neurons");
        neurons.setWidth(75);
        GridDataFactory.fillDefaults().grab(true, false).hint(130, table.getItemHeight() * 4 + table.getHeaderHeight())
                .applyTo(table);
        editor = new TableEditor(table);
        editor.grabHorizontal = true;
        table.addListener(SWT.MouseDown, e -> {
            TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            if (item != null) edit(table.indexOf(item));
        });
        Composite buttons = new Composite(this, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(2, 2).applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(buttons);
        button(buttons, "Add", () -> {
            widths.add(widths.isEmpty() ? "128" : widths.get(widths.size() - 1));
            refresh();
            table.select(widths.size() - 1);
        });
        button(buttons, "Remove", () -> {
            int i = table.getSelectionIndex();
            if (i < 0 && !widths.isEmpty()) i = widths.size() - 1;
            if (i >= 0) widths.remove(i);
            refresh();
        });
        button(buttons, "Up", () -> move(-1));
        button(buttons, "Down", () -> move(1));
    }

    private void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            closeEditor();
            action.run();
            fire();
        });
        GridDataFactory.fillDefaults().applyTo(b);
    }

    private void move(int d) {
        int i = table.getSelectionIndex();
        int j = i + d;
        if (i < 0 || j < 0 || j >= widths.size()) return;
        String w = widths.remove(i);
        widths.add(j, w);
        refresh();
        table.select(j);
    }

    private void edit(int row) {
        closeEditor();
        Text text = new Text(table, SWT.NONE);
        text.setText(widths.get(row));
        text.selectAll();
        text.addListener(SWT.Modify, e -> {
            widths.set(row, text.getText());
            table.getItem(row).setText(1, text.getText());
            fire();
        });
        text.addListener(SWT.FocusOut, e -> closeEditor());
        text.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN || e.detail == SWT.TRAVERSE_ESCAPE) {
                closeEditor();
                e.doit = false;
            }
        });
        editor.setEditor(text, table.getItem(row), 1);
        text.setFocus();
    }

    private void closeEditor() {
        if (editor.getEditor() != null && !editor.getEditor().isDisposed()) editor.getEditor().dispose();
        editor.setEditor(null);
    }

    private void refresh() {
        table.removeAll();
        for (int i = 0; i < widths.size(); i++) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {Integer.toString(i + 1), widths.get(i)});
        }
    }

    private void fire() {
        for (Runnable r : listeners) r.run();
    }

    /** The entries as typed. */
    List<String> entries() {
        return List.copyOf(widths);
    }

    /** Shows {@code layers}. */
    void setLayers(List<Integer> layers) {
        closeEditor();
        widths.clear();
        for (Integer w : layers) widths.add(Integer.toString(w));
        refresh();
    }

    void addChangeListener(Runnable r) {
        listeners.add(r);
    }

    Table table() {
        return table;
    }
}

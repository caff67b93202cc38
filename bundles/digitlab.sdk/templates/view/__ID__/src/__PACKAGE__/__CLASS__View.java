package @@ID@@;

import digitlab.train.CurrentModel;
import digitlab.train.ModelListener;
import digitlab.train.ModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/**
 * The view {@code @@ID@@.view}: the lab's current model, layer by layer ({@link @@CLASS@@Summary}), updated when the
 * current model changes (training, opening a model, the Runs view). The summary is a few lines of arithmetic over
 * the layers, cheap enough for the UI thread; a view that computes more (predictions over a dataset, saliency)
 * does it in a {@code digitlab.ui.ViewJob} (docs/WORKBENCH.md of Digit Lab).
 */
public final class @@CLASS@@View extends ViewPart {

    /** The view's id, as in plugin.xml. */
    public static final String ID = "@@ID@@.view";

    private Label headline;
    private Table table;
    /** Told on the thread that changed the model: hands the change to the UI thread. */
    private final ModelListener listener = this::modelChanged;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        headline = new Label(parent, SWT.WRAP);
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : @@CLASS@@Summary.COLUMNS) new TableColumn(table, SWT.LEFT).setText(title);
        ModelService service = ModelService.get();
        show(service.current());
        service.addListener(listener);
    }

    private void modelChanged(CurrentModel current) {
        if (table == null || table.isDisposed()) return;
        table.getDisplay().asyncExec(() -> {
            if (!table.isDisposed()) show(current);
        });
    }

    /** Shows {@code current}: the headline and one row per layer. */
    void show(CurrentModel current) {
        @@CLASS@@Summary summary = @@CLASS@@Summary.of(current.model(), current.source());
        headline.setText(summary.headline());
        table.removeAll();
        for (String[] row : summary.rows()) new TableItem(table, SWT.NONE).setText(row);
        for (TableColumn c : table.getColumns()) c.pack();
        headline.getParent().layout(true, true);
    }

    /** The table, for tests. */
    Table table() {
        return table;
    }

    /** The headline's text, for tests. */
    String headline() {
        return headline.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        ModelService.get().removeListener(listener);
        super.dispose();
    }
}

package digitlab.ui.internal.runs;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import digitlab.train.RunComparison;
import digitlab.ui.internal.training.MetricsCharts;

/** Two runs side by side: both runs' loss and accuracy curves in one pair of charts, and the settings that differ. */
final class CompareDialog extends Dialog {

    /** Settings' names for people, by request field. */
    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("hiddenLayers", "hidden layers"),
            Map.entry("learningRate", "learning rate"), Map.entry("batchSize", "batch size"),
            Map.entry("validationImages", "validation images"), Map.entry("trainingLimit", "training images"),
            Map.entry("weightDecay", "weight decay"), Map.entry("schedule", "LR schedule"));

    private final RunComparison comparison;

    CompareDialog(Shell parent, RunComparison comparison) {
        super(parent);
        this.comparison = comparison;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Compare " + comparison.a().name() + " and " + comparison.b().name());
        shell.setSize(1000, 640);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        MetricsCharts charts = new MetricsCharts(area);
        GridDataFactory.fillDefaults().grab(true, true).hint(900, 380).applyTo(charts);
        charts.show(List.of(new MetricsCharts.Named("A", comparison.historyA()),
                new MetricsCharts.Named("B", comparison.historyB())));
        Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String h : new String[] {"", "A: " + comparison.a().name(), "B: " + comparison.b().name()}) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(h);
            c.setWidth(h.isEmpty() ? 150 : 300);
        }
        row(table, "test accuracy", pct(comparison.a().testAccuracy()), pct(comparison.b().testAccuracy()));
        row(table, "validation accuracy", pct(comparison.a().validationAccuracy()), pct(comparison.b().validationAccuracy()));
        row(table, "epochs done", comparison.a().epochsCompleted() + " of " + comparison.a().epochs(),
                comparison.b().epochsCompleted() + " of " + comparison.b().epochs());
        row(table, "time", String.format("%.1f s", comparison.a().seconds()), String.format("%.1f s", comparison.b().seconds()));
        for (Map.Entry<String, List<String>> d : comparison.differences().entrySet()) {
            if (d.getKey().equals("epochs")) continue; // in "epochs done" above, as "n of planned"
            boolean count = !d.getKey().equals("seed"); // a seed is a name, not an amount
            row(table, FIELD_LABELS.getOrDefault(d.getKey(), d.getKey()), count ? plain(d.getValue().get(0)) : d.getValue().get(0),
                    count ? plain(d.getValue().get(1)) : d.getValue().get(1));
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 160).applyTo(table);
        return area;
    }

    private static void row(Table t, String... cells) {
        new TableItem(t, SWT.NONE).setText(cells);
    }

    /** A whole number with digit groups (12,000), anything else as it is. */
    private static String plain(String v) {
        return v.matches("-?\\d{4,18}") ? String.format("%,d", Long.parseLong(v)) : v;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format("%.2f %%", 100 * v);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}

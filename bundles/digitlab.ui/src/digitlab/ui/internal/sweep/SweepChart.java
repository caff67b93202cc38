package digitlab.ui.internal.sweep;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

import digitlab.train.TrainingSetting;
import digitlab.ui.internal.WheelGuard;

/**
 * The sweep's metric in an SWTChart scatter plot, against a setting chosen in the combo above it (a log axis for the
 * learning rate and weight decay; a setting of names gets one tick per name) or against time (each run at the
 * moment it ended, with the best so far as a step line). The best run is a large orange diamond.
 */
final class SweepChart extends Composite {

    /** The combo's entry for time. */
    static final String TIME = "time (minutes since the start)";

    private final Combo against;
    private final Chart chart;
    private final Color runs = new Color(0x21, 0x71, 0xB5);
    private final Color best = new Color(0xE6, 0x55, 0x0D);
    private SweepData data;
    private List<String> choices = List.of();
    private int plotted;

    SweepChart(Composite parent) {
        super(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(0, 2).applyTo(this);
        // one combo names both axes ("Validation accuracy (%) vs. learning rate"): axis titles would take the room a
        // small view needs for the dots; its width follows the view, however long its items
        against = new Combo(this, SWT.READ_ONLY);
        against.setToolTipText("What the x axis shows: a varied setting, or time");
        WheelGuard.install(against);
        GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(against);
        against.addListener(SWT.Selection, e -> redrawSeries());
        chart = new Chart(this, SWT.NONE);
        chart.getTitle().setVisible(false);
        chart.getLegend().setPosition(SWT.BOTTOM);
        GridDataFactory.fillDefaults().grab(true, true).hint(100, 100).applyTo(chart);
        addDisposeListener(e -> {
            runs.dispose();
            best.dispose();
        });
    }

    /** Shows {@code d}, keeping the chosen setting when the new sweep varies it too. */
    void show(SweepData d) {
        data = d;
        List<String> next = new ArrayList<>();
        for (String key : d.varied()) next.add(label(key));
        next.add(TIME);
        String metric = d.metric().label() + (d.metric().higherIsBetter() ? " (%)" : "") + " vs. ";
        String[] items = next.stream().map(c -> metric + c.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
        if (!java.util.Arrays.equals(items, against.getItems())) {
            String chosen = against();
            choices = next;
            against.setItems(items);
            against.select(Math.max(0, next.indexOf(chosen)));
        }
        redrawSeries();
    }

    /** Chooses what the x axis shows: a setting's label or {@link #TIME} (tests, and the combo). */
    void setAgainst(String choice) {
        int i = choices.indexOf(choice);
        if (i < 0) return;
        against.select(i);
        redrawSeries();
    }

    private static String label(String key) {
        TrainingSetting s = TrainingSetting.ofKey(key);
        return s == null ? key : s.label();
    }

    private void redrawSeries() {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) chart.getSeriesSet().deleteSeries(s.getId());
        plotted = 0;
        IAxis x = chart.getAxisSet().getXAxis(0);
        IAxis y = chart.getAxisSet().getYAxis(0);
        if (data == null) return;
        String choice = against();
        boolean time = choice.equals(TIME);
        String key = time ? null : data.varied().get(Math.max(0, against.getSelectionIndex()));
        x.enableLogScale(false);
        x.getTick().setFormat(null);
        x.getTitle().setVisible(false);
        y.getTitle().setVisible(false);
        boolean percent = data.metric().higherIsBetter(); // the accuracies; the loss is not a fraction to show in %

        // the x of each run: the setting's number, its name's index, or the minute it ended
        List<String> names = new ArrayList<>();
        boolean numeric = !time;
        if (!time) {
            for (SweepRow r : data.rows()) {
                String v = r.setting(key);
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
                if (!names.contains(v)) names.add(v);
            }
            names.sort(SweepTable::compareValues);
            if (!numeric) x.getTick().setFormat(new Names(names));
        }
        List<double[]> points = new ArrayList<>();
        double[] bestPoint = null;
        SweepRow bestRow = data.best();
        for (SweepRow r : data.rows()) {
            if (Double.isNaN(r.metric())) continue;
            double px;
            if (time) {
                if (Double.isNaN(r.finishedAt())) continue;
                px = r.finishedAt() / 60;
            } else {
                String v = r.setting(key);
                px = numeric ? Double.parseDouble(v) : names.indexOf(v);
            }
            double py = percent ? 100 * r.metric() : r.metric();
            points.add(new double[] {px, py});
            if (bestRow != null && r.point() == bestRow.point()) bestPoint = new double[] {px, py};
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        series("runs", points, runs, PlotSymbolType.CIRCLE, 5, LineStyle.NONE);
        if (time && !points.isEmpty()) {
            // best so far: a step line under (or over) the dots
            List<double[]> steps = new ArrayList<>();
            double sofar = Double.NaN;
            for (double[] p : points) {
                if (Double.isNaN(sofar) || (data.metric().higherIsBetter() ? p[1] > sofar : p[1] < sofar)) {
                    if (!Double.isNaN(sofar)) steps.add(new double[] {p[0], sofar});
                    sofar = p[1];
                }
                steps.add(new double[] {p[0], sofar});
            }
            series("best so far", steps, best, PlotSymbolType.NONE, 0, LineStyle.SOLID);
        }
        if (bestPoint != null) series("best run", List.of(bestPoint), best, PlotSymbolType.DIAMOND, 9, LineStyle.NONE);
        plotted = points.size();
        boolean log = numeric && !time && (key.equals(TrainingSetting.LEARNING_RATE.key())
                || key.equals(TrainingSetting.WEIGHT_DECAY.key())) && points.stream().allMatch(p -> p[0] > 0);
        frame(x, y, points, log, !numeric && !time ? names.size() : 0, percent);
        chart.redraw();
    }

    private void series(String id, List<double[]> points, Color color, PlotSymbolType symbol, int size, LineStyle line) {
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
        s.setXSeries(points.stream().mapToDouble(p -> p[0]).toArray());
        s.setYSeries(points.stream().mapToDouble(p -> p[1]).toArray());
        s.setLineStyle(line);
        s.setLineColor(color);
        s.setLineWidth(2);
        s.setSymbolType(symbol);
        s.setSymbolColor(color);
        s.setSymbolSize(size);
        s.setAntialias(SWT.ON);
    }

    /** Ranges with a margin, so the dots at the ends are drawn whole; names get -0.5 .. n-0.5. */
    private void frame(IAxis x, IAxis y, List<double[]> points, boolean log, int categories, boolean percent) {
        if (points.isEmpty()) {
            x.setRange(new Range(0, 1));
            y.setRange(new Range(0, percent ? 100 : 1));
            return;
        }
        double x0 = points.stream().mapToDouble(p -> p[0]).min().getAsDouble();
        double x1 = points.stream().mapToDouble(p -> p[0]).max().getAsDouble();
        double y0 = points.stream().mapToDouble(p -> p[1]).min().getAsDouble();
        double y1 = points.stream().mapToDouble(p -> p[1]).max().getAsDouble();
        if (categories > 0) {
            x.setRange(new Range(-0.5, categories - 0.5));
        } else if (log) {
            x.setRange(new Range(x0 / 1.5, x1 * 1.5));
            x.enableLogScale(true);
        } else {
            double pad = x1 > x0 ? (x1 - x0) * 0.08 : Math.max(Math.abs(x0) * 0.1, 0.5);
            x.setRange(new Range(x0 - pad, x1 + pad));
        }
        double pad = y1 > y0 ? (y1 - y0) * 0.1 : Math.max(Math.abs(y0) * 0.02, 0.01);
        y.setRange(new Range(y0 - pad, y1 + pad));
    }

    /** The chart (export, tests). */
    Chart chart() {
        return chart;
    }

    /** How many runs are plotted (tests). */
    int plotted() {
        return plotted;
    }

    /** What the x axis shows now. */
    String against() {
        int i = against.getSelectionIndex();
        return i >= 0 && i < choices.size() ? choices.get(i) : "";
    }

    /** Tick labels of a setting of names: the name at each whole index, nothing between. */
    private static final class Names extends Format {
        private final List<String> names;

        Names(List<String> names) {
            this.names = List.copyOf(names);
        }

        @Override
        public StringBuffer format(Object obj, StringBuffer to, FieldPosition pos) {
            double v = ((Number) obj).doubleValue();
            long i = Math.round(v);
            if (Math.abs(v - i) < 1e-6 && i >= 0 && i < names.size()) to.append(names.get((int) i));
            return to;
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            return null;
        }
    }
}

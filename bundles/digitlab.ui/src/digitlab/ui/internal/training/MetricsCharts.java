package digitlab.ui.internal.training;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;

import digitlab.train.BatchPoint;
import digitlab.train.EpochPoint;
import digitlab.train.MetricHistory;

/**
 * Two SWTChart line charts side by side: loss and accuracy over epochs. For each history shown:
 * the training figures every few batches (thin line), the training figures per epoch and the
 * validation figures per epoch (thick lines with dots). The x axis counts epochs, batches placed
 * at their fraction of the epoch. Several histories (a comparison) get their own colours.
 *
 * <p>Callers refresh it at a bounded rate; each refresh replaces the series arrays (a few hundred
 * points per epoch) and redraws once.
 */
public final class MetricsCharts extends Composite {

    /** One history to draw, with the name its series carry in the legend. */
    public record Named(String name, MetricHistory history) {
    }

    private static final int[][] PALETTE = {
            {0x21, 0x71, 0xB5}, {0xD9, 0x5F, 0x02}, {0x1B, 0x9E, 0x77}, {0x75, 0x70, 0xB3}};

    private final Chart loss;
    private final Chart accuracy;
    private final List<Color> colors = new ArrayList<>();
    private final List<Color> lightColors = new ArrayList<>();
    private int points;
    private final org.eclipse.swt.widgets.Label key;
    private int plannedEpochs;
    private List<String> shownNames = List.of();

    /** The charts in {@code parent}. */
    public MetricsCharts(Composite parent) {
        super(parent, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(0, 2).applyTo(this);
        for (int[] c : PALETTE) {
            colors.add(new Color(c[0], c[1], c[2]));
            lightColors.add(new Color((c[0] + 2 * 255) / 3, (c[1] + 2 * 255) / 3, (c[2] + 2 * 255) / 3));
        }
        loss = chart("Loss", "loss");
        accuracy = chart("Accuracy", "accuracy (%)");
        // One line of key under both charts instead of a legend in each (two legends took half of a small view's
        // height); a comparison shows the legends, which name the runs.
        key = new org.eclipse.swt.widgets.Label(this, SWT.WRAP);
        key.setText("thin: training, every few batches  \u00b7  thick with dots: training per epoch  \u00b7  dashed: validation");
        org.eclipse.jface.layout.GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(1, SWT.DEFAULT).indent(6, 0)
                .applyTo(key);
        frame(loss, false, true, 0); // an empty frame in the units of each chart, not SWTChart's -1 to 1
        frame(accuracy, true, true, 0);
        // time the charts' own painting: a display filter sees the paint event before the plot area
        // paints, a listener added after the plot area's own sees it after
        for (Chart c : new Chart[] {loss, accuracy}) {
            if (!(c.getPlotArea() instanceof org.eclipse.swt.widgets.Control plot)) continue;
            long[] start = new long[1];
            org.eclipse.swt.widgets.Listener filter = e -> {
                if (e.widget == plot) start[0] = System.nanoTime();
            };
            getDisplay().addFilter(SWT.Paint, filter);
            plot.addListener(SWT.Paint, e -> digitlab.ui.internal.UiTimings.record("training: chart plot paint",
                    System.nanoTime() - start[0]));
            plot.addDisposeListener(e -> getDisplay().removeFilter(SWT.Paint, filter));
        }
        addDisposeListener(e -> {
            colors.forEach(Color::dispose);
            lightColors.forEach(Color::dispose);
        });
    }

    private Chart chart(String title, String yTitle) {
        Chart c = new Chart(this, SWT.NONE);
        c.getTitle().setText(title);
        IAxis x = c.getAxisSet().getXAxis(0);
        x.getTitle().setText("epoch");
        c.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
        c.getLegend().setPosition(SWT.BOTTOM);
        c.getLegend().setVisible(false);
        org.eclipse.jface.layout.GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        return c;
    }

    /**
     * Shows {@code histories} (replacing what was shown). UI thread. While the same histories are
     * refreshed (a run in training), the existing series get new arrays instead of being recreated.
     */
    public void show(List<Named> histories) {
        points = 0;
        List<String> names = histories.stream().map(Named::name).toList();
        if (!names.equals(shownNames)) {
            clear(loss);
            clear(accuracy);
            shownNames = names;
        }
        boolean comparing = histories.size() > 1;
        if (key.getVisible() == comparing) {
            loss.getLegend().setVisible(comparing);
            accuracy.getLegend().setVisible(comparing);
            key.setVisible(!comparing);
            ((org.eclipse.swt.layout.GridData) key.getLayoutData()).exclude = comparing;
            layout(true);
        }
        double lastX = 0;
        for (int k = 0; k < histories.size(); k++) {
            Named n = histories.get(k);
            String prefix = comparing ? n.name() + ": " : "";
            Color strong = colors.get(k % colors.size());
            Color light = lightColors.get(k % lightColors.size());
            MetricHistory h = n.history();
            int nb = h.batches().size();
            double[] bx = new double[nb];
            double[] bl = new double[nb];
            double[] ba = new double[nb];
            for (int i = 0; i < nb; i++) {
                BatchPoint p = h.batches().get(i);
                bx[i] = p.epoch() - 1 + (double) p.batch() / Math.max(1, p.batchesPerEpoch());
                bl[i] = p.loss();
                ba[i] = 100 * p.accuracy();
            }
            int ne = h.epochs().size();
            double[] ex = new double[ne];
            double[] el = new double[ne];
            double[] ea = new double[ne];
            double[] vl = new double[ne];
            double[] va = new double[ne];
            for (int i = 0; i < ne; i++) {
                EpochPoint p = h.epochs().get(i);
                ex[i] = p.epoch();
                el[i] = p.trainLoss();
                ea[i] = 100 * p.trainAccuracy();
                vl[i] = p.validationLoss();
                va[i] = 100 * p.validationAccuracy();
            }
            // A comparison leaves out the per-batch lines (two noisy bands hid each other) and draws the second
            // run with squares and a thinner line, so a run lying under the other still shows.
            PlotSymbolType symbol = k == 0 ? PlotSymbolType.CIRCLE : PlotSymbolType.SQUARE;
            int width = comparing && k > 0 ? 1 : 2;
            if (!comparing) {
                line(loss, prefix + "training (batches)", bx, bl, light, 1, null);
                line(accuracy, prefix + "training (batches)", bx, ba, light, 1, null);
            }
            line(loss, prefix + "training (epochs)", ex, el, strong, width, symbol);
            line(accuracy, prefix + "training (epochs)", ex, ea, strong, width, symbol);
            if (hasNumbers(vl)) {
                line(loss, prefix + "validation", ex, vl, strong, width, symbol).setLineStyle(LineStyle.DASH);
                line(accuracy, prefix + "validation", ex, va, strong, width, symbol).setLineStyle(LineStyle.DASH);
            }
            points += nb + ne;
            if (nb > 0) lastX = Math.max(lastX, bx[nb - 1]);
            if (ne > 0) lastX = Math.max(lastX, ex[ne - 1]);
        }
        for (Chart c : new Chart[] {loss, accuracy}) {
            frame(c, c == accuracy, points == 0, Math.max(lastX, plannedEpochs));
            c.redraw();
        }
    }

    /**
     * The epochs a run is planned for: the x axis spans them from the start, so the curves grow into a fixed
     * frame instead of rescaling at every refresh (0: span the points shown).
     */
    public void setPlannedEpochs(int epochs) {
        plannedEpochs = Math.max(0, epochs);
    }

    /**
     * The axes' ranges: before the first point a meaningful empty frame (0 to the planned epochs, loss 0 to 1,
     * accuracy 0 to 100 %), not SWTChart's -1 to 1; with points, their range plus a margin, so the dots of the
     * last epoch and of the extremes are drawn whole inside the plot.
     */
    private static void frame(Chart c, boolean percent, boolean empty, double lastEpoch) {
        IAxis x = c.getAxisSet().getXAxis(0);
        IAxis y = c.getAxisSet().getYAxis(0);
        double xMax = lastEpoch > 0 ? lastEpoch : 1;
        if (empty) {
            x.setRange(new org.eclipse.swtchart.Range(0, xMax));
            y.setRange(new org.eclipse.swtchart.Range(0, percent ? 100 : 1));
            return;
        }
        c.getAxisSet().adjustRange();
        double xPad = xMax * 0.06; // the dots of the last epoch (3 px) drawn whole even in a narrow chart
        x.setRange(new org.eclipse.swtchart.Range(0, xMax + xPad));
        org.eclipse.swtchart.Range r = y.getRange();
        double pad = Math.max((r.upper - r.lower) * 0.06, percent ? 0.5 : 1e-3);
        double lower = Math.max(0, r.lower - pad);
        double upper = percent ? Math.min(100 + pad, r.upper + pad) : r.upper + pad;
        y.setRange(new org.eclipse.swtchart.Range(lower, upper));
    }

    private static boolean hasNumbers(double[] v) {
        for (double d : v) if (!Double.isNaN(d)) return true;
        return false;
    }

    private static void clear(Chart c) {
        for (ISeries<?> s : c.getSeriesSet().getSeries()) c.getSeriesSet().deleteSeries(s.getId());
    }

    private static ILineSeries<?> line(Chart c, String id, double[] x, double[] y, Color color, int width,
            PlotSymbolType symbol) {
        ISeries<?> existing = c.getSeriesSet().getSeries(id);
        if (existing instanceof ILineSeries<?> s) {
            s.setXSeries(x);
            s.setYSeries(y);
            return s;
        }
        ILineSeries<?> s = (ILineSeries<?>) c.getSeriesSet().createSeries(SeriesType.LINE, id);
        s.setXSeries(x);
        s.setYSeries(y);
        s.setLineColor(color);
        s.setLineWidth(width);
        s.setAntialias(SWT.ON);
        s.setSymbolType(symbol == null ? PlotSymbolType.NONE : symbol);
        s.setSymbolColor(color);
        s.setSymbolSize(3);
        return s;
    }

    /** The number of data points shown (batch and epoch points of all histories). */
    public int pointCount() {
        return points;
    }

    /** The loss chart (for export and tests). */
    public Chart lossChart() {
        return loss;
    }

    /** The accuracy chart. */
    public Chart accuracyChart() {
        return accuracy;
    }
}

package digitlab.ui.internal.canvas;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * One horizontal bar per class with its label and percentage; the best class is highlighted.
 * Without a guess the bars are empty.
 */
public final class ConfidenceBars extends Canvas {

    private final Color bar;
    private final Color best;
    private final Color track;
    private float[] confidences;
    private List<String> labels = List.of();
    private int bestIndex = -1;

    /** Bars in {@code parent}. */
    public ConfidenceBars(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        bar = new Color(0x90, 0xA4, 0xB8);
        best = new Color(0xD9, 0x5F, 0x02);
        track = new Color(0xEE, 0xEE, 0xEE);
        addPaintListener(e -> paint(e.gc));
        addDisposeListener(e -> {
            bar.dispose();
            best.dispose();
            track.dispose();
        });
    }

    /** Shows {@code confidences} (null: none) for {@code labels}, highlighting {@code bestIndex}. */
    public void setConfidences(float[] confidences, List<String> labels, int bestIndex) {
        this.confidences = confidences == null ? null : confidences.clone();
        this.labels = labels;
        this.bestIndex = bestIndex;
        redraw();
    }

    /** The values shown, or null. */
    public float[] confidences() {
        return confidences == null ? null : confidences.clone();
    }

    /** The highlighted class, -1 for none. */
    public int bestIndex() {
        return bestIndex;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        return new Point(wHint == SWT.DEFAULT ? 220 : wHint, hHint == SWT.DEFAULT ? 10 * 22 : hHint);
    }

    private void paint(GC gc) {
        Rectangle a = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(a);
        int n = labels.isEmpty() ? 10 : labels.size();
        int rowH = Math.max(12, a.height / n);
        int labelW = gc.textExtent("MM").x;
        int pctW = gc.textExtent("100.0 %").x + 6;
        int barW = Math.max(10, a.width - labelW - pctW - 8);
        int textH = gc.getFontMetrics().getHeight();
        for (int i = 0; i < n; i++) {
            int y = a.y + i * rowH;
            String label = labels.isEmpty() ? Integer.toString(i) : labels.get(i);
            boolean isBest = i == bestIndex;
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            gc.drawString(label, a.x + 2, y + (rowH - textH) / 2, true);
            int bx = a.x + labelW + 4;
            int bh = Math.max(6, rowH - 6);
            gc.setBackground(track);
            gc.fillRectangle(bx, y + 3, barW, bh);
            if (confidences != null) {
                float c = Math.max(0, Math.min(1, confidences[i]));
                gc.setBackground(isBest ? best : bar);
                gc.fillRectangle(bx, y + 3, Math.round(c * barW), bh);
                String pct = String.format("%.1f %%", c * 100);
                gc.drawString(pct, a.x + a.width - gc.textExtent(pct).x - 2, y + (rowH - textH) / 2, true);
            }
        }
    }
}

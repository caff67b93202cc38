package digitlab.ui.internal.heatmap;

/**
 * The scale a heatmap maps onto its colour table: {@code lo..hi}. Signed data uses a range that is
 * symmetric around zero so that white always means zero on the diverging map.
 *
 * @param lo the value drawn with entry 0
 * @param hi the value drawn with entry 255
 */
public record ValueRange(double lo, double hi) {

    /** The symmetric range {@code -m..m} with {@code m} the largest magnitude in {@code values[from..to)}. */
    public static ValueRange symmetric(float[] values, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            float v = values[i];
            if (Float.isFinite(v)) m = Math.max(m, Math.abs(v));
        }
        if (m == 0) m = 1e-6;
        return new ValueRange(-m, m);
    }

    /** {@code 0..max} over {@code values} (at least a tiny positive top, so an all-zero input stays white). */
    public static ValueRange upTo(float[] values) {
        double m = 0;
        for (float v : values) if (Float.isFinite(v)) m = Math.max(m, v);
        return new ValueRange(0, m > 0 ? m : 1e-6);
    }

    /** The colour table index of {@code v}. */
    public int index(double v) {
        return ColorMap.index(v, lo, hi);
    }
}

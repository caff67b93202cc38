package digitlab.train.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The early-stopping rule of a sweep: asynchronous successive halving (ASHA, Li et al. 2020, in the stopping form
 * that Ray Tune's ASHA scheduler and Optuna's successive-halving pruner use).
 *
 * <p>Rungs are at the ends of epochs {@code r, r*f, r*f^2, ...} below the run's last epoch ({@code r} =
 * {@link #firstRung}, {@code f} = {@link #reduction}). When a run finishes a rung epoch, its value of the sweep's
 * per-epoch metric ({@link SweepMetric#perEpoch()}, validation accuracy by default) is recorded at that rung, and
 * the run goes on only if that value is among the best {@code max(1, floor(n / f))} of the {@code n} values recorded
 * there so far (its own included; ties go on); otherwise it stops early (status "stopped early", not a failure).
 * Asynchronous: a run is compared with the runs that reached the rung before it, so it never waits for the others;
 * the first run at a rung always goes on. With one run at a time the decisions follow the points' order; with
 * several they depend on which run gets there first.
 *
 * <p>Example: 3 epochs, first rung 1, factor 2: rungs after epochs 1 and 2. The 4th run to finish epoch 1 goes on
 * when it is among the best 2 of the 4 values there.
 *
 * @param firstRung the first rung epoch (the "grace period": every run trains at least this many epochs), at least 1
 * @param reduction the reduction factor f: each rung keeps about 1/f of the runs, 2 to 10
 */
public record EarlyStopping(int firstRung, int reduction) {

    /** The usual rule: first rung after epoch 1, keep half. */
    public static final EarlyStopping DEFAULT = new EarlyStopping(1, 2);

    /** The largest reduction factor. */
    public static final int MAX_REDUCTION = 10;

    /** The rung epochs for runs of {@code epochs} epochs: r, r*f, ... below {@code epochs} (none for 1 epoch). */
    public List<Integer> rungs(int epochs) {
        List<Integer> out = new ArrayList<>();
        if (firstRung < 1 || reduction < 2) return out;
        for (long e = firstRung; e < epochs; e *= reduction) out.add((int) e);
        return out;
    }

    /**
     * Whether a run whose value at a rung is {@code value} goes on, among {@code recorded} (the values recorded at
     * that rung so far, its own included). A NaN value never goes on unless it is alone.
     */
    public boolean keeps(double value, Collection<Double> recorded, SweepMetric metric) {
        int n = recorded.size();
        int keep = Math.max(1, n / reduction);
        int better = 0;
        for (double v : recorded) if (metric.better(v, value)) better++;
        return better < keep;
    }

    /** The rule in one sentence, for a sweep's summary. */
    public String describe(SweepMetric metric, int epochs) {
        List<Integer> rungs = rungs(epochs);
        String what = metric.perEpoch().label().toLowerCase(Locale.ROOT);
        if (rungs.isEmpty()) return "early stopping (ASHA): no rung below the last epoch, so no run is stopped";
        return String.format(Locale.ROOT, "early stopping (ASHA, reduction factor %d): after epoch%s %s a run goes on only"
                + " if its %s is among the best 1/%d of the runs that reached that epoch before it (at least one goes on);"
                + " the others are stopped early", reduction, rungs.size() > 1 ? "s" : "", join(rungs), what, reduction);
    }

    private static String join(List<Integer> rungs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rungs.size(); i++) {
            if (i > 0) sb.append(i == rungs.size() - 1 ? " and " : ", ");
            sb.append(rungs.get(i));
        }
        return sb.toString();
    }
}

package digitlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metric history of a run: its batch points and epoch points in order. Immutable.
 *
 * <p>Stored as {@code history.csv} in the run's folder, one row per point:
 * <pre>
 * kind,epoch,batch,batches,step,loss,accuracy,validation_loss,validation_accuracy,learning_rate,samples_per_second,seconds,elapsed_seconds
 * batch,1,10,860,10,1.2034,0.61,,,0.001,41000.5,,0.42
 * epoch,1,,,860,0.3012,0.91,0.1401,0.9588,0.00097,45012.1,1.22,1.22
 * </pre>
 * ({@code epoch} rows: {@code loss}/{@code accuracy} are the epoch's training figures; {@code batches} holds
 * the run's total epochs.) Empty cells are NaN. The same text is the CSV export of the history.
 *
 * @param batches the batch points, by step
 * @param epochs  the epoch points, by epoch
 */
public record MetricHistory(List<BatchPoint> batches, List<EpochPoint> epochs) {

    /** The CSV header line. */
    public static final String CSV_HEADER = "kind,epoch,batch,batches,step,loss,accuracy,validation_loss,"
            + "validation_accuracy,learning_rate,samples_per_second,seconds,elapsed_seconds";

    /** An empty history. */
    public static final MetricHistory EMPTY = new MetricHistory(List.of(), List.of());

    /** Freezes the lists. */
    public MetricHistory {
        batches = List.copyOf(batches);
        epochs = List.copyOf(epochs);
    }

    /** The last epoch point, or null. */
    public EpochPoint lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** The training time of the last point, 0 for an empty history. */
    public double elapsedSeconds() {
        double e = 0;
        if (!batches.isEmpty()) e = batches.get(batches.size() - 1).elapsedSeconds();
        if (!epochs.isEmpty()) e = Math.max(e, epochs.get(epochs.size() - 1).elapsedSeconds());
        return e;
    }

    /**
     * The points up to and including optimizer step {@code step} (and epochs up to {@code completedEpochs}):
     * the history as it stood at a checkpoint, so a resumed run continues it without gap or repeat.
     */
    public MetricHistory upTo(long step, int completedEpochs) {
        List<BatchPoint> b = new ArrayList<>();
        for (BatchPoint p : batches) if (p.step() <= step) b.add(p);
        List<EpochPoint> e = new ArrayList<>();
        for (EpochPoint p : epochs) if (p.epoch() <= completedEpochs) e.add(p);
        return new MetricHistory(b, e);
    }

    /** A copy with one more batch point. */
    public MetricHistory with(BatchPoint p) {
        List<BatchPoint> b = new ArrayList<>(batches);
        b.add(p);
        return new MetricHistory(b, epochs);
    }

    /** A copy with one more epoch point. */
    public MetricHistory with(EpochPoint p) {
        List<EpochPoint> e = new ArrayList<>(epochs);
        e.add(p);
        return new MetricHistory(batches, e);
    }

    /** The history as CSV text (header, batch rows, epoch rows), the format of {@code history.csv}. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (BatchPoint p : batches) {
            row(sb, "batch", p.epoch(), p.batch(), p.batchesPerEpoch(), p.step(), p.loss(), p.accuracy(), Double.NaN,
                    Double.NaN, p.learningRate(), p.samplesPerSecond(), Double.NaN, p.elapsedSeconds());
        }
        for (EpochPoint p : epochs) {
            row(sb, "epoch", p.epoch(), -1, p.epochs(), p.step(), p.trainLoss(), p.trainAccuracy(), p.validationLoss(),
                    p.validationAccuracy(), p.learningRate(), p.samplesPerSecond(), p.seconds(), p.elapsedSeconds());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String kind, int epoch, int batch, int batches, long step, double... v) {
        sb.append(kind).append(',').append(epoch).append(',').append(batch < 0 ? "" : Integer.toString(batch))
                .append(',').append(batches).append(',').append(step);
        for (double d : v) sb.append(',').append(Double.isNaN(d) ? "" : number(d));
        sb.append('\n');
    }

    private static String number(double d) {
        // Enough digits to read back the same double; short for round figures.
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * Reads the CSV form.
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static MetricHistory parseCsv(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(CSV_HEADER)) {
            throw new IllegalArgumentException("line 1: expected the header '" + CSV_HEADER + "'");
        }
        List<BatchPoint> b = new ArrayList<>();
        List<EpochPoint> e = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] c = lines[i].split(",", -1);
            if (c.length != 13) throw new IllegalArgumentException("line " + (i + 1) + ": expected 13 columns, found " + c.length);
            try {
                switch (c[0].toLowerCase(Locale.ROOT)) {
                    case "batch" -> b.add(new BatchPoint(Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                            Integer.parseInt(c[3]), Long.parseLong(c[4]), d(c[5]), d(c[6]), d(c[9]), d(c[10]), d(c[12])));
                    case "epoch" -> e.add(new EpochPoint(Integer.parseInt(c[1]), Integer.parseInt(c[3]),
                            Long.parseLong(c[4]), d(c[5]), d(c[6]), d(c[7]), d(c[8]), d(c[9]), d(c[10]), d(c[11]), d(c[12])));
                    default -> throw new IllegalArgumentException("unknown kind '" + c[0] + "'");
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not a number: " + ex.getMessage());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + ex.getMessage());
            }
        }
        return new MetricHistory(b, e);
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}

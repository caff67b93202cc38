package digitlab.ui.internal.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import digitlab.train.EpochPoint;
import digitlab.train.MetricHistory;
import digitlab.train.RunInfo;
import digitlab.train.RunStore;
import digitlab.train.sweep.SweepJob;
import digitlab.train.sweep.SweepPoint;
import digitlab.train.sweep.SweepRecord;
import digitlab.train.sweep.SweepSpec;
import digitlab.train.sweep.SweepStore;

/**
 * The workbench's calls into the sweep engine (digitlab.train.sweep) for the workspace's sweeps: start one as a
 * {@link SweepJob} (one Progress entry with its runs under it), list and read them for the Sweep view, cancel,
 * resume or discard one. Everything here reads or writes files: call it off the UI thread.
 */
public final class SweepLauncher {

    /**
     * A sweep of the workspace as the view's combo and the restart question name it.
     *
     * @param id       the sweep's id
     * @param label    its name and id, e.g. "sweep of learning rate x batch size (20261203-170512-sweep)"
     * @param progress its progress in words, e.g. "2 of 4 points done, best validation accuracy 91.20 % (#2)"
     */
    public record Listed(String id, String label, String progress) {
    }

    private SweepLauncher() {
    }

    private static SweepStore store() {
        return SweepStore.workspace();
    }

    /** Makes a sweep of {@code spec} in the workspace and schedules its job; returns the sweep's id. */
    static String start(SweepSpec spec) throws IOException {
        SweepRecord made = store().create(spec);
        SweepJob.of(store(), made.id()).schedule();
        return made.id();
    }

    /** The workspace's sweeps, newest first. */
    public static List<Listed> list() throws IOException {
        return store().list().stream().map(SweepLauncher::listed).toList();
    }

    private static Listed listed(SweepRecord r) {
        String when = r.created().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' ');
        return new Listed(r.id(), r.name() + " (" + when + ")", r.summary());
    }

    /** The sweeps stopped by the lab's end that have points left: what the restart question offers. */
    public static List<Listed> interrupted() throws IOException {
        return store().interrupted().stream().map(SweepLauncher::listed).toList();
    }

    /** The job running sweep {@code id} in this workbench, or null. */
    static SweepJob job(String id) {
        for (SweepJob j : SweepJob.all()) if (j.sweepId().equals(id)) return j;
        return null;
    }

    /** Cancels sweep {@code id}: its running runs stop (resumable), queued ones never start; finished runs stay. */
    public static void cancel(String id) {
        SweepJob j = job(id);
        if (j != null) j.cancel();
    }

    /** Continues sweep {@code id} where it stopped, as a new job. */
    public static void resume(String id) throws IOException {
        if (job(id) == null) SweepJob.of(store(), id).schedule();
    }

    /** Forgets sweep {@code id} (its record; its runs stay in the Runs view). */
    public static void discard(String id) throws IOException {
        store().delete(id);
    }

    /**
     * Reads sweep {@code id} with its runs' summaries and last training loss. {@code losses} caches the loss per run
     * and epoch count, so a refresh reads the history only of runs with a new epoch.
     */
    static SweepData read(String id, Map<String, double[]> losses) throws IOException {
        SweepRecord r = store().open(id);
        RunStore runs = store().runs();
        List<SweepRow> rows = new ArrayList<>();
        for (SweepPoint p : r.points()) {
            RunInfo info = null;
            double loss = Double.NaN;
            double end = Double.NaN;
            if (p.runId() != null) {
                try {
                    var run = runs.open(p.runId());
                    info = run.info();
                    loss = trainLoss(run, p.epochsCompleted(), losses);
                    if (info.status().isFinished()) {
                        end = Duration.between(r.created(), info.created()).toMillis() / 1000.0 + info.seconds();
                    }
                } catch (IOException | RuntimeException e) {
                    info = null; // the run was deleted: the point stays with the sweep's figures
                }
            }
            rows.add(new SweepRow(p, info, p.metric(r.spec().metric()), loss, end));
        }
        return new SweepData(r, rows, job(id) != null);
    }

    private static double trainLoss(digitlab.train.Run run, int epochs, Map<String, double[]> cache) throws IOException {
        if (epochs == 0) return Double.NaN;
        double[] known = cache.get(run.id());
        if (known != null && known[0] == epochs) return known[1];
        MetricHistory h = run.history();
        double loss = Double.NaN;
        for (EpochPoint e : h.epochs()) loss = e.trainLoss();
        cache.put(run.id(), new double[] {epochs, loss});
        return loss;
    }

    /** A fresh cache for {@link #read}. */
    static Map<String, double[]> lossCache() {
        return new ConcurrentHashMap<>();
    }
}

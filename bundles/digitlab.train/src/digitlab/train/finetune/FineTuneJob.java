package digitlab.train.finetune;

import digitlab.nn.Model;
import digitlab.train.Datasets;
import digitlab.train.TrainingJob;
import digitlab.train.mydrawings.MyDrawingsDataset;
import digitlab.train.mydrawings.MyDrawingsStore;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * "Fine-tune on my drawings" as an Eclipse {@link Job}: loads MNIST and My drawings, runs a
 * {@link FineTuner} (Progress view: one unit per batch, the sub-task names the phase or epoch and loss),
 * stops within one batch when cancelled. The job only reads: the current model and the store stay as
 * they are whatever happens; the fine-tuned model is in {@link #result()} for the caller to offer.
 *
 * <p>Its status: OK with the summary when completed, {@link Status#CANCEL_STATUS} when cancelled,
 * ERROR with a one-line message (no drawings yet, a damaged store naming its file, ...) otherwise.
 */
public final class FineTuneJob extends Job {

    /** The family of fine-tune jobs. */
    public static final Object FAMILY = "digitlab.train.finetune.FineTuneJob";

    private static final long UPDATE_NANOS = 150_000_000L;

    private final Model base;
    private final MyDrawingsStore store;
    private final FineTuneSettings settings;
    private volatile FineTuneResult result;

    /**
     * @param base     the model to fine-tune (e.g. the current model); never changed
     * @param store    the drawings to learn
     * @param settings how to fine-tune
     */
    public FineTuneJob(Model base, MyDrawingsStore store, FineTuneSettings settings) {
        super("Fine-tuning on my drawings");
        this.base = base;
        this.store = store;
        this.settings = settings;
        setPriority(LONG);
        setUser(true);
    }

    /** The outcome once the job has run (completed or cancelled), else null. */
    public FineTuneResult result() {
        return result;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            monitor.subTask("Loading MNIST and my drawings");
            MyDrawingsDataset drawings = store.dataset();
            FineTuner tuner = new FineTuner(base, Datasets.load("mnist", -1), drawings, settings);
            FineTuneResult r = tuner.run(monitor::isCanceled, new MonitorProgress(monitor));
            result = r;
            return r.completed() ? new Status(IStatus.OK, TrainingJob.PLUGIN_ID, r.summary()) : Status.CANCEL_STATUS;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Status.error(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
    }

    /** Fine-tune progress -> progress monitor, at a bounded rate. */
    private static final class MonitorProgress implements FineTuner.Progress {
        private final IProgressMonitor monitor;
        private long lastUpdate;
        private int reported;

        MonitorProgress(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void phase(String text) {
            monitor.subTask(text);
        }

        @Override
        public void begin(int totalBatches) {
            monitor.beginTask("Fine-tuning on my drawings", totalBatches);
        }

        @Override
        public void batch(int epoch, int epochs, int done, int total, double loss) {
            long now = System.nanoTime();
            if (now - lastUpdate < UPDATE_NANOS && done < total) return;
            lastUpdate = now;
            monitor.worked(done - reported);
            reported = done;
            monitor.subTask(String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d, loss %.4f", epoch, epochs, done, total, loss));
        }
    }
}

package digitlab.ui.internal.teach;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.ModelService;
import digitlab.train.finetune.FineTuneJob;
import digitlab.train.finetune.FineTuneResult;
import digitlab.train.finetune.FineTuneSettings;
import digitlab.train.mydrawings.MyDrawingsStore;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.model.CurrentModelChoice;

/**
 * "Fine-tune on my drawings" in the workbench: starts a {@link FineTuneJob} on the current model (Progress
 * view, cancellable), and when it completes shows the figures before and after and asks whether the
 * fine-tuned model should become the current model. Only a yes changes anything: the model is saved under
 * {@code <workspace>/models} and becomes the current model, kept across restarts ({@link CurrentModelChoice}).
 * A cancel or an error leaves everything as it was.
 */
public final class FineTuneLauncher {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * Asks the user whether to use the result (UI thread); replaceable for tests. The default is a question
     * dialog on the shell.
     */
    public static volatile java.util.function.BiPredicate<Shell, String> offer =
            (shell, text) -> MessageDialog.openQuestion(shell, "Fine-tuned on My drawings", text);

    private FineTuneLauncher() {
    }

    /**
     * Starts a fine-tune of the current model unless one is running (then says so).
     *
     * @return the job started, or null
     */
    public static FineTuneJob start(Shell shell) {
        if (Job.getJobManager().find(FineTuneJob.FAMILY).length > 0) {
            MessageDialog.openInformation(shell, "Fine-tune on My drawings",
                    "A fine-tune is running already; see the Progress view.");
            return null;
        }
        Model base;
        try {
            base = ModelService.get().current().model();
        } catch (IllegalStateException e) {
            MessageDialog.openError(shell, "Fine-tune on My drawings", e.getMessage());
            return null;
        }
        String baseName = ModelService.get().current().source();
        FineTuneJob job = new FineTuneJob(base, MyDrawingsStore.workspace(), FineTuneSettings.defaults());
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                FineTuneResult r = job.result();
                if (r == null || !r.completed() || shell.isDisposed()) return;
                ViewJob.inUi(shell, () -> offer(shell, r, baseName));
            }
        });
        job.schedule();
        return job;
    }

    private static void offer(Shell shell, FineTuneResult r, String baseName) {
        String text = String.format(Locale.ROOT, "Fine-tuned %s on %d of my drawings (%d epochs, %.1f s).%n%n"
                + "MNIST test: %s \u2192 %s%nHeld-out drawings (%d): %s \u2192 %s%nDrawings learned (%d): %s \u2192 %s%n%n"
                + "Use the fine-tuned model as the current model?", baseName, r.trainedDrawings(), r.epochs(), r.seconds(),
                pct(r.mnistBefore()), pct(r.mnistAfter()), r.heldOutDrawings(), pct(r.heldOutBefore()), pct(r.heldOutAfter()),
                r.trainedDrawings(), pct(r.trainedBefore()), pct(r.trainedAfter()));
        Predicate<String> ask = t -> offer.test(shell, t);
        if (!ask.test(text)) return;
        String name = "finetuned-" + STAMP.format(Instant.now()) + ModelFormat.EXTENSION;
        // a failure becomes the job's error status, which the platform shows and logs
        ViewJob.of("Using the fine-tuned model", monitor -> {
            Path file = MyDrawingsStore.workspace().file().getParent().resolveSibling("models").resolve(name);
            try {
                java.nio.file.Files.createDirectories(file.getParent());
                ModelFormat.save(r.model(), file);
                CurrentModelChoice.useFile(file); // current now and after a restart, like File > Open Model...
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.IOException("the fine-tuned model cannot be saved, so the current model stays: " + e.getMessage(), e);
            }
        }).inProgressView().schedule(null, shell);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }
}

package digitlab.ui.internal.commands;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import digitlab.nn.io.ModelFormat;
import digitlab.train.CurrentModel;
import digitlab.train.ModelService;
import digitlab.ui.internal.UiThread;

/**
 * File > Save Model As...: writes the current model (the one the canvas guesses with) to a model file of
 * the user's choice, atomically, in a job; a failure is one line naming the file and the reason.
 */
public final class SaveModelAsHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Save Model As");
        d.setFilterExtensions(new String[] {"*" + ModelFormat.EXTENSION, "*.*"});
        d.setFileName("model" + ModelFormat.EXTENSION);
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen == null) return null;
        Path file = Path.of(chosen.endsWith(ModelFormat.EXTENSION) || chosen.contains(".") ? chosen : chosen + ModelFormat.EXTENSION);
        save(file, shell);
        return null;
    }

    /** Saves the current model to {@code file} in a job; errors go to a dialog on {@code shell}. */
    public static Job save(Path file, Shell shell) {
        Job job = Job.create("Saving the current model to " + file.getFileName(), monitor -> {
            try {
                CurrentModel current = ModelService.get().current();
                ModelFormat.save(current.model(), file);
            } catch (IOException | RuntimeException e) {
                String message = "Cannot save the model to " + file + ": " + (e.getMessage() == null ? e : e.getMessage());
                if (shell != null && !shell.isDisposed()) {
                    UiThread.asyncExec(shell.getDisplay(), () -> {
                        if (!shell.isDisposed()) MessageDialog.openError(shell, "Save Model As", message);
                    });
                }
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }
}

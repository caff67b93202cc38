package digitlab.ui.internal.commands;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import digitlab.ui.ViewJob;
import digitlab.nn.io.ModelFormat;
import digitlab.train.CurrentModel;
import digitlab.train.ModelService;

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

    /** Saves the current model to {@code file} in a job ({@link ViewJob}); errors go to a dialog on {@code shell}. */
    public static ViewJob<Void> save(Path file, Shell shell) {
        return ViewJob.of("Saving the current model to " + file.getFileName(), monitor -> {
            CurrentModel current = ModelService.get().current();
            ModelFormat.save(current.model(), file);
            return (Void) null;
        }).inProgressView().whenFailed(e -> MessageDialog.openError(shell, "Save Model As",
                "Cannot save the model to " + file + ": " + (e.getMessage() == null ? e : e.getMessage())))
                .schedule(null, shell);
    }
}

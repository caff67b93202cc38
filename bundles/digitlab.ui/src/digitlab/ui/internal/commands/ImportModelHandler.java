package digitlab.ui.internal.commands;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import digitlab.ui.ViewJob;
import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.ModelFiles;
import digitlab.ui.internal.model.CurrentModelChoice;

/**
 * File &gt; Import Model...: reads an ONNX model (or the original project's JSON network), saves it as a Digit
 * Lab model file next to it (or where the user says) and makes that the current model, so the canvas, the
 * weights, activity and confusion views use it. A file that cannot be imported is one message naming the file
 * and, for ONNX, the node and operator.
 */
public final class ImportModelHandler extends AbstractHandler {

    /** The file dialog's filters: every format the lab reads, then anything. */
    static final String[] FILTERS = {"*.onnx;*.json;*" + ModelFormat.EXTENSION, "*.*"};

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        FileDialog open = new FileDialog(shell, SWT.OPEN);
        open.setText("Import Model (ONNX or the original project's JSON network)");
        open.setFilterExtensions(FILTERS);
        String chosen = open.open();
        if (chosen == null) return null;
        Path source = Path.of(chosen);
        FileDialog save = new FileDialog(shell, SWT.SAVE);
        save.setText("Save the Imported Model As");
        save.setFilterExtensions(new String[] {"*" + ModelFormat.EXTENSION, "*.*"});
        String base = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        save.setFilterPath(source.toAbsolutePath().getParent() == null ? null : source.toAbsolutePath().getParent().toString());
        save.setFileName(base + ModelFormat.EXTENSION);
        save.setOverwrite(true);
        String target = save.open();
        if (target == null) return null;
        importModel(source, Path.of(target.contains(".") ? target : target + ModelFormat.EXTENSION), shell, dialog(shell, "Import Model"));
        return null;
    }

    /**
     * Imports {@code source} into {@code target} in a job and makes it current; a failure's one-line message goes
     * to {@code onError} on the UI thread of {@code shell} ({@link ViewJob}).
     */
    public static ViewJob<Void> importModel(Path source, Path target, Shell shell, Consumer<String> onError) {
        return ViewJob.of("Importing " + source.getFileName(), monitor -> {
            Model m = ModelFiles.load(source);
            ModelFormat.save(m, target);
            CurrentModelChoice.useFile(target);
            return (Void) null;
        }).inProgressView().whenFailed(e -> onError.accept(e.getMessage() == null ? e.toString() : e.getMessage()))
                .schedule(null, shell);
    }

    /** Shows a message in an error dialog titled {@code title} on {@code shell} (UI thread). */
    static Consumer<String> dialog(Shell shell, String title) {
        return message -> MessageDialog.openError(shell, title, message);
    }
}

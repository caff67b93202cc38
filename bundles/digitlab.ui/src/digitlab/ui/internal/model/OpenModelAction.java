package digitlab.ui.internal.model;

import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import digitlab.ui.ViewJob;
import digitlab.nn.io.ModelFormat;

/**
 * "Open Model...": picks a model file and makes it the lab's current model: a {@code .dlm}, the original
 * project's JSON network or an ONNX model, recognised by content ({@code digitlab.train.ModelFiles}). The file
 * is read by a job; a broken file is reported with the loader's message (which names the file and
 * the problem) and the current model stays as it was.
 */
public final class OpenModelAction extends Action {

    private final Shell shell;

    /** The action, for views' toolbars. */
    public OpenModelAction(Shell shell) {
        super("Open Model\u2026");
        this.shell = shell;
        setToolTipText("Open a model file (.dlm, ONNX or the original JSON network) and make it the current model");
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_FOLDER));
    }

    @Override
    public void run() {
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setFilterExtensions(new String[] {"*" + ModelFormat.EXTENSION + ";*.onnx;*.json", "*.*"});
        String f = d.open();
        if (f != null) load(Path.of(f), shell);
    }

    /** Loads {@code file} in the background ({@link ViewJob}) and makes it current; errors go to a dialog on {@code shell}. */
    public static void load(Path file, Shell shell) {
        ViewJob.of("Loading model " + file.getFileName(), monitor -> {
            CurrentModelChoice.useFile(file);
            return (Void) null;
        }).inProgressView().whenFailed(e -> MessageDialog.openError(shell, "Open Model",
                e.getMessage() == null ? e.toString() : e.getMessage()))
                .schedule(null, shell);
    }
}

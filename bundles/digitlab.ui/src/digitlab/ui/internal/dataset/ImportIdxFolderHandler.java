package digitlab.ui.internal.dataset;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * File &gt; Import IDX Dataset Folder... (command {@value #COMMAND_ID}) and the Dataset view's Import button:
 * asks for a folder, then {@link IdxFolderImport} checks it in a job and imports it or names the problem.
 */
public final class ImportIdxFolderHandler extends AbstractHandler {

    /** The command id (plugin.xml). */
    public static final String COMMAND_ID = "digitlab.ui.commands.importIdxFolder";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        chooseAndImport(HandlerUtil.getActiveWorkbenchWindowChecked(event));
        return null;
    }

    /** Shows the folder chooser and, unless cancelled, imports the folder chosen. */
    public static void chooseAndImport(IWorkbenchWindow window) {
        DirectoryDialog dialog = new DirectoryDialog(window.getShell(), 0);
        dialog.setText(IdxFolderImport.TITLE);
        dialog.setMessage("Choose a folder with train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each raw or .gz; classes.txt optional)");
        String folder = dialog.open();
        if (folder == null) return;
        IdxFolderImport.start(Path.of(folder), window.getShell(),
                outcome -> IdxFolderImport.present(outcome, window));
    }
}

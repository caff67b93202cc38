package digitlab.ui.internal.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import digitlab.ui.ViewJob;
import digitlab.nn.Model;
import digitlab.nn.onnx.OnnxExport;
import digitlab.train.CurrentModel;
import digitlab.train.ModelService;
import digitlab.train.RunInfo;
import digitlab.train.RunStore;

/**
 * File &gt; Export Model &gt; ONNX... (the current model) and the Runs view's "Export Model as ONNX..." (the
 * selected run's model): writes the model as an ONNX file in a job, atomically. A model with a layer that has no
 * ONNX mapping, or a file that cannot be written, is one message naming the layer or the file.
 */
public final class ExportOnnxHandler extends AbstractHandler {

    /** The Runs view's command (the File menu's exports the current model). */
    static final String RUN_COMMAND = "digitlab.ui.commands.exportRunOnnx";

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        boolean forRun = RUN_COMMAND.equals(event.getCommand().getId());
        RunInfo run = forRun ? selectedRun(event) : null;
        if (forRun && run == null) {
            MessageDialog.openInformation(shell, "Export Model as ONNX", "The selected run has no model yet: it saves one"
                    + " at the end of its first epoch.");
            return null;
        }
        String suggested = run != null ? safe(run.name() != null && !run.name().isBlank() ? run.name() : run.id()) : "model";
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText(run != null ? "Export Run's Model as ONNX" : "Export Current Model as ONNX");
        d.setFilterExtensions(new String[] {"*" + OnnxExport.EXTENSION, "*.*"});
        d.setFileName(suggested + OnnxExport.EXTENSION);
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen == null) return null;
        Path file = Path.of(chosen.contains(".") ? chosen : chosen + OnnxExport.EXTENSION);
        if (run != null) {
            export(file, () -> new Object[] {RunStore.workspace().open(run.id()).loadModel(),
                "Digit Lab run " + run.id() + (run.name() == null ? "" : " (" + run.name() + ")") + "; " + run.architecture()},
                    shell, ImportModelHandler.dialog(shell, "Export Model as ONNX"));
        } else {
            export(file, () -> {
                CurrentModel c = ModelService.get().current();
                return new Object[] {c.model(), "Digit Lab model: " + c.source() + "; " + c.model().snapshot().architecture()};
            }, shell, ImportModelHandler.dialog(shell, "Export Model as ONNX"));
        }
        return null;
    }

    /**
     * Exports the model and its description that {@code source} gives ({@code [Model, String]}) to {@code file} in
     * a job ({@link ViewJob}); a failure's one-line message goes to {@code onError} on the UI thread of {@code shell}.
     */
    public static ViewJob<Void> export(Path file, Callable<Object[]> source, Shell shell, Consumer<String> onError) {
        return ViewJob.of("Exporting the model to " + file.getFileName(), monitor -> {
            Object[] modelAndDescription = source.call();
            OnnxExport.write((Model) modelAndDescription[0], (String) modelAndDescription[1], file);
            return (Void) null;
        }).inProgressView()
                .whenFailed(e -> onError.accept("Cannot export the model to " + file + ": " + (e.getMessage() == null ? e : e.getMessage())))
                .schedule(null, shell);
    }

    // the selected run of the Runs view (its context menu's command), when it has a model
    private static RunInfo selectedRun(ExecutionEvent event) {
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s && s.getFirstElement() instanceof RunInfo r
                && r.hasModel()) {
            return r;
        }
        return null;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}

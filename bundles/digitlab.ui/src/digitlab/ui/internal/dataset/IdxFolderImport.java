package digitlab.ui.internal.dataset;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

import digitlab.ui.ViewJob;
import digitlab.data.Dataset;
import digitlab.data.Split;
import digitlab.data.idx.IdxFolderProvider;
import digitlab.train.Datasets;
import digitlab.ui.DigitLabViews;

/**
 * Imports a folder of the four standard IDX files as dataset {@code idx:/folder}: a job reads and checks every
 * file off the UI thread (through the lab's registry, so the dataset is cached for the views), then on the UI
 * thread either an error dialog names the missing or broken file, or the folder is remembered
 * ({@link ImportedDatasets}), the Dataset view switches to it and the Training form offers it.
 * <p>
 * The folder chooser lives in {@link ImportIdxFolderHandler}; everything here takes a path, so tests drive it.
 */
public final class IdxFolderImport {

    /** The dialogs' title. */
    public static final String TITLE = "Import IDX Dataset Folder";

    /**
     * What checking a folder found.
     *
     * @param folder    the folder, absolute
     * @param datasetId its dataset id, {@code idx:/folder}
     * @param summary   for a good folder, e.g. "60,000 training, 10,000 test images of 28x28, 10 classes"; else null
     * @param error     for a bad folder, the problem naming the file (never null then); else null
     */
    public record Outcome(Path folder, String datasetId, String summary, String error) {
        /** Whether the folder holds a readable dataset. */
        public boolean ok() {
            return error == null;
        }
    }

    private IdxFolderImport() {
    }

    /**
     * Reads and checks the dataset in {@code folder}. Slow for big folders (reads all four files): call off the
     * UI thread. A missing file is named by {@code IdxFolder.locate}, a broken one by the IDX reader.
     */
    public static Outcome check(Path folder) {
        IdxFolderProvider provider = new IdxFolderProvider(folder);
        String id = provider.id();
        try {
            // Read from disk again: a copy cached by an earlier import must not answer for files changed since.
            // (unregister of an idx: id only drops its cached copy: such ids are never registered.) Loading
            // through the registry leaves the checked dataset cached for the Dataset view, which opens on it.
            Datasets.registry().unregister(id);
            Dataset d = Datasets.registry().load(id);
            String summary = String.format("%,d training, %,d validation, %,d test images of %dx%d, %d classes",
                    d.part(Split.TRAIN).size(), d.part(Split.VALIDATION).size(), d.part(Split.TEST).size(),
                    d.imageWidth(), d.imageHeight(), d.classCount());
            return new Outcome(provider.folder(), id, summary, null);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Outcome(provider.folder(), id, null, message);
        }
    }

    /**
     * Checks {@code folder} in a job ({@link ViewJob}, shown in the Progress view) and hands the outcome to
     * {@code onUiThread} on the UI thread while {@code shell} is open.
     *
     * @return the scheduled job
     */
    public static ViewJob<Outcome> start(Path folder, Shell shell, Consumer<Outcome> onUiThread) {
        return ViewJob.of("Checking IDX dataset folder " + folder, monitor -> check(folder)).inProgressView()
                .whenDone(onUiThread).schedule(null, shell);
    }

    /**
     * The workbench's answer to an outcome: an error dialog for a bad folder; for a good one the folder is
     * remembered, the Training form's list offers it (it listens to
     * {@link ImportedDatasets}) and the Dataset view opens on it.
     */
    public static void present(Outcome outcome, IWorkbenchWindow window) {
        Shell shell = window.getShell();
        if (shell == null || shell.isDisposed()) return; // the window closed while the job ran
        if (!outcome.ok()) {
            MessageDialog.openError(shell, TITLE, "Cannot import " + outcome.folder() + ":\n\n" + outcome.error());
            return;
        }
        accept(outcome, window);
    }

    /** Remembers a good folder and shows it: the Dataset view switches to it, the Training form offers it. */
    public static void accept(Outcome outcome, IWorkbenchWindow window) {
        String id = ImportedDatasets.add(outcome.folder());
        IWorkbenchPage page = window.getActivePage();
        if (page == null) return;
        try {
            DatasetView view = (DatasetView) page.showView(DigitLabViews.DATASET);
            view.showDataset(id);
        } catch (PartInitException e) {
            MessageDialog.openError(window.getShell(), TITLE, "Imported " + id + ", but cannot open the Dataset view: "
                    + e.getMessage());
        }
    }
}

package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.commands.Command;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import digitlab.data.Split;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.dataset.DatasetView;
import digitlab.ui.internal.dataset.IdxFolderImport;
import digitlab.ui.internal.dataset.IdxFolderImport.Outcome;
import digitlab.ui.internal.dataset.ImportIdxFolderHandler;
import digitlab.ui.internal.dataset.ImportedDatasets;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;

/**
 * File &gt; Import IDX Dataset Folder..., driven with a folder path in place of the folder chooser: a good folder
 * becomes a remembered dataset that the Dataset view shows and the Training form offers, until the Dataset view's
 * Remove takes it off both lists; a bad one is refused
 * with the missing or broken file named.
 */
class ImportIdxFolderTest {

    @TempDir
    Path temp;

    /** Runs the import's job and returns what it handed to the UI thread. */
    private static Outcome runImport(Path folder, IWorkbenchWindow window, boolean present) {
        AtomicReference<Outcome> seen = new AtomicReference<>();
        IdxFolderImport.start(folder, Ui.shell(), o -> {
            if (present) IdxFolderImport.present(o, window);
            seen.set(o);
        });
        Ui.waitUntil("the import job", 30_000, () -> seen.get() != null);
        return seen.get();
    }

    @Test
    void aGoodFolderIsRememberedShownAndOfferedForTraining() throws Exception {
        Path folder = IdxFiles.writeFolder(temp.resolve("digits"), 24, 6, 8, 3);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        TrainingView training = Ui.show(DigitLabViews.TRAINING);
        DatasetView datasets = Ui.show(DigitLabViews.DATASET);
        String before = datasets.datasetId();
        String id = "idx:" + folder.toAbsolutePath().normalize();
        try {
            Outcome o = runImport(folder, window, true);
            assertTrue(o.ok(), o.error());
            assertEquals(id, o.datasetId());
            // 24 training images: the standard split holds out a twelfth (2) for validation.
            assertEquals("22 training, 2 validation, 6 test images of 8x8, 3 classes", o.summary());

            assertTrue(ImportedDatasets.ids().contains(id), ImportedDatasets.ids().toString());
            String stored = InstanceScope.INSTANCE.getNode("digitlab.ui").node("datasets").get(ImportedDatasets.KEY, "");
            assertTrue(stored.lines().anyMatch(id::equals), "preference holds " + stored);

            Ui.waitUntil("the Dataset view on the imported folder", 30_000,
                    () -> id.equals(datasets.datasetId()) && datasets.dataset() != null);
            assertEquals(22, datasets.dataset().part(Split.TRAIN).size());
            assertEquals(8, datasets.dataset().imageWidth());
            assertTrue(datasets.offeredDatasets().contains(id));
            Ui.waitUntil("a page of the imported images", 30_000, () -> datasets.gallery().page() != null
                    && datasets.gallery().page().positions().length == 22);

            Combo trainingDatasets = (Combo) TrainingViewAccess.control(training, "dataset");
            Ui.waitUntil("the Training form to offer the folder", 10_000,
                    () -> Arrays.asList(trainingDatasets.getItems()).contains(id));
            assertTrue(Arrays.asList(trainingDatasets.getItems()).contains("mnist"));

            // A second import of the same folder is not listed twice.
            assertTrue(runImport(folder, window, true).ok());
            assertEquals(1, ImportedDatasets.ids().stream().filter(id::equals).count());
            Ui.drain();
            assertEquals(1, Arrays.stream(trainingDatasets.getItems()).filter(id::equals).count());

            // Remove takes the folder off both lists and goes back to MNIST; the files stay.
            assertTrue(datasets.removeFolderButton().isEnabled());
            datasets.removeFolderButton().notifyListeners(SWT.Selection, new Event());
            Ui.waitUntil("the Dataset view back on mnist", 60_000,
                    () -> "mnist".equals(datasets.datasetId()) && datasets.dataset() != null);
            Ui.drain();
            assertFalse(ImportedDatasets.ids().contains(id));
            assertFalse(datasets.offeredDatasets().contains(id), datasets.offeredDatasets().toString());
            assertFalse(Arrays.asList(trainingDatasets.getItems()).contains(id));
            assertFalse(datasets.removeFolderButton().isEnabled(), "Remove is for imported folders only");
            assertTrue(Files.exists(folder.resolve("train-images-idx3-ubyte")), "the files are left alone");
        } finally {
            ImportedDatasets.remove(id);
            datasets.showDataset(before);
            Ui.waitUntil("the Dataset view back on " + before, 60_000, () -> datasets.dataset() != null);
        }
        assertFalse(ImportedDatasets.ids().contains(id));
    }

    @Test
    void aMissingFileIsNamedAndNothingIsImported() throws Exception {
        Path folder = IdxFiles.writeFolder(temp.resolve("incomplete"), 24, 6, 8, 3);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte"));
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Outcome o = runImport(folder, window, false);
        assertFalse(o.ok());
        assertNull(o.summary());
        assertTrue(o.error().contains("lacks t10k-labels-idx1-ubyte"), o.error());
        assertFalse(o.error().contains("lacks train-images"), o.error());
        assertFalse(ImportedDatasets.ids().contains(o.datasetId()));
    }

    @Test
    void aBadFolderIsReportedInAnErrorDialogThatNamesTheFile() throws Exception {
        Path folder = IdxFiles.writeFolder(temp.resolve("no-train-labels"), 24, 6, 8, 3);
        Files.delete(folder.resolve("train-labels-idx1-ubyte"));
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Outcome o = IdxFolderImport.check(folder);
        StringBuilder shown = new StringBuilder();
        // The error dialog is modal: a timer inside its event loop reads it and presses its button (closes it).
        Runnable[] closer = new Runnable[1];
        closer[0] = () -> {
            for (Shell sh : Ui.display().getShells()) {
                if (!sh.isDisposed() && IdxFolderImport.TITLE.equals(sh.getText())) {
                    collectLabels(sh, shown);
                    sh.close();
                    return;
                }
            }
            Ui.display().timerExec(20, closer[0]);
        };
        Ui.display().timerExec(20, closer[0]);
        IdxFolderImport.present(o, window); // returns when the dialog is closed
        String text = shown.toString();
        assertTrue(text.contains("Cannot import " + folder.toAbsolutePath().normalize()), text);
        assertTrue(text.contains("lacks train-labels-idx1-ubyte"), text);
        assertFalse(ImportedDatasets.ids().contains(o.datasetId()));
    }

    private static void collectLabels(Control c, StringBuilder out) {
        if (c instanceof Label l) out.append(l.getText()).append('\n');
        if (c instanceof Composite comp) for (Control k : comp.getChildren()) collectLabels(k, out);
    }

    @Test
    void theFileMenuOffersTheImportCommand() {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        Command command = commands.getCommand(ImportIdxFolderHandler.COMMAND_ID);
        assertTrue(command.isDefined());
        assertTrue(command.isHandled(), "the default handler is there");
        Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
        MenuItem file = Arrays.stream(bar.getItems()).filter(i -> i.getText().replace("&", "").equals("File"))
                .findFirst().orElseThrow();
        file.getMenu().notifyListeners(SWT.Show, new Event()); // the menu manager fills menus as they open
        Ui.drain();
        assertTrue(Arrays.stream(file.getMenu().getItems())
                .anyMatch(i -> i.getText().replace("&", "").startsWith("Import IDX Dataset Folder...")),
                Arrays.toString(file.getMenu().getItems()));
        file.getMenu().notifyListeners(SWT.Hide, new Event());
    }

    @Test
    void aBrokenFileIsNamedWithItsProblem() throws Exception {
        Path folder = IdxFiles.writeFolder(temp.resolve("broken"), 24, 6, 8, 3);
        byte[] images = IdxFiles.images(6, 8);
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), Arrays.copyOf(images, images.length - 10));
        Outcome o = IdxFolderImport.check(folder);
        assertFalse(o.ok());
        assertTrue(o.error().contains("t10k-images-idx3-ubyte"), o.error());
        assertFalse(ImportedDatasets.ids().contains(o.datasetId()));
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        Path missing = temp.resolve("nowhere");
        Outcome o = IdxFolderImport.check(missing);
        assertFalse(o.ok());
        assertNotNull(o.error());
        assertTrue(o.error().contains("no such folder") && o.error().contains("nowhere"), o.error());
    }
}

package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import digitlab.train.ModelFiles;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.ModelService;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.commands.ExportOnnxHandler;
import digitlab.ui.internal.commands.ImportModelHandler;
import digitlab.ui.internal.model.CurrentModelChoice;
import digitlab.ui.internal.runs.RunsView;
import digitlab.ui.internal.runs.RunsViewAccess;
import digitlab.ui.internal.weights.WeightsView;

/**
 * ONNX in the workbench: File has Import Model... and Export Model &gt; ONNX...; a model exported as ONNX and
 * imported again becomes the current model, which the canvas, weights and activity views use; a run's context
 * menu in the Runs view offers Export Model as ONNX....
 */
class ModelFormatsUiTest {

    @TempDir
    Path dir;

    @Test
    void theFileMenuImportsAndExportsModels() {
        Ui.activate();
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Menu file = submenu(shell.getMenuBar(), "File");
        List<String> items = texts(file);
        assertTrue(items.contains("Open Model..."), items.toString());
        assertTrue(items.contains("Import Model..."), items.toString());
        List<String> export = texts(submenu(file, "Export Model"));
        assertEquals(List.of("ONNX..."), export);
    }

    @Test
    void aModelExportedAsOnnxAndImportedBecomesTheCurrentModel() throws Exception {
        Ui.activate();
        Path onnx = dir.resolve("ready.onnx");
        Path dlm = dir.resolve("ready-imported.dlm");
        // the ready model is a CNN: its convolution layers come from the registry wrapped by the contribution guard
        try {
            Model ready = ModelService.readyModel();
            List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            Job export = ExportOnnxHandler.export(onnx, () -> new Object[] {ready, "the ready model"}, Ui.shell(), errors::add).job();
            Ui.waitUntil("the export", 60_000, () -> export.getResult() != null);
            Ui.pump(200); // a failure arrives on the UI thread after the job's end
            assertEquals(List.of(), errors);
            assertTrue(Files.size(onnx) > 1000);
            Job imp = ImportModelHandler.importModel(onnx, dlm, Ui.shell(), errors::add).job();
            Ui.waitUntil("the import", 60_000, () -> imp.getResult() != null);
            Ui.pump(200);
            assertEquals(List.of(), errors);
            assertTrue(Files.exists(dlm));
            Model current = ModelService.get().current().model();
            assertEquals("onnx", current.metadata().properties().get("origin"));
            assertEquals("file " + dlm.toAbsolutePath(), CurrentModelChoice.remembered());
            float[] pixels = new float[784];
            for (int i = 0; i < pixels.length; i++) pixels[i] = (i % 29) / 28f;
            float[] a = ready.predictPixels(pixels);
            float[] b = current.predictPixels(pixels);
            for (int c = 0; c < a.length; c++) assertEquals(a[c], b[c], 0f);
            WeightsView weights = Ui.show(DigitLabViews.WEIGHTS);
            assertNotNull(Ui.show(DigitLabViews.ACTIVITY));
            assertNotNull(Ui.show(DigitLabViews.CANVAS));
            Ui.drain();
            assertNotNull(weights);
        } finally {
            CurrentModelChoice.useReady();
            Ui.drain();
        }
    }

    @Test
    void aRunsModelExportsFromTheRunsViewsContextMenu() throws Exception {
        Ui.activate();
        RunStore store = RunStore.workspace();
        Run run = store.create(TrainingRequest.defaults().toBuilder().name("onnx-export-run").build());
        ModelFormat.save(ModelService.readyModel(), run.modelFile());
        try {
            RunsView view = Ui.show(DigitLabViews.RUNS);
            view.reload();
            TableViewer viewer = RunsViewAccess.viewer(view);
            Ui.waitUntil("the run in the Runs view", 20_000, () -> rowOf(viewer, run.id()) != null);
            RunInfo info = rowOf(viewer, run.id());
            assertTrue(info.hasModel());
            viewer.setSelection(new StructuredSelection(info), true);
            Menu menu = viewer.getTable().getMenu();
            show(menu);
            assertTrue(texts(menu).contains("Export Model as ONNX..."), texts(menu).toString());
            menu.notifyListeners(SWT.Hide, new Event());
            // what the menu item runs once its file is chosen: the run's model, named by the run
            Path onnx = dir.resolve("run.onnx");
            List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            Job export = ExportOnnxHandler.export(onnx, () -> new Object[] {store.open(run.id()).loadModel(), "run " + run.id()}, Ui.shell(), errors::add).job();
            Ui.waitUntil("the export", 60_000, () -> export.getResult() != null);
            Ui.pump(200); // a failure arrives on the UI thread after the job's end
            assertEquals(List.of(), errors);
            assertEquals("onnx", ModelFiles.load(onnx).metadata().properties().get("origin"));
        } finally {
            store.delete(run.id());
            Ui.drain();
        }
    }

    private static RunInfo rowOf(TableViewer viewer, String id) {
        for (var item : viewer.getTable().getItems()) {
            if (item.getData() instanceof RunInfo r && r.id().equals(id)) return r;
        }
        return null;
    }

    private static Menu submenu(Menu menu, String text) {
        if (menu.getParentItem() != null || menu.getParentMenu() != null) show(menu);
        for (MenuItem item : menu.getItems()) {
            if (plain(item.getText()).equals(text)) {
                Menu m = item.getMenu();
                assertNotNull(m, text + " has no submenu");
                show(m);
                return m;
            }
        }
        throw new AssertionError("no menu item " + text + " in " + texts(menu));
    }

    // menu managers fill their menus when they are about to show
    private static void show(Menu m) {
        m.notifyListeners(SWT.Show, new Event());
    }

    private static List<String> texts(Menu menu) {
        List<String> t = new ArrayList<>();
        for (MenuItem item : menu.getItems()) if ((item.getStyle() & SWT.SEPARATOR) == 0) t.add(plain(item.getText()));
        return t;
    }

    // "&Import Model...\tCtrl+I" -> "Import Model..."
    private static String plain(String text) {
        int tab = text.indexOf('\t');
        return (tab >= 0 ? text.substring(0, tab) : text).replace("&", "");
    }
}

package @@ID@@;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.train.CurrentModel;
import digitlab.train.ModelService;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The view in the lab's own workbench (UI harness, on the UI thread): it opens from its id, shows the current
 * model's layers, and follows a change of the current model. The summary is also checked in plain Java.
 */
class @@CLASS@@ViewTest {

    private static Model tiny() {
        Network net = new Network(Architecture.parse("1x28x28 -> dense(units=10) -> softmax"));
        return new Model(ModelSnapshot.of(net, net.initialParameters(1)), new ModelMetadata("mnist",
                ModelMetadata.digitLabels(10), InputNormalization.IDENTITY, null, Map.of(), Instant.now(), Map.of()));
    }

    @AfterEach
    void readyModelAgain() throws Exception {
        ModelService.get().resetToReady();
    }

    @Test
    void theSummaryHasARowPerLayerAndCountsTheParameters() {
        @@CLASS@@Summary s = @@CLASS@@Summary.of(tiny(), "a test");
        assertEquals(2, s.rows().size());
        assertEquals("7,850", s.rows().get(0)[3], "784 * 10 weights + 10 biases");
        assertEquals("softmax", s.rows().get(1)[1]);
        assertTrue(s.headline().contains("7,850 parameters") && s.headline().contains("a test"), s.headline());
    }

    @Test
    void theViewOpensInTheLabAndFollowsTheCurrentModel() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        @@CLASS@@View view = (@@CLASS@@View) page.showView(@@CLASS@@View.ID);
        CurrentModel current = ModelService.get().current();
        int layers = current.model().snapshot().network().layers().size();
        assertEquals(layers, view.table().getItemCount(), "one row per layer of the current model");
        assertTrue(view.headline().contains(current.source()), view.headline());

        ModelService.get().set(tiny(), "a test");
        waitUntil("the view to show the new model", () -> view.table().getItemCount() == 2);
        assertEquals("softmax", view.table().getItem(1).getText(1));
        assertTrue(view.headline().contains("a test"), view.headline());
        page.hideView(view);
    }

    /** Runs the event loop until {@code done}, failing after 10 s. */
    private static void waitUntil(String what, BooleanSupplier done) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        long end = System.currentTimeMillis() + 10_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out waiting for " + what);
            if (!display.readAndDispatch()) Thread.onSpinWait();
        }
    }
}

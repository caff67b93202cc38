package digitlab.ui.internal.dataset;

import java.io.IOException;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPartSite;

import digitlab.data.Dataset;
import digitlab.data.Split;
import digitlab.train.mydrawings.MyDrawing;
import digitlab.train.mydrawings.MyDrawingsDataset;
import digitlab.train.mydrawings.MyDrawingsStore;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.gallery.GalleryPage;

/**
 * What the Dataset view does with My drawings besides browsing them: Remove takes the selected drawing
 * out of the store (in a job; the store saves atomically), and the view reloads whenever the store
 * changes (a drawing taught in the canvas appears at once).
 */
final class MyDrawingsActions {

    private MyDrawingsActions() {
    }

    /** True for the id of My drawings. */
    static boolean isMyDrawings(String datasetId) {
        return MyDrawingsDataset.ID.equals(datasetId);
    }

    /**
     * Removes the drawing behind image {@code t} of {@code page}; {@code done} gets a line for the user (UI
     * thread): what was removed, or why not.
     */
    static void remove(IWorkbenchPartSite site, Control owner, Dataset dataset, Split split, GalleryPage page, int t, Consumer<String> done) {
        if (!(dataset instanceof MyDrawingsDataset d) || page == null || t < 0 || t >= page.size()) {
            done.accept("Select a drawing first (click it), then Remove.");
            return;
        }
        MyDrawing drawing = d.drawing(split, page.images().sourceIndex(page.positions()[t]));
        ViewJob.of("Removing a drawing from My drawings", monitor -> {
            try {
                return MyDrawingsStore.workspace().remove(drawing.id()) ? "Removed a " + drawing.label() + " from My drawings."
                        : "That drawing was removed already.";
            } catch (IOException e) {
                return "Cannot remove it: " + e.getMessage();
            }
        }).whenDone(done).schedule(site, owner);
    }

    /** Calls {@code reload} on the UI thread after every change of My drawings while {@code owner} lives. */
    static Runnable listen(Control owner, Runnable reload) {
        Runnable l = () -> ViewJob.inUi(owner, reload);
        MyDrawingsStore.workspace().addListener(l);
        return l;
    }

    /** Stops a listener from {@link #listen}. */
    static void unlisten(Runnable l) {
        MyDrawingsStore.workspace().removeListener(l);
    }
}

package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.swt.graphics.DeviceData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.Test;

import digitlab.ui.DigitLabViews;

/**
 * Opens and closes every view 20 times with SWT's resource tracking on and compares the number of
 * live graphics objects (images, colours, fonts, GCs, ...) of the display before and after: a view
 * that forgets to dispose something grows the count by at least one per round.
 */
class ResourceLeakTest {

    private static final int ROUNDS = 20;

    private static int liveObjects(Display d) {
        DeviceData data = d.getDeviceData();
        int n = 0;
        if (data.objects != null) for (Object o : data.objects) if (o != null) n++;
        return n;
    }

    @Test
    void openingAndClosingEveryViewLeaksNoHandles() throws Exception {
        Display d = Ui.display();
        d.setTracking(true);
        try {
            Map<String, Integer> growth = new LinkedHashMap<>();
            for (String id : DigitLabViews.ALL) {
                IViewPart existing = Ui.page().findView(id);
                if (existing != null) Ui.close(existing);
                cycle(id); // warm-up: shared registries (fonts, decorations) fill once
                System.gc();
                Ui.pump(100);
                int before = liveObjects(d);
                for (int i = 0; i < ROUNDS; i++) cycle(id);
                Ui.pump(100);
                int after = liveObjects(d);
                growth.put(id, after - before);
                System.out.printf("[leaks] %s: %d live graphics objects before, %d after %d open/close rounds%n", id, before,
                        after, ROUNDS);
            }
            for (Map.Entry<String, Integer> e : growth.entrySet()) {
                assertTrue(e.getValue() < ROUNDS / 2, e.getKey() + " grew by " + e.getValue() + " objects in " + ROUNDS + " rounds");
            }
        } finally {
            d.setTracking(false);
            for (String id : DigitLabViews.ALL) Ui.show(id);
        }
    }

    private static void cycle(String id) throws Exception {
        IViewPart v = Ui.show(id);
        Ui.pump(60); // let its jobs post their results (pictures, charts)
        Ui.close(v);
    }
}

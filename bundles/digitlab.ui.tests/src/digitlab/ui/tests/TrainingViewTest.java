package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import digitlab.train.TrainingJob;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;

/** The training form's inline validation, and a real one-epoch run with live charts. */
class TrainingViewTest {

    @Test
    void badValuesAreMarkedAndStartIsDisabledWithTheReason() throws Exception {
        TrainingView view = Ui.show(DigitLabViews.TRAINING);
        Text lr = (Text) TrainingViewAccess.control(view, "learningRate");
        String old = lr.getText();
        try {
            lr.setText("fast");
            Ui.drain();
            assertFalse(view.canStart());
            assertTrue(TrainingViewAccess.isMarked(view, "learningRate"));
            assertTrue(TrainingViewAccess.problemText(view).startsWith("Learning rate: 'fast' is not a number"),
                    TrainingViewAccess.problemText(view));
            lr.setText("-0.5");
            Ui.drain();
            assertFalse(view.canStart());
            assertTrue(TrainingViewAccess.problemText(view).startsWith("Learning rate: "), TrainingViewAccess.problemText(view));
            lr.setText("0.001");
            Ui.drain();
            assertFalse(TrainingViewAccess.isMarked(view, "learningRate"));
            Text batch = (Text) TrainingViewAccess.control(view, "batchSize");
            String oldBatch = batch.getText();
            batch.setText("0");
            Ui.drain();
            assertFalse(view.canStart());
            assertTrue(TrainingViewAccess.isMarked(view, "batchSize"));
            batch.setText(oldBatch);
            Ui.drain();
            assertTrue(view.canStart(), "valid again: " + view.problems());
        } finally {
            lr.setText(old);
            Ui.drain();
        }
    }

    @Test
    void aOneEpochRunOnASubsetDrawsChartPointsWithoutBlockingTheUiThread() throws Exception {
        TrainingView view = Ui.show(DigitLabViews.TRAINING);
        Ui.show(DigitLabViews.WEIGHTS); // follows the live model: more UI work while training
        view = Ui.show(DigitLabViews.TRAINING);
        TrainingViewAccess.set(view, "epochs", "1");
        TrainingViewAccess.set(view, "trainingLimit", "6000");
        TrainingViewAccess.set(view, "batchSize", "32");
        assertTrue(view.canStart(), "form valid: " + view.problems());
        view.start();
        TrainingView v = view;
        digitlab.ui.internal.UiTimings.reset();
        Ui.waitUntil("the run to start", 20_000, () -> v.job() != null);
        // run the event loop ourselves and time every event while the run trains
        Display d = Ui.display();
        long longest = 0;
        long events = 0;
        long start = System.nanoTime();
        java.util.List<long[]> slow = new java.util.ArrayList<>();
        long end = System.currentTimeMillis() + 240_000;
        while (v.job() != null || !TrainingJob.all().isEmpty()) {
            assertTrue(System.currentTimeMillis() < end, "the run did not finish within 4 minutes");
            long t0 = System.nanoTime();
            boolean any = d.readAndDispatch();
            long dt = System.nanoTime() - t0;
            if (any) {
                events++;
                longest = Math.max(longest, dt);
                if (dt > 20_000_000L) slow.add(new long[] {(t0 - start) / 1_000_000, dt / 1_000_000});
            } else {
                Ui.sleep(2);
            }
        }
        Ui.drain();
        System.out.printf("[training] one epoch on 6,000 images: %d UI events, longest %.1f ms, %d chart refreshes; %s%n",
                events, longest / 1e6, v.refreshCount(), v.statusText());
        System.out.println("[training] events over 20 ms (ms since start, ms): "
                + slow.stream().map(java.util.Arrays::toString).toList());
        System.out.println("[training] longest UI work per kind (ms): " + digitlab.ui.internal.UiTimings.longestMillis());
        assertTrue(v.charts().pointCount() > 0, "the charts have points");
        assertTrue(v.statusText().startsWith("Completed"), v.statusText());
        assertTrue(longest < 1_000_000_000L, "longest UI event " + longest / 1e6 + " ms");
        assertNull(v.job());
    }
}

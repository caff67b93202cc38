package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.nn.Model;
import digitlab.train.CurrentModel;
import digitlab.train.Datasets;
import digitlab.train.ModelService;
import digitlab.train.finetune.FineTuneJob;
import digitlab.train.finetune.FineTuneResult;
import digitlab.train.finetune.FineTuneSettings;
import digitlab.train.finetune.FineTuner;
import digitlab.train.mydrawings.MyDrawingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning on My drawings: a few dozen drawings in a made-up hand ({@link Handwriting}) are learned
 * without forgetting MNIST; a cancel and bad input change nothing.
 */
class FineTuneTest {

    @TempDir
    static Path dir;

    private static MyDrawingsStore store;
    private static Dataset mnist;

    /** 36 drawings: three of every digit and six more slashed zeros (the hand's quirk the model misreads most). */
    @BeforeAll
    static void teach() throws IOException {
        store = new MyDrawingsStore(dir.resolve("mydrawings"));
        Handwriting hand = new Handwriting(7);
        for (int round = 0; round < 3; round++) {
            for (int d = 0; d < 10; d++) {
                Handwriting.Sample s = hand.draw(d);
                store.add(d, s.image(), s.strokes());
            }
        }
        for (int k = 0; k < 6; k++) {
            Handwriting.Sample s = hand.draw(0);
            store.add(0, s.image(), s.strokes());
        }
        mnist = Datasets.load("mnist", -1);
    }

    @Test
    void fineTuningLearnsTheDrawingsWithoutForgettingMnist() throws Exception {
        Model ready = ModelService.readyModel();
        FineTuneResult r = new FineTuner(ready, mnist, store.dataset(), FineTuneSettings.defaults().withThreads(2)).run(null, null);
        System.out.println("fine-tune on 36 drawings: " + r.toJsonMap());
        assertTrue(r.completed());
        assertEquals(11, r.heldOutDrawings(), "the 2nd of every 4 drawings of a digit is held out");
        assertEquals(25, r.trainedDrawings());
        assertTrue(r.trainedBefore() < 1, "the made-up hand has quirks the ready model misreads: " + r.trainedBefore());
        assertTrue(r.trainedAfter() > r.trainedBefore(), "learned the drawings: " + r.summary());
        assertTrue(r.heldOutAfter() >= r.heldOutBefore(), "held-out drawings: " + r.summary());
        if (r.heldOutBefore() < 1) assertTrue(r.heldOutAfter() > r.heldOutBefore(), "held-out drawings improve: " + r.summary());
        assertTrue(r.heldOutAfter() >= 0.9, "held-out drawings: " + r.summary());
        assertTrue(Math.abs(r.mnistAfter() - r.mnistBefore()) <= 0.003, "MNIST test within 0.3 points: " + r.summary());
        assertEquals(r.mnistAfter(), r.model().metadata().metrics().get("test_accuracy"), 1e-12);
        assertFalse(java.util.Arrays.equals(ready.snapshot().parameters(), r.model().snapshot().parameters()));
        assertArrayEquals(ModelService.readyModel().snapshot().parameters(), ready.snapshot().parameters(),
                "the model started from is not changed");
    }

    @Test
    void aCancelMidwayChangesNeitherTheModelNorTheStore() throws Exception {
        byte[] storeBefore = Files.readAllBytes(store.file());
        CurrentModel current = ModelService.get().current();
        Model base = current.model();
        float[] params = base.snapshot().parameters();
        AtomicInteger total = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        FineTuneResult cancelled = new FineTuner(base, mnist, store.dataset(), FineTuneSettings.defaults().withThreads(1))
                .run(() -> checks.incrementAndGet() > 40, new FineTuner.Progress() {
                    @Override
                    public void begin(int totalBatches) {
                        total.set(totalBatches);
                    }

                    @Override
                    public void batch(int epoch, int epochs, int d, int t, double loss) {
                        done.set(d);
                    }
                });
        assertFalse(cancelled.completed());
        assertNull(cancelled.model());
        assertTrue(done.get() > 0 && done.get() < total.get(), "the cancel came midway: " + done + " of " + total + " batches");
        assertSame(current, ModelService.get().current(), "the current model is the same");
        assertArrayEquals(params, base.snapshot().parameters());
        assertArrayEquals(storeBefore, Files.readAllBytes(store.file()), "the store is the same");
    }

    @Test
    void theJobReportsCancelAndChangesNothing() throws Exception {
        byte[] storeBefore = Files.readAllBytes(store.file());
        CurrentModel current = ModelService.get().current();
        FineTuneJob job = new FineTuneJob(current.model(), store, FineTuneSettings.defaults().withEpochs(20).withThreads(1));
        job.schedule();
        Thread.sleep(3000);
        job.cancel();
        job.join(60_000, null);
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), String.valueOf(job.getResult()));
        assertSame(current, ModelService.get().current());
        assertArrayEquals(storeBefore, Files.readAllBytes(store.file()));
    }

    @Test
    void noDrawingsOrBadSettingsAreOneClearLine() throws IOException {
        Model ready = ModelService.readyModel();
        MyDrawingsStore empty = new MyDrawingsStore(dir.resolve("empty"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new FineTuner(ready, mnist, empty.dataset(), FineTuneSettings.defaults()));
        assertTrue(none.getMessage().startsWith("My drawings has no drawing to learn yet"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FineTuneSettings.defaults().withLearningRate(5).validate());
        assertThrows(IllegalArgumentException.class, () -> FineTuneSettings.defaults().withEpochs(0).validate());
        assertThrows(IllegalArgumentException.class, () -> FineTuneSettings.defaults().withDrawingShare(1).validate());
        FineTuneJob job = new FineTuneJob(ready, empty, FineTuneSettings.defaults());
        job.schedule();
        try {
            job.join(60_000, null);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertTrue(job.getResult().getMessage().startsWith("My drawings has no drawing to learn yet"), job.getResult().getMessage());
    }
}

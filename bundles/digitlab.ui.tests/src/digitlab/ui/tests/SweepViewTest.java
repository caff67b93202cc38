package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import digitlab.train.RunInfo;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.train.sweep.SweepAxis;
import digitlab.train.sweep.SweepRecord;
import digitlab.train.sweep.SweepSpec;
import digitlab.train.sweep.SweepStore;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.model.CurrentModelChoice;
import digitlab.ui.internal.sweep.SweepData;
import digitlab.ui.internal.sweep.SweepLauncher;
import digitlab.ui.internal.sweep.SweepResume;
import digitlab.ui.internal.sweep.SweepRow;
import digitlab.ui.internal.sweep.SweepTab;
import digitlab.ui.internal.sweep.SweepView;
import digitlab.ui.internal.sweep.SweepViewAccess;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;

/**
 * Sweeps in the workbench (issue 17): the Training view's Sweep tab checks what is typed as the Single run form
 * does; a 2 x 2 sweep started from it trains 4 runs that the Sweep view lists, sorts and charts, with the best
 * highlighted, usable as the current model and exported as CSV; an interrupted sweep is asked about.
 */
class SweepViewTest {

    /** A fresh Training view (nothing ticked in its Sweep tab) with the Sweep tab chosen as a click does. */
    private static TrainingView freshTrainingView() throws Exception {
        TrainingView old = (TrainingView) Ui.page().findView(DigitLabViews.TRAINING);
        if (old != null) Ui.close(old);
        return Ui.show(DigitLabViews.TRAINING);
    }

    private static SweepTab sweepTab(TrainingView view) {
        view.chooseTab(1);
        Ui.drain();
        return view.sweepTab();
    }

    /** The Single run tab again, as the other tests expect the Training view. */
    @org.junit.jupiter.api.AfterEach
    void singleRunTab() {
        TrainingView view = (TrainingView) Ui.page().findView(DigitLabViews.TRAINING);
        if (view != null) view.chooseTab(0);
        Ui.drain();
    }

    @Test
    void theSweepTabMarksABadValueAndDisablesStart() throws Exception {
        TrainingView view = freshTrainingView();
        SweepTab tab = sweepTab(view);
        assertFalse(tab.canStart(), "nothing varied yet");
        tab.vary(TrainingSetting.LEARNING_RATE, "0.01, fast");
        Ui.drain();
        assertTrue(tab.isMarked("learningRate"));
        assertFalse(tab.canStart());
        assertTrue(tab.problemText().contains("Learning rate: 'fast' is not a number"), tab.problemText());
        // out of range: the training request's own check and message, as in the Single run form
        tab.vary(TrainingSetting.LEARNING_RATE, "0.01, -1");
        Ui.drain();
        assertTrue(tab.isMarked("learningRate"));
        assertFalse(tab.canStart());
        assertTrue(tab.problemText().startsWith("Learning rate: -1 must be above 0"), tab.problemText());
        tab.vary(TrainingSetting.LEARNING_RATE, "0.01, 0.1");
        tab.vary(TrainingSetting.BATCH_SIZE, "32, 64, 128");
        Ui.drain();
        assertFalse(tab.isMarked("learningRate"));
        assertTrue(tab.canStart(), tab.problemText());
        assertEquals("2 \u00d7 3 = 6 runs", tab.pointsText());
        // a bad value in the Single run tab (the base of every point) disables the sweep's Start too
        String batch = ((org.eclipse.swt.widgets.Text) TrainingViewAccess.control(view, "epochs")).getText();
        TrainingViewAccess.set(view, "epochs", "0");
        Ui.drain();
        assertTrue(tab.problemText().startsWith("The Single run tab has problems"), tab.problemText());
        assertFalse(tab.canStart());
        TrainingViewAccess.set(view, "epochs", batch);
        SweepViewAccess.set(tab, SweepViewAccess.PARALLEL, "999");
        Ui.drain();
        assertTrue(tab.isMarked(SweepViewAccess.PARALLEL));
        assertFalse(tab.canStart());
        SweepViewAccess.set(tab, SweepViewAccess.PARALLEL, "1");
        Ui.drain();
        assertTrue(tab.canStart(), tab.problemText());
    }

    @Test
    void aTwoByTwoSweepFromTheTabTrainsFourRunsShownSortedWithTheBestUsableAndExported(@TempDir Path dir) throws Exception {
        TrainingView view = freshTrainingView();
        TrainingViewAccess.set(view, "trainingLimit", "2000");
        TrainingViewAccess.set(view, "name", "");
        SweepTab tab = sweepTab(view);
        tab.vary(TrainingSetting.LEARNING_RATE, "0.001, 0.1");
        tab.vary(TrainingSetting.BATCH_SIZE, "32, 64");
        SweepViewAccess.set(tab, SweepViewAccess.EPOCHS, "1");
        SweepViewAccess.set(tab, SweepViewAccess.PARALLEL, "2");
        Ui.drain();
        assertEquals("2 \u00d7 2 = 4 runs", tab.pointsText());
        assertTrue(tab.canStart(), tab.problemText());
        tab.start();
        Ui.waitUntil("the Sweep view", 30_000, () -> Ui.page().findView(DigitLabViews.SWEEP) != null);
        SweepView sweep = (SweepView) Ui.page().findView(DigitLabViews.SWEEP);
        Ui.waitUntil("the sweep's 4 runs to finish", 300_000, () -> sweep.shown() != null && sweep.shown().rows().size() == 4
                && !sweep.shown().running() && sweep.shown().rows().stream().allMatch(r -> r.info() != null
                        && r.info().status().isFinished()));
        SweepData d = sweep.shown();
        assertEquals(List.of("learningRate", "batchSize"), d.varied());
        assertEquals(4, SweepViewAccess.table(sweep).getItemCount());
        assertTrue(sweep.summaryText().contains("4"), sweep.summaryText());
        for (SweepRow r : d.rows()) assertEquals("completed", r.statusText(), r.toString());

        // sorting by the metric, both ways
        SweepViewAccess.clickHeader(sweep, "Val. accuracy");
        List<Double> up = metrics(SweepViewAccess.shownRows(sweep));
        List<Double> sorted = new ArrayList<>(up);
        sorted.sort(null);
        assertEquals(sorted, up);
        SweepViewAccess.clickHeader(sweep, "Val. accuracy");
        List<Double> down = metrics(SweepViewAccess.shownRows(sweep));
        assertEquals(sorted.reversed(), down);

        // the best: bold in the table, a marker in the chart
        SweepRow best = d.best();
        assertNotNull(best);
        assertEquals(sorted.get(3), best.metric());
        assertTrue(SweepViewAccess.isBold(sweep, best.point()));
        for (SweepRow r : d.rows()) if (r.point() != best.point()) assertFalse(SweepViewAccess.isBold(sweep, r.point()));
        assertEquals(4, SweepViewAccess.chartPoints(sweep));
        assertTrue(SweepViewAccess.chartMarksBest(sweep));
        SweepViewAccess.chartAgainst(sweep, "time (minutes since the start)");
        assertEquals(4, SweepViewAccess.chartPoints(sweep));

        // Use as Current Model with nothing selected takes the best
        sweep.useAsCurrent();
        Ui.waitUntil("the best run as the current model", 60_000,
                () -> ("run " + best.info().id()).equals(CurrentModelChoice.remembered()));
        // a selected run is the view's selection, as a RunInfo (like the Runs view's)
        SweepRow other = d.rows().stream().filter(r -> r.point() != best.point()).findFirst().orElseThrow();
        SweepViewAccess.select(sweep, other.point());
        Ui.drain();
        IStructuredSelection sel = (IStructuredSelection) Ui.page().getSelection(DigitLabViews.SWEEP);
        assertEquals(other.info().id(), ((RunInfo) sel.getFirstElement()).id());

        // CSV: a header and one row per run, each with its settings and metric
        Path csv = dir.resolve("sweep.csv");
        sweep.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("point,run,state,learningRate,batchSize,epochs,"), lines.get(0));
        for (SweepRow r : d.rows()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(r.point() + "," + r.info().id() + ",completed,"
                    + r.setting("learningRate") + "," + r.setting("batchSize") + ",1,")), r.info().id() + " in " + lines);
        }
        assertTrue(lines.stream().filter(l -> l.endsWith(",yes")).count() == 1, "one best row: " + lines);
        Ui.menuAction(sweep, "Export Sweep Runs as CSV\u2026");
        digitlab.ui.internal.model.CurrentModelChoice.useReady();
    }

    private static List<Double> metrics(List<SweepRow> rows) {
        return rows.stream().map(SweepRow::metric).toList();
    }

    @Test
    void anInterruptedSweepIsAskedAboutNotContinuedSilently() throws Exception {
        String id = interruptedSweep();
        List<SweepLauncher.Listed> interrupted = SweepLauncher.interrupted();
        SweepLauncher.Listed mine = interrupted.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("the interrupted sweep is found: " + interrupted));
        // the question is modal: it is looked for and answered from the event loop it runs, as a user would
        List<String> seen = new ArrayList<>();
        Runnable[] answer = new Runnable[1];
        answer[0] = () -> {
            for (Shell s : Ui.display().getShells()) {
                if (!s.isDisposed() && s.isVisible() && SweepResume.TITLE.equals(s.getText())) {
                    for (String b : List.of(SweepResume.CONTINUE, SweepResume.NOT_NOW, SweepResume.DISCARD)) {
                        if (button(s, b) != null) seen.add(b);
                    }
                    seen.add(text(s));
                    button(s, SweepResume.NOT_NOW).notifyListeners(SWT.Selection, new Event());
                    return;
                }
            }
            Ui.display().timerExec(50, answer[0]);
        };
        Ui.display().timerExec(50, answer[0]);
        SweepResume.ask(mine); // returns when the question is answered
        assertEquals(List.of(SweepResume.CONTINUE, SweepResume.NOT_NOW, SweepResume.DISCARD), seen.subList(0, 3), seen.toString());
        assertTrue(seen.get(3).contains(id) || seen.get(3).contains("0 of 2 points done"), seen.get(3));
        // not now: still interrupted, asked again at the next start
        assertTrue(SweepLauncher.interrupted().stream().anyMatch(s -> s.id().equals(id)));
        SweepLauncher.discard(id);
        assertFalse(SweepLauncher.interrupted().stream().anyMatch(s -> s.id().equals(id)));
    }

    /**
     * A sweep whose lab ended while it ran: made by the engine, then its sweep.json says RUNNING with no program
     * holding it (what a killed or closed lab leaves), which the engine reads as interrupted.
     */
    private static String interruptedSweep() throws Exception {
        SweepStore store = SweepStore.workspace();
        TrainingRequest base = TrainingRequest.defaults().toBuilder().epochs(1).trainingLimit(500).build();
        SweepRecord r = store.create(SweepSpec.builder(base)
                .axis(SweepAxis.parse(TrainingSetting.LEARNING_RATE, "0.01,0.1")).build());
        Path file = store.root().resolve(r.id()).resolve(SweepStore.FILE);
        String json = Files.readString(file);
        assertTrue(json.contains("\"status\": \"NEW\""), json);
        Files.writeString(file, json.replace("\"status\": \"NEW\"", "\"status\": \"RUNNING\""));
        return r.id();
    }

    /** The texts of the labels in {@code c}. */
    private static String text(Control c) {
        StringBuilder sb = new StringBuilder();
        if (c instanceof org.eclipse.swt.widgets.Label l) sb.append(l.getText()).append('\n');
        if (c instanceof org.eclipse.swt.widgets.Composite comp) for (Control k : comp.getChildren()) sb.append(text(k));
        return sb.toString();
    }

    private static Button button(Control c, String text) {
        if (c instanceof Button b && text.equals(b.getText())) return b;
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control k : comp.getChildren()) {
                Button b = button(k, text);
                if (b != null) return b;
            }
        }
        return null;
    }
}

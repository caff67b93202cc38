package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.DrawingArea;
import digitlab.ui.internal.canvas.Guess;
import digitlab.ui.internal.model.PredictionModel;
import digitlab.ui.internal.training.TrainingView;
import digitlab.ui.internal.training.TrainingViewAccess;

/**
 * The soak test with the views open (issue 9), NOT part of the default run: only with
 * {@code -Ddigitlab.soak.minutes=N} (see {@code bench/soak-views.sh}). For N minutes, in the product's
 * workbench, it trains small runs back to back the way a person would: draw a digit on the Digit Canvas
 * (mouse events sent to the drawing area; the canvas guesses while drawing and, with Follow Training on,
 * with each snapshot of the run), press Start in the Training view (live charts), watch the Weights
 * heatmaps follow the run, press "Use as Current Model" (the canvas guesses again, the Confusion Matrix
 * evaluates the new model on the 10,000 test images, Network Activity redraws), look at Runs and Dataset
 * every tenth run, and delete the run before the current one. Each run: MLP from the form, 1 epoch on 6,000
 * MNIST images, batch 64, 1 thread: a few seconds.
 * <p>
 * It samples at the start and every {@code digitlab.soak.sampleSeconds} (60) seconds: heap after GC, JVM
 * threads, the display's live SWT graphics objects (SWT's resource tracking, switched on before the views
 * open), widgets, open file descriptors, resident memory and the X server's resources held by the JVM
 * ({@link Handles}); a CSV row per sample goes to {@code digitlab.soak.report} (and a table to the console).
 * At the end it asserts that every run completed and that none of the counts grew from the first samples
 * taken after one minute (the plateau, once MNIST is cached and every view has drawn) to the last ones beyond
 * the tolerances below (medians of three samples at each end, so a single noisy sample decides nothing).
 */
@EnabledIfSystemProperty(named = "digitlab.soak.minutes", matches = "\\d+(\\.\\d+)?")
class ViewsSoakTest {

    /** Growth allowed from the first-minute plateau to the end. */
    static final double HEAP_MB = 32;
    static final int THREADS = 6;
    static final int SWT_OBJECTS = 25;
    static final int WIDGETS = 25;
    static final int FDS = 16;
    static final double RSS_MB = 150; // JIT code cache, malloc arenas and GTK caches settle slowly
    static final int X_HANDLES = 25;

    private static final long RUN_TIMEOUT_MS = 5 * 60_000;

    private int runs;
    private int notCompleted;
    private long guesses;
    private Guess lastGuess;
    private DigitCanvasView canvas;
    private TrainingView trainingView;
    /** The training jobs scheduled since the last Start. */
    private final java.util.Queue<TrainingJob> started = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final JobChangeAdapter jobWatcher = new JobChangeAdapter() {
        @Override
        public void scheduled(IJobChangeEvent event) {
            if (event.getJob() instanceof TrainingJob t) started.add(t);
        }
    };
    private final List<String> problems = new ArrayList<>();

    @Test
    void trainingRunsBackToBackWithTheViewsOpenKeepHeapHandlesAndThreadsFlat() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("digitlab.soak.minutes"));
        long sampleNanos = TimeUnit.SECONDS.toNanos(Long.getLong("digitlab.soak.sampleSeconds", 60));
        Path report = Path.of(System.getProperty("digitlab.soak.report", "soak-views.csv")).toAbsolutePath();
        Display d = Ui.display();
        d.setTracking(true);
        RunStore store = RunStore.workspace();
        List<Handles> samples = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        StringBuilder csv = new StringBuilder(Handles.csvHeader()).append('\n');
        StringBuilder table = new StringBuilder(Handles.tableHeader()).append('\n');
        System.out.println("[soak-views] " + minutes + " minutes, samples every " + sampleNanos / 1_000_000_000L + " s, CSV "
                + report + "\n" + Handles.tableHeader());
        Job.getJobManager().addJobChangeListener(jobWatcher);
        try {
            TrainingView training = openViews();
            long start = System.nanoTime();
            long deadline = start + (long) (minutes * 60e9);
            long nextSample = start;
            Run previous = null;
            while (true) {
                long now = System.nanoTime();
                if (now >= nextSample || now >= deadline) {
                    double minute = (now - start) / 60e9;
                    Handles h = Handles.sample(d);
                    samples.add(h);
                    at.add(minute);
                    csv.append(h.csv(minute, runs, guesses)).append('\n');
                    table.append(h.tableRow(minute, runs, guesses)).append('\n');
                    System.out.println(h.tableRow(minute, runs, guesses) + "   " + h.swtByKind());
                    Files.writeString(report, csv);
                    nextSample += sampleNanos;
                }
                if (now >= deadline) break;
                Run run = oneRun(training, store);
                if (previous != null) store.delete(previous.id());
                previous = run;
            }
            if (previous != null) store.delete(previous.id());
        } finally {
            Job.getJobManager().removeJobChangeListener(jobWatcher);
            d.setTracking(false);
        }

        int plateau = 0;
        while (plateau < at.size() - 1 && at.get(plateau) < 0.99) plateau++;
        if (plateau == at.size() - 1) plateau = 0; // a run shorter than a minute: compare with the start
        // medians of three samples at each end (fewer in a short run): one noisy sample decides nothing
        int ends = Math.max(1, Math.min(3, (samples.size() - plateau) / 2));
        Handles first = Handles.median(samples.subList(plateau, plateau + ends));
        Handles last = Handles.median(samples.subList(samples.size() - ends, samples.size()));
        String summary = String.format(Locale.ROOT,
                "views soak: %.1f minutes, %d runs (%d not completed), %d guesses shown; medians of %d samples from minute"
                        + " %.1f vs the last %d to minute %.1f:"
                        + " heap after GC %.1f -> %.1f MB, threads %d -> %d, SWT graphics objects %d -> %d %s -> %s,"
                        + " widgets %d -> %d, fds %d -> %d, RSS %.1f -> %.1f MB, X resources %d -> %d (%d -> %d KB),"
                        + " load %.2f -> %.2f",
                at.get(at.size() - 1), runs, notCompleted, guesses, ends, at.get(plateau), ends, at.get(at.size() - 1), first.heapBytes() / 1e6,
                last.heapBytes() / 1e6, first.threads(), last.threads(), first.swtObjects(), last.swtObjects(), first.swtByKind(),
                last.swtByKind(), first.widgets(), last.widgets(), first.fds(), last.fds(), first.rssKb() / 1024.0,
                last.rssKb() / 1024.0, first.x().handles(), last.x().handles(), first.x().totalBytes() / 1024,
                last.x().totalBytes() / 1024, first.load(), last.load());
        System.out.println("[soak-views] result\n" + table + summary);
        Path summaryFile = report.resolveSibling(report.getFileName().toString().replaceFirst("\\.csv$", "") + "-summary.txt");
        Files.writeString(summaryFile, table + summary + "\n" + String.join("\n", problems) + "\n");

        assertTrue(runs > 0, "no run finished");
        assertEquals(0, notCompleted, notCompleted + " of " + runs + " runs did not complete: " + problems);
        assertTrue(last.heapBytes() / 1e6 <= first.heapBytes() / 1e6 + HEAP_MB, "heap after GC grew: " + summary);
        assertTrue(last.threads() <= first.threads() + THREADS, "threads grew: " + summary);
        assertTrue(last.swtObjects() <= first.swtObjects() + SWT_OBJECTS, "SWT graphics objects grew: " + summary);
        assertTrue(last.widgets() <= first.widgets() + WIDGETS, "widgets grew: " + summary);
        assertTrue(first.fds() < 0 || last.fds() <= first.fds() + FDS, "file descriptors grew: " + summary);
        assertTrue(first.rssKb() < 0 || last.rssKb() / 1024.0 <= first.rssKb() / 1024.0 + RSS_MB, "RSS grew: " + summary);
        assertTrue(first.x().handles() < 0 || last.x().handles() < 0 || last.x().handles() <= first.x().handles() + X_HANDLES,
                "X resources grew: " + summary);
    }

    /** Opens every view, switches Follow Training on in the canvas and the weights; Training last (on top). */
    private TrainingView openViews() throws Exception {
        Ui.activate();
        for (String id : DigitLabViews.ALL) Ui.show(id);
        canvas = Ui.show(DigitLabViews.CANVAS);
        Ui.models().start();
        Ui.waitUntil("the current model", 60_000, () -> Ui.models().current() != null);
        check(Ui.menuAction(canvas, "Follow Training"));
        check(Ui.menuAction(Ui.show(DigitLabViews.WEIGHTS), "Follow Training"));
        TrainingView training = Ui.show(DigitLabViews.TRAINING);
        trainingView = training;
        TrainingViewAccess.set(training, "epochs", "1");
        TrainingViewAccess.set(training, "trainingLimit", "6000");
        TrainingViewAccess.set(training, "batchSize", "64");
        TrainingViewAccess.set(training, "threads", "1");
        Ui.drain();
        assertTrue(training.canStart(), "the form is valid: " + training.problems());
        for (String id : DigitLabViews.ALL) assertNotNull(Ui.page().findView(id), id + " is open");
        return training;
    }

    /**
     * One run as a person does it: canvas and weights in front, a new digit drawn, Start, wait (the canvas
     * and the weights follow the run), Use as Current Model, then activity and confusion in front until the
     * evaluation is done (every tenth run also Runs and Dataset). Returns the run.
     */
    private Run oneRun(TrainingView training, RunStore store) throws Exception {
        Ui.show(DigitLabViews.CANVAS);
        Ui.show(DigitLabViews.WEIGHTS);
        Ui.show(DigitLabViews.TRAINING);
        drawDigit(runs);
        TrainingViewAccess.set(training, "seed", Integer.toString(runs + 1));
        waitCounting("the previous run to leave the Training view", RUN_TIMEOUT_MS, () -> training.job() == null);
        started.clear();
        click(training, "Start");
        // the job as scheduled, not training.job(): a short run can start and end within one stretch of events
        waitCounting("the run to start", 120_000, () -> !started.isEmpty());
        TrainingJob job = started.peek();
        Run run = job.run();
        waitCounting("run " + run.id() + " to finish", RUN_TIMEOUT_MS, () -> job.outcome() != null && training.job() == null);
        RunOutcome outcome = job.outcome();
        runs++;
        if (outcome.status() != RunStatus.COMPLETED) {
            notCompleted++;
            problems.add("run " + run.id() + ": " + outcome.status() + " " + outcome.message());
            return run;
        }
        PredictionModel before = Ui.models().current();
        click(training, "Use as Current Model");
        waitCounting("run " + run.id() + " to become the current model", 60_000, () -> Ui.models().current() != before);
        Ui.show(DigitLabViews.ACTIVITY);
        Ui.show(DigitLabViews.CONFUSION);
        if (runs % 10 == 0) {
            Ui.show(DigitLabViews.RUNS);
            Ui.show(DigitLabViews.DATASET);
        }
        waitCounting("the views to settle", 120_000, () -> !busy());
        return run;
    }

    /** Whether an evaluation, a guess or a rendering job of the views is still queued or running. */
    private static boolean busy() {
        for (Job j : Job.getJobManager().find(null)) {
            if (j instanceof TrainingJob) return true;
            String name = j.getName();
            if (name != null && name.startsWith("Evaluating ")) return true;
        }
        return false;
    }

    /** Clears the canvas and draws one of a few digit shapes, shifted a little each time. */
    private void drawDigit(int n) {
        DrawingArea area = canvas.drawingArea();
        area.clear();
        Rectangle s = area.square();
        int dx = (n % 5) * s.width / 40;
        int x0 = s.x + s.width / 4 + dx;
        int x1 = s.x + s.width * 3 / 4 + dx;
        int y0 = s.y + s.height / 5;
        int y1 = s.y + s.height * 4 / 5;
        int[][] points = switch (n % 3) {
            case 0 -> line(x0 + (x1 - x0) / 2, y0, x0 + (x1 - x0) / 2, y1, 12); // a 1
            case 1 -> concat(line(x0, y0, x1, y0, 6), line(x1, y0, x0 + (x1 - x0) / 3, y1, 10)); // a 7
            default -> concat(concat(line(x0, y0, x1, y0, 5), line(x1, y0, x1, y1, 8)), line(x1, y1, x0, y1, 5)); // a reversed C
        };
        Ui.drag(area, points);
    }

    private static int[][] line(int xa, int ya, int xb, int yb, int steps) {
        int[][] p = new int[steps + 1][];
        for (int i = 0; i <= steps; i++) p[i] = new int[] {xa + (xb - xa) * i / steps, ya + (yb - ya) * i / steps};
        return p;
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] r = new int[a.length + b.length - 1][];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 1, r, a.length, b.length - 1);
        return r;
    }

    /**
     * Runs the event loop until {@code done}, counting the canvas's newly shown guesses; on a timeout the
     * failure says what the Training view shows and where the lab's threads are (a stuck run is a finding).
     */
    private void waitCounting(String what, long timeoutMs, java.util.function.BooleanSupplier done) {
        long end = System.currentTimeMillis() + timeoutMs;
        Display d = Ui.display();
        while (true) {
            Guess g = canvas.shownGuess();
            if (g != null && g != lastGuess) {
                lastGuess = g;
                guesses++;
            }
            if (done.getAsBoolean()) return;
            if (System.currentTimeMillis() > end) {
                String diagnosis = diagnosis();
                System.out.println("[soak-views] timed out after " + timeoutMs + " ms waiting for " + what + "\n" + diagnosis);
                fail("timed out after " + timeoutMs + " ms waiting for " + what + "; " + diagnosis);
            }
            if (!d.readAndDispatch()) Ui.sleep(5);
        }
    }

    /** The Training view's status and problem lines, the jobs, and the stacks of the lab's threads. */
    private String diagnosis() {
        StringBuilder b = new StringBuilder();
        if (trainingView != null) {
            b.append("Training view: '").append(trainingView.statusText()).append("', problems ")
                    .append(trainingView.problems()).append(", job ").append(trainingView.job()).append('\n');
        }
        b.append("jobs:");
        for (Job j : Job.getJobManager().find(null)) b.append(" [").append(j.getName()).append(" state ").append(j.getState()).append(']');
        b.append('\n');
        for (var e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] st = e.getValue();
            boolean ours = java.util.Arrays.stream(st).anyMatch(f -> f.getClassName().startsWith("digitlab."));
            if (!ours && !e.getKey().getName().startsWith("Worker-")) continue;
            b.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState()).append('\n');
            for (int i = 0; i < Math.min(st.length, 25); i++) b.append("    at ").append(st[i]).append('\n');
        }
        return b.toString();
    }

    /** Presses the Training view's button labelled {@code text} (a Selection event to its listeners). */
    private static void click(TrainingView view, String text) {
        Button b = find(view.charts().getParent(), text);
        if (b == null) fail("the Training view has no button '" + text + "'");
        assertTrue(b.isEnabled(), "'" + text + "' is enabled (" + view.statusText() + ")");
        b.notifyListeners(SWT.Selection, new Event());
    }

    private static Button find(Composite root, String text) {
        for (Control c : root.getChildren()) {
            if (c instanceof Button b && text.equals(b.getText())) return b;
            if (c instanceof Composite comp) {
                Button found = find(comp, text);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static void check(IAction a) {
        if (!a.isChecked()) {
            a.setChecked(true);
            a.run();
        }
        Ui.drain();
    }
}

package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.io.ModelFormat;
import digitlab.train.EpochModels;
import digitlab.train.EpochPoint;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models a run keeps per epoch (time travel) and {@code --model RUN@EPOCH} on the command line. */
class EpochModelsTest {

    @TempDir
    Path dir;

    @Test
    void runEpochNamesTheCheckpointWrittenAtThatEpochThroughCancelAndResume() throws IOException {
        // In the workspace's store: RUN@EPOCH looks there. 600 images in batches of 20: 30 batches an epoch.
        RunStore store = RunStore.workspace();
        TrainingRequest r = TrainingSessionTest.small(600, 2).toBuilder().name("time travel " + System.nanoTime()).build();
        TrainingSession first = TrainingSession.start(store, r);
        AtomicInteger asked = new AtomicInteger();
        RunOutcome cancelled = first.execute(() -> asked.incrementAndGet() > 30, null);
        assertEquals(RunStatus.CANCELLED, cancelled.status(), cancelled.message());
        Run run = first.run();
        float[] epoch1 = CheckpointFormat.load(run.checkpointFile()).parameters();
        assertEquals(List.of(1), run.epochModels().epochs(), "a cancelled run keeps the epoch it completed");

        RunOutcome resumed = TrainingSession.resume(run).execute(null, null);
        assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
        float[] epoch2 = CheckpointFormat.load(run.checkpointFile()).parameters();
        assertEquals(List.of(1, 2), run.epochModels().epochs());

        for (int e = 1; e <= 2; e++) {
            Path out = dir.resolve("e" + e + ".dlm");
            String name = e == 1 ? run.id() : r.displayName(); // by id and by the name the Runs view lists
            CliTest.Result x = CliTest.cli("export", "--model", name + "@" + e, "--format", "dlm", "--out", out.toString());
            assertEquals(0, x.code(), x.err());
            assertArrayEquals(e == 1 ? epoch1 : epoch2, ModelFormat.load(out).snapshot().parameters(),
                    "bit-identical to the checkpoint of epoch " + e);
        }
        assertFalse(java.util.Arrays.equals(epoch1, epoch2));

        CliTest.assertOneLine(CliTest.cli("eval", "--model", run.id() + "@99"), 2,
                "--model " + run.id() + "@99: run " + run.id() + " has epochs 1-2; there is no epoch 99");
        CliTest.assertOneLine(CliTest.cli("predict", "--model", run.id() + "@last", "x.png"), 2,
                "the epoch 'last' is not a number");
        CliTest.assertOneLine(CliTest.cli("eval", "--model", "no-such-run@1"), 2, "--model no-such-run@1: no run 'no-such-run'");
        CliTest.Result embed = CliTest.cli("embed", "--model", run.id() + "@1", "--method", "pca", "--limit", "100", "--out",
                dir.resolve("map.csv").toString());
        assertEquals(0, embed.code(), embed.err());
        assertEquals(101, java.nio.file.Files.readAllLines(dir.resolve("map.csv")).size(), "header and 100 points");
        CliTest.assertOneLine(CliTest.cli("embed", "--model", run.id() + "@3", "--method", "pca", "--out",
                dir.resolve("x.csv").toString()), 2, "run " + run.id() + " has epochs 1-2; there is no epoch 3");
    }

    @Test
    void pastTwentyEpochsOlderModelsAreThinnedToPowersOfTwoKeepingTheBest() throws IOException {
        RunStore store = RunStore.workspace();
        // 40 images in batches of 20: 2 batches an epoch, 24 epochs.
        TrainingRequest r = TrainingSessionTest.small(40, 24);
        TrainingSession s = TrainingSession.start(store, r);
        RunOutcome o = s.execute(null, null);
        assertEquals(RunStatus.COMPLETED, o.status(), o.message());
        Run run = s.run();
        int best = 0;
        double acc = -1;
        for (EpochPoint p : run.history().epochs()) {
            if (p.validationAccuracy() > acc) {
                acc = p.validationAccuracy();
                best = p.epoch();
            }
        }
        int b = best;
        List<Integer> expected = IntStream.rangeClosed(1, 24).filter(e -> e >= 5 || e == 1 || e == 2 || e == 4 || e == b)
                .boxed().toList();
        assertEquals(expected, run.epochModels().epochs(), "best " + best);
        if (best != 3) {
            CliTest.assertOneLine(CliTest.cli("eval", "--model", run.id() + "@3"), 2,
                    "run " + run.id() + " kept the models of epochs 1, 2, 4-24; epoch 3 was thinned away");
        }
    }

    @Test
    void theKeepingRuleIsBoundedAndKeepsFirstNewestAndBest() {
        for (int newest = 1; newest <= EpochModels.RECENT; newest++) {
            for (int e = 1; e <= newest; e++) assertTrue(EpochModels.keeps(e, newest, 0), e + " of " + newest);
        }
        List<Integer> kept = new ArrayList<>();
        for (int e = 1; e <= 1000; e++) if (EpochModels.keeps(e, 1000, 377)) kept.add(e);
        assertEquals(EpochModels.RECENT + 10 + 1, kept.size(), kept.toString()); // newest 20, 2^0..2^9, the best
        assertTrue(kept.containsAll(List.of(1, 2, 512, 377, 981, 1000)) && !kept.contains(980) && !kept.contains(3));
    }
}

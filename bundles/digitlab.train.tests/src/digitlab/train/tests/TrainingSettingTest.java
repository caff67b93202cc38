package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.FieldProblem;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.train.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings' one source (TrainingSetting) against the request, the command line and the run file. */
class TrainingSettingTest {

    @TempDir
    Path dir;

    @Test
    void everySettingIsARequestFieldInFormOrder() {
        List<String> components = Arrays.stream(TrainingRequest.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertEquals(components, TrainingSetting.keys());
        assertEquals(TrainingSetting.keys(), TrainingRequest.FIELDS);
    }

    @Test
    void everySettingsFlagIsATrainOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(Cli.OK, new Cli().run(new String[] {"train", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err));
        String help = out.toString(StandardCharsets.UTF_8);
        for (TrainingSetting s : TrainingSetting.values()) {
            assertTrue(help.contains("  " + s.flag() + (s == TrainingSetting.AUGMENT ? " " : "=")), s + " is not in:\n" + help);
        }
    }

    @Test
    void theRangesOfTheSettingsAreTheRequestsAndTheCommandsMessagesNameTheFlag() {
        TrainingRequest d = TrainingRequest.defaults();
        for (TrainingSetting s : List.of(TrainingSetting.BATCH_SIZE, TrainingSetting.EPOCHS, TrainingSetting.THREADS)) {
            long above = s.max().longValue() + 1;
            TrainingRequest.Builder b = d.toBuilder();
            TrainingRequest r = switch (s) {
                case BATCH_SIZE -> b.batchSize((int) above).build();
                case EPOCHS -> b.epochs((int) above).build();
                default -> b.threads((int) above).build();
            };
            FieldProblem p = r.validate().get(0);
            assertEquals(s.key(), p.field());
            assertEquals(s.rangeProblem(above), p.message());
            assertEquals(null, s.rangeProblem(s.max().longValue()));

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Cli().run(new String[] {"train", "--runs", dir.toString(), s.flag(), Long.toString(above)},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(Cli.USAGE, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(s.flag() + ": " + s.rangeProblem(above)), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** A run.json of the first version (before threads, augmentation, validation, limit, schedule, weight decay). */
    @Test
    void anOldRunFileOpensWithTheMissingSettingsAtTheirFileDefaults() throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("runs").resolve("20240101-120000-old"));
        Files.writeString(runDir.resolve(Run.INFO_FILE), """
                {
                  "id": "20240101-120000-old",
                  "name": "an old run",
                  "created": "2024-01-01T12:00:00Z",
                  "status": "COMPLETED",
                  "message": "",
                  "request": {
                    "name": "an old run",
                    "dataset": "mnist",
                    "preset": "mlp",
                    "hiddenLayers": [64],
                    "activation": "relu",
                    "loss": "xent",
                    "optimizer": "adam",
                    "learningRate": 0.002,
                    "batchSize": 32,
                    "epochs": 3,
                    "seed": "7"
                  },
                  "architecture": "784-64-10",
                  "epochsCompleted": 3,
                  "seconds": 12
                }
                """, StandardCharsets.UTF_8);
        RunStore store = new RunStore(dir.resolve("runs"));
        RunInfo info = store.list().get(0);
        assertEquals(RunStatus.COMPLETED, info.status());
        assertEquals("an old run", info.name());
        TrainingRequest r = store.open("20240101-120000-old").request();
        assertNotNull(r);
        assertEquals(List.of(64), r.hiddenLayers());
        assertEquals(0.002, r.learningRate());
        assertEquals(32, r.batchSize());
        assertEquals(7L, r.seed());
        assertEquals(TrainingSetting.THREADS.fileDefault(), r.threads());
        assertEquals(TrainingSetting.AUGMENT.fileDefault(), r.augment());
        assertEquals(TrainingSetting.VALIDATION_IMAGES.fileDefault(), r.validationImages());
        assertEquals(TrainingSetting.TRAINING_LIMIT.fileDefault(), r.trainingLimit());
        assertEquals(TrainingSetting.SCHEDULE.fileDefault(), r.schedule());
        assertEquals(TrainingSetting.WEIGHT_DECAY.fileDefault(), r.weightDecay());
        assertEquals(List.of(), r.validate(), "an old run's request is still a valid request");
    }

    @Test
    void aRunFileKeepsEverySetting() throws Exception {
        TrainingRequest r = TrainingRequest.forPreset("original").toBuilder().name("x").hiddenLayers(List.of(30, 20))
                .learningRate(0.25).batchSize(16).epochs(2).seed(Long.MAX_VALUE).threads(2).augment(true)
                .validationImages(100).trainingLimit(500).schedule("step:3:0.5").weightDecay(1e-4).build();
        RunStore store = new RunStore(dir.resolve("runs2"));
        Run run = store.create(r);
        assertEquals(r, store.open(run.id()).request());
    }
}

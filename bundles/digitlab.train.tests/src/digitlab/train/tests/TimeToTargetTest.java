package digitlab.train.tests;

import static digitlab.train.tests.CliTest.assertOneLine;
import static digitlab.train.tests.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.TargetResult;
import digitlab.train.TimeToTarget;
import digitlab.train.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digitlab train --target ACC [--eval-every EPOCHS]}: the options' checks, seconds_to_target when the target is
 * reached (a low one on 500 MNIST images) and null with a message when it is not (100 %).
 */
class TimeToTargetTest {

    @TempDir
    Path dir;

    /** A small, quick run of the mlp preset: 500 training images, 20 batches of 25, one thread. */
    private CliTest.Result train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--layers", "32", "--limit", "500", "--epochs", "1",
                "--batch", "25", "--validation", "300", "--threads", "1", "--seed", "3",
                "--runs", dir.resolve("runs").toString(), "--json"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void badTargetsAndIntervalsAreUsageErrorsNamingTheFlag() {
        assertOneLine(cli("train", "--target", "1.5"), 2, "--target: 1.5 must be above 0 and at most 1");
        assertOneLine(cli("train", "--target", "0"), 2, "--target: 0.0 must be above 0 and at most 1");
        assertOneLine(cli("train", "--target", "-0.5"), 2, "--target: -0.5 must be above 0 and at most 1");
        assertOneLine(cli("train", "--target", "NaN"), 2, "--target: 'NaN' is not a number");
        assertOneLine(cli("train", "--target", "high"), 2, "--target: 'high' is not a number");
        assertOneLine(cli("train", "--target", "0.9", "--eval-every", "0"), 2, "--eval-every: 0.0 must be above 0");
        assertOneLine(cli("train", "--target", "0.9", "--eval-every", "101"), 2, "--eval-every: 101.0 must be above 0");
        assertOneLine(cli("train", "--eval-every", "0.5"), 2, "--eval-every needs --target");
        assertOneLine(cli("train", "--resume", "x", "--target", "0.9"), 2, "--target cannot be combined with --resume");
    }

    @Test
    void aReachedTargetReportsItsSecondsAccuracyAndPlace() {
        CliTest.Result r = train("--target", "0.3", "--eval-every", "0.25");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(0.3, j.get("target"));
        double seconds = (Double) j.get("seconds_to_target");
        assertTrue(seconds > 0 && seconds <= (Double) j.get("seconds"), j.toString());
        double accuracy = (Double) j.get("target_accuracy");
        assertTrue(accuracy >= 0.3 && accuracy <= 1, j.toString());
        // 20 batches, an evaluation every 5: the first at batch 5, and it stops once reached.
        double evaluations = (Double) j.get("target_evaluations");
        assertTrue(evaluations >= 1 && evaluations <= 4, j.toString());
        assertEquals(5.0 * evaluations, (Double) j.get("target_batch"), j.toString());
        assertEquals(1.0, j.get("target_epoch"));
        assertEquals(0.25 * evaluations, (Double) j.get("target_epochs"), 1e-9, j.toString());
        assertFalse(j.containsKey("target_message"), j.toString());
        assertTrue(r.out().contains("reached 30.00 % test accuracy after "), r.out());
    }

    @Test
    void anUnreachedTargetHasNoSecondsAndSaysSo() {
        CliTest.Result r = train("--target", "1", "--eval-every", "0.5");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertTrue(j.containsKey("seconds_to_target"), j.toString());
        assertNull(j.get("seconds_to_target"), j.toString());
        assertEquals(2.0, j.get("target_evaluations"), "at batch 10 and after the last (20)");
        assertTrue(((String) j.get("target_message")).startsWith("did not reach 100.00 % test accuracy (best "), j.toString());
        // The last evaluation is a full one: its accuracy is the run's final test accuracy.
        assertEquals((Double) j.get("test_accuracy"), (Double) j.get("target_accuracy"), 1e-12, j.toString());
        assertTrue(r.out().contains("did not reach 100.00 % test accuracy"), r.out());
    }

    @Test
    void withoutATargetNothingIsMeasured() {
        CliTest.Result r = train();
        assertEquals(0, r.code(), r.err());
        assertFalse(r.json().containsKey("seconds_to_target"), r.json().toString());
        assertFalse(r.out().contains("test accuracy after"), r.out());
    }

    /** The speedrun preset comes from the conv plugin's plugin.xml, through the lab's preset registry. */
    @Test
    void theSpeedrunPresetIsRegisteredWithItsRecipe() {
        TrainingRequest r = TrainingRequest.forPreset("speedrun");
        assertEquals("speedrun", r.preset());
        assertEquals(32, r.batchSize());
        assertEquals(2, r.epochs());
        assertEquals("cosine", r.schedule());
        assertFalse(r.augment());
        assertTrue(r.architecture(new digitlab.nn.Shape(1, 28, 28), 10).toString().startsWith("1x28x28 -> conv2d(filters=16"),
                r.architecture(new digitlab.nn.Shape(1, 28, 28), 10).toString());
    }

    @Test
    void theMeasurementsValuesAreChecked() {
        assertEquals(0.1, new TimeToTarget(0.99).evaluateEvery());
        assertEquals(86, new TimeToTarget(0.99).intervalBatches(860));
        assertEquals(1, new TimeToTarget(0.99, 0.001).intervalBatches(20), "at least every batch");
        assertEquals(40, new TimeToTarget(0.99, 2).intervalBatches(20), "every second epoch");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TimeToTarget(1.01)).getMessage().startsWith("accuracy: 1.01"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TimeToTarget(0.5, -1)).getMessage().startsWith("evaluateEvery: -1"));
        TargetResult missed = new TargetResult(0.99, false, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0);
        assertEquals("did not reach 99.00 % test accuracy: no test images to evaluate", missed.describe());
    }
}

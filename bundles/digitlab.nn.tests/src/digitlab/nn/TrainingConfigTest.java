package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void theBuilderStartsFromTheNamedDefaults() {
        TrainingConfig d = TrainingConfig.builder().build();
        assertEquals(TrainingConfig.defaults(), d);
        assertEquals(TrainingConfig.DEFAULT_OPTIMIZER, d.optimizer());
        assertEquals(TrainingConfig.DEFAULT_LEARNING_RATE, d.learningRate());
        assertEquals(TrainingConfig.DEFAULT_BATCH_SIZE, d.batchSize());
        assertEquals(TrainingConfig.DEFAULT_EPSILON, d.epsilon());
        assertEquals(TrainingConfig.DEFAULT_SNAPSHOT_INTERVAL, d.snapshotInterval());
        d.validate(); // the defaults are valid
    }

    @Test
    void aNamedSettingChangesThatSettingOnly() {
        TrainingConfig d = TrainingConfig.defaults();
        TrainingConfig c = TrainingConfig.builder().optimizer("sgd").learningRate(0.1).epochs(30).build();
        assertEquals("sgd", c.optimizer());
        assertEquals(0.1, c.learningRate());
        assertEquals(30, c.epochs());
        assertEquals(d, c.toBuilder().optimizer(d.optimizer()).learningRate(d.learningRate()).epochs(d.epochs()).build());
        assertNotEquals(d, c);
    }

    @Test
    void toBuilderKeepsEveryValueAndTheWithMethodsAgree() {
        TrainingConfig c = TrainingConfig.builder().loss("quadratic").optimizer("momentum").learningRate(0.3).batchSize(32)
                .epochs(7).schedule("cosine").weightDecay(1e-4).momentum(0.8).nesterov(true).beta1(0.85).beta2(0.99)
                .epsilon(1e-7).seed(42).threads(3).snapshotInterval(5).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(c, TrainingConfig.defaults().withLoss("quadratic").withOptimizer("momentum").withLearningRate(0.3)
                .withBatchSize(32).withEpochs(7).withSchedule("cosine").withWeightDecay(1e-4).withMomentum(0.8, true)
                .withAdam(0.85, 0.99, 1e-7).withSeed(42).withThreads(3).withSnapshotInterval(5));
    }

    @Test
    void buildDoesNotValidateValidateNamesTheSetting() {
        TrainingConfig bad = TrainingConfig.builder().batchSize(0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::validate);
        assertTrue(e.getMessage().startsWith("batchSize: 0"), e.getMessage());
    }
}

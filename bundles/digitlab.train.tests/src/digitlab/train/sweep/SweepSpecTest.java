package digitlab.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.FieldProblem;
import digitlab.train.InvalidRequestException;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep specifications without training: the text form, grids, random sampling, validation, the record's file. */
class SweepSpecTest {

    @TempDir
    Path dir;

    static TrainingRequest base() {
        return TrainingRequest.defaults().toBuilder().epochs(3).threads(1).build();
    }

    static SweepAxis axis(TrainingSetting s, String text) {
        return SweepAxis.parse(s, text);
    }

    @Test
    void theTextFormReadsListsRangesAndLayerLists() {
        assertEquals(List.of(0.001, 0.003, 0.01), axis(TrainingSetting.LEARNING_RATE, "0.001,0.003, 0.01").values());
        assertEquals(List.of(List.of(128), List.of(256, 128)), axis(TrainingSetting.HIDDEN_LAYERS, "128 256,128").values());
        assertEquals(List.of(List.of(64), List.of(32, 32)), axis(TrainingSetting.HIDDEN_LAYERS, "64; 32,32").values());
        assertEquals(List.of(true, false), axis(TrainingSetting.AUGMENT, "on,off").values());
        assertEquals(List.of(7L, 8L), axis(TrainingSetting.SEED, "7 8").values());
        SweepAxis r = axis(TrainingSetting.LEARNING_RATE, "0.0001..0.1");
        assertTrue(r.isRange() && r.varies());
        assertEquals(0.0001, r.range().low());
        assertEquals("0.0001..0.1", r.text());
        assertEquals("128 256,128", axis(TrainingSetting.HIDDEN_LAYERS, "128 256,128").text());
    }

    @Test
    void syntaxErrorsNameTheSetting() {
        assertProblem(() -> axis(TrainingSetting.LEARNING_RATE, ""), "learningRate", "no values given");
        assertProblem(() -> axis(TrainingSetting.LEARNING_RATE, " , "), "learningRate", "no values given");
        assertProblem(() -> axis(TrainingSetting.LEARNING_RATE, "0.1,fast"), "learningRate", "'fast' is not a number");
        assertProblem(() -> axis(TrainingSetting.HIDDEN_LAYERS, "128 2x6"), "hiddenLayers", "'2x6' is not a whole number");
        assertProblem(() -> axis(TrainingSetting.AUGMENT, "maybe"), "augment", "neither on nor off");
        assertProblem(() -> axis(TrainingSetting.ACTIVATION, "relu..tanh"), "activation", "a range is not possible");
        assertProblem(() -> axis(TrainingSetting.EPOCHS, "1,2"), "epochs", "cannot be varied in a sweep");
        assertProblem(() -> axis(TrainingSetting.LEARNING_RATE, "0.1 0.01..1"), "learningRate", "either a range");
    }

    @Test
    void aTwoByTwoGridHasFourPointsInLoopOrder() {
        SweepSpec spec = SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.01,0.1"))
                .axis(axis(TrainingSetting.BATCH_SIZE, "32,64")).build();
        assertEquals(List.of(), spec.validate());
        List<Map<TrainingSetting, Object>> points = spec.points();
        assertEquals(4, points.size());
        assertEquals(Map.of(TrainingSetting.LEARNING_RATE, 0.01, TrainingSetting.BATCH_SIZE, 32), points.get(0));
        assertEquals(Map.of(TrainingSetting.LEARNING_RATE, 0.01, TrainingSetting.BATCH_SIZE, 64), points.get(1));
        assertEquals(Map.of(TrainingSetting.LEARNING_RATE, 0.1, TrainingSetting.BATCH_SIZE, 32), points.get(2));
        assertEquals(Map.of(TrainingSetting.LEARNING_RATE, 0.1, TrainingSetting.BATCH_SIZE, 64), points.get(3));
        TrainingRequest r = spec.request(3, points.get(3));
        assertEquals(0.1, r.learningRate());
        assertEquals(64, r.batchSize());
        assertEquals(3, r.epochs());
        assertTrue(r.name().contains("#4") && r.name().contains("learning rate 0.1"), r.name());
    }

    @Test
    void aPresetAxisKeepsTheSweepsEpochsAndTheOtherSettings() {
        SweepSpec spec = SweepSpec.builder(base()).axis(axis(TrainingSetting.PRESET, "original,mlp"))
                .axis(axis(TrainingSetting.LEARNING_RATE, "0.5")).build();
        assertEquals(List.of(), spec.validate());
        TrainingRequest r = spec.request(0, spec.points().get(0));
        assertEquals("original", r.preset());
        assertEquals(3, r.epochs());
        assertEquals(0.5, r.learningRate());
        assertEquals(List.of(TrainingSetting.PRESET), spec.varied().stream().map(SweepAxis::setting).toList());
    }

    @Test
    void randomSamplingIsReproducibleFromItsSeed() {
        SweepSpec.Builder b = SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.0001..0.1"))
                .axis(axis(TrainingSetting.HIDDEN_LAYERS, "64 128 256")).axis(axis(TrainingSetting.BATCH_SIZE, "16..256"))
                .random(16).samplingSeed(42);
        SweepSpec spec = b.build();
        assertEquals(List.of(), spec.validate());
        List<Map<TrainingSetting, Object>> points = spec.points();
        assertEquals(16, points.size());
        assertEquals(points, b.build().points(), "the same seed gives the same points");
        assertNotEquals(points, b.samplingSeed(43).build().points(), "another seed gives other points");
        for (Map<TrainingSetting, Object> p : points) {
            double lr = (Double) p.get(TrainingSetting.LEARNING_RATE);
            int batch = (Integer) p.get(TrainingSetting.BATCH_SIZE);
            assertTrue(lr >= 0.0001 && lr <= 0.1, "lr " + lr);
            assertTrue(batch >= 16 && batch <= 256, "batch " + batch);
            assertTrue(List.of(List.of(64), List.of(128), List.of(256)).contains(p.get(TrainingSetting.HIDDEN_LAYERS)));
        }
    }

    @Test
    void learningRatesAreLogUniform() {
        SweepSpec spec = SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.0001..0.1"))
                .random(2000).maxPoints(2000).samplingSeed(7).build();
        assertEquals(List.of(), spec.validate());
        int perDecade[] = new int[3];
        for (Map<TrainingSetting, Object> p : spec.points()) {
            double lr = (Double) p.get(TrainingSetting.LEARNING_RATE);
            perDecade[Math.min(2, (int) Math.floor(Math.log10(lr) + 4))]++;
        }
        // Log-uniform: a third in each decade (uniform would put 90 % in the last one).
        for (int n : perDecade) assertTrue(n > 560 && n < 780, java.util.Arrays.toString(perDecade));
    }

    @Test
    void badInputGetsProblemsNamingTheSetting() {
        assertField(SweepSpec.builder(base()).axis(SweepAxis.of(TrainingSetting.LEARNING_RATE, List.of())).build(),
                "learningRate", "no values given");
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.01,2000")).build(),
                "learningRate", "2,000 must be above 0 and at most 1,000");
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.BATCH_SIZE, "0,32")).build(),
                "batchSize", "0 must be between 1 and 65,536");
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.OPTIMIZER, "adam,rmsprop")).build(),
                "optimizer", "unknown optimizer 'rmsprop'");
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.01,0.01")).build(),
                "learningRate", "0.01 is given twice");
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.001..0.1")).build(),
                "learningRate", "needs random sampling");
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.WEIGHT_DECAY, "0..0.1")).random(4).build(),
                "weightDecay", "needs a lower end above 0");
        assertField(SweepSpec.builder(base()).parallel(0).build(), SweepSpec.FIELD_PARALLEL, "0 must be between 1 and 64");
        assertField(SweepSpec.builder(base()).random(101).build(), SweepSpec.FIELD_SAMPLES, "give 1 to 100");
        assertField(SweepSpec.builder(base()).earlyStopping(new EarlyStopping(3, 2)).build(),
                SweepSpec.FIELD_EARLY_STOPPING, "must be an epoch from 1 to 2");
        assertField(SweepSpec.builder(base().toBuilder().epochs(1).build()).earlyStopping(EarlyStopping.DEFAULT).build(),
                SweepSpec.FIELD_EARLY_STOPPING, "at least 2 epochs");
        assertField(SweepSpec.builder(base()).build(), SweepSpec.FIELD_AXES, "no setting to vary");
        // A grid over the limit names the sizes and the limit.
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.LEARNING_RATE, "0.001,0.002,0.003,0.004,0.005,0.006,0.007,0.008,0.009,0.01,0.02"))
                .axis(axis(TrainingSetting.SEED, "1,2,3,4,5,6,7,8,9,10")).build(),
                SweepSpec.FIELD_POINTS, "the grid has 110 points (11 learning rate x 10 seed); the limit is 100");
        // A combination that does not fit: a preset with a fixed architecture and hidden layers.
        assertField(SweepSpec.builder(base()).axis(axis(TrainingSetting.PRESET, "mlp,lenet")).axis(axis(TrainingSetting.HIDDEN_LAYERS, "64")).build(),
                "hiddenLayers", "point 2 (architecture lenet, hidden layers 64)");
    }

    @Test
    void theRecordSurvivesItsFile() throws IOException {
        SweepStore store = SweepStore.beside(new RunStore(dir.resolve("runs")));
        SweepSpec spec = SweepSpec.builder(base()).name("lr and width").axis(axis(TrainingSetting.LEARNING_RATE, "0.0001..0.1"))
                .axis(axis(TrainingSetting.HIDDEN_LAYERS, "64 128,64")).axis(axis(TrainingSetting.SEED, "5"))
                .random(6).samplingSeed(9).parallel(2).earlyStopping(new EarlyStopping(1, 3)).build();
        SweepRecord made = store.create(spec);
        assertEquals(dir.resolve("sweeps").resolve(made.id()).resolve(SweepStore.FILE), store.root().resolve(made.id()).resolve("sweep.json"));
        SweepRecord read = store.open(made.id());
        assertEquals(SweepStatus.NEW, read.status());
        assertEquals(made.points(), read.points());
        assertEquals(spec.points(), read.spec().points(), "the spec read back samples the same points");
        assertEquals(spec.base(), read.spec().base());
        assertEquals(new EarlyStopping(1, 3), read.spec().earlyStopping());
        assertEquals(List.of(TrainingSetting.HIDDEN_LAYERS, TrainingSetting.LEARNING_RATE).stream().sorted().toList(),
                read.varied().stream().sorted().toList());
        assertEquals(List.of(read.id()), store.list().stream().map(SweepRecord::id).toList());
        assertThrows(InvalidRequestException.class, () -> store.create(SweepSpec.builder(base()).parallel(0).build()));
    }

    @Test
    void ashaKeepsTheBestShareAtEachRung() {
        EarlyStopping rule = new EarlyStopping(1, 2);
        assertEquals(List.of(1, 2, 4), rule.rungs(5));
        assertEquals(List.of(), rule.rungs(1));
        assertEquals(List.of(2, 6), new EarlyStopping(2, 3).rungs(9));
        SweepMetric acc = SweepMetric.VALIDATION_ACCURACY;
        assertTrue(rule.keeps(0.1, List.of(0.1), acc), "the first run at a rung goes on");
        assertTrue(!rule.keeps(0.1, List.of(0.9, 0.1), acc), "the worse of two stops");
        assertTrue(rule.keeps(0.8, List.of(0.9, 0.1, 0.85, 0.8), acc) == false);
        assertTrue(rule.keeps(0.85, List.of(0.9, 0.1, 0.85, 0.8), acc), "the best 2 of 4 go on");
        assertTrue(rule.keeps(0.2, List.of(0.3, 0.2), SweepMetric.VALIDATION_LOSS), "a lower loss is better");
    }

    private static void assertField(SweepSpec spec, String field, String text) {
        List<FieldProblem> problems = spec.validate();
        assertTrue(!problems.isEmpty(), "no problem for " + spec);
        FieldProblem p = problems.get(0);
        assertEquals(field, p.field(), p.toString());
        assertTrue(p.message().contains(text), p.toString());
    }

    private static void assertProblem(org.junit.jupiter.api.function.Executable call, String field, String text) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals(field, e.problems().get(0).field(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}

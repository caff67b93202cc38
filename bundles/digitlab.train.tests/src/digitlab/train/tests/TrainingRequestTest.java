package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Architecture;
import digitlab.nn.Presets;
import digitlab.nn.Shape;
import digitlab.train.FieldProblem;
import digitlab.train.InvalidRequestException;
import digitlab.train.TrainingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRequestTest {

    private static List<String> fields(TrainingRequest r) {
        return r.validate().stream().map(FieldProblem::field).toList();
    }

    @Test
    void presetsAreValidAndCarryTheirDefaults() {
        TrainingRequest mlp = TrainingRequest.forPreset("mlp");
        assertEquals(List.of(), mlp.validate());
        assertEquals(List.of(256, 128), mlp.hiddenLayers());
        assertEquals("relu", mlp.activation());
        assertEquals("xent", mlp.loss());
        TrainingRequest original = TrainingRequest.forPreset("original");
        assertEquals(List.of(), original.validate());
        assertEquals(List.of(28, 28), original.hiddenLayers());
        assertEquals("sigmoid", original.activation());
        assertEquals(Presets.get("original").config().loss(), original.loss());
        assertEquals(Presets.get("original").config().learningRate(), original.learningRate());
        // Unchanged layers give exactly the preset's network.
        assertEquals(Presets.get("original").architecture(), original.architecture(new Shape(1, 28, 28), 10));
        assertEquals(Presets.get("mlp").architecture(), mlp.architecture(new Shape(1, 28, 28), 10));
    }

    @Test
    void eachBadFieldIsNamed() {
        TrainingRequest.Builder b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("learningRate"), fields(b.learningRate(-1).build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("batchSize"), fields(b.batchSize(0).build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("epochs"), fields(b.epochs(0).build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("dataset"), fields(b.dataset("nosuch").build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("activation"), fields(b.activation("wiggle").build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("optimizer"), fields(b.optimizer("rmsprop2").build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("loss"), fields(b.loss("hinge").build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("schedule"), fields(b.schedule("sometimes").build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("threads"), fields(b.threads(0).build()));
        b = TrainingRequest.defaults().toBuilder();
        assertEquals(List.of("validationImages", "trainingLimit"), fields(b.validationImages(-5).trainingLimit(-1).build()));
    }

    @Test
    void aHugeLayerIsRefusedBeforeAllocation() {
        TrainingRequest r = TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(1_000_000_000)).build();
        List<FieldProblem> p = r.validate();
        assertEquals(1, p.size());
        assertEquals("hiddenLayers", p.get(0).field());
        assertTrue(p.get(0).message().contains("1000000000"), p.get(0).message());
        // Wide but legal layers whose product exceeds the parameter limit: named too.
        r = TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(60_000, 60_000)).build();
        p = r.validate();
        assertEquals("hiddenLayers", p.get(0).field());
        assertTrue(p.get(0).message().contains("parameters"), p.get(0).message());
        r = TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(64, 0)).build();
        assertTrue(r.validate().get(0).message().startsWith("layer 2 has 0 neurons"), r.validate().get(0).message());
    }

    @Test
    void requireValidThrowsWithTheFirstProblem() {
        TrainingRequest r = TrainingRequest.defaults().toBuilder().learningRate(0).batchSize(-3).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, r::requireValid);
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().startsWith("learningRate: "), e.getMessage());
    }

    @Test
    void customHiddenLayersBuildTheNetwork() {
        TrainingRequest r = TrainingRequest.defaults().toBuilder().hiddenLayers(List.of(32)).activation("tanh").build();
        assertEquals(List.of(), r.validate());
        Architecture a = r.architecture(new Shape(1, 28, 28), 10);
        assertEquals(Architecture.mlp(new Shape(1, 28, 28), new int[] {32}, "tanh", 0.2, 10, "softmax"), a);
        assertEquals("mlp 32 tanh on mnist", r.displayName());
    }

    @Test
    void switchingPresetTakesItsDefaults() {
        TrainingRequest r = TrainingRequest.defaults().toBuilder().seed(7).preset("original").build();
        assertEquals("original", r.preset());
        assertEquals(Presets.get("original").config().loss(), r.loss());
        assertEquals(List.of(28, 28), r.hiddenLayers());
        assertEquals(7, r.seed());
    }
}

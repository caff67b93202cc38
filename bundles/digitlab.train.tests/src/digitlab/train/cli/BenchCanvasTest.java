package digitlab.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Split;
import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.TrainingConfig;
import digitlab.train.Datasets;
import digitlab.train.ModelService;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canvas figure of {@code digitlab bench}: its measurement, and how it joins the benchmark's JSON line. */
class BenchCanvasTest {

    @Test
    void aCanvasGuessIsTimedWithTheReadyModelOnMnistTestDigits() throws Exception {
        Model model = ModelService.get().current().model();
        CanvasLatency.Result r = CanvasLatency.measure(model, Datasets.load("mnist", -1).part(Split.TEST), 20, 100, 0);
        assertEquals(100, r.guesses());
        assertTrue(r.medianMillis() > 0 && r.p90Millis() >= r.medianMillis(), r.toString());
    }

    @Test
    void aModelForOtherImagesIsRefused() throws Exception {
        Network small = new Network(Architecture.parse("16 -> dense(4) -> softmax"));
        Model model = new Model(ModelSnapshot.of(small, small.initialParameters(1), 0, 0, 0), new ModelMetadata("mnist", ModelMetadata.digitLabels(4),
                InputNormalization.IDENTITY, TrainingConfig.defaults(), Map.of(), Instant.now(), Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanvasLatency.measure(model, Datasets.load("mnist", -1).part(Split.TEST), 1, 1, 0));
        assertEquals("the model takes 16 inputs, not a 28x28 image", e.getMessage());
    }
}

package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Model;
import digitlab.train.Datasets;
import digitlab.train.EvaluationReport;
import digitlab.train.Evaluator;
import digitlab.train.ModelService;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.canvas.Guess;
import digitlab.ui.internal.canvas.GuessEngine;
import digitlab.ui.internal.canvas.Stroke;
import digitlab.ui.internal.model.PredictionModel;

/**
 * Dataset images go into the canvas exactly: their own 28x28 pixels are the network's input, and the
 * canvas's outputs are {@code digitlab eval}'s ({@link Evaluator}, the code behind the command) bit for bit.
 */
class ExactInputTest {

    private static Model model;
    private static ImageSet test;
    private static EvaluationReport eval;

    @BeforeAll
    static void evaluate() throws Exception {
        model = ModelService.readyModel();
        test = Datasets.load("mnist", -1).part(Split.TEST);
        eval = Evaluator.evaluate(model, Datasets.load("mnist", -1), Split.TEST, 2); // what `digitlab eval` prints
    }

    private static Guess guess(int index) {
        float[] pixels = new float[784];
        test.copyNormalized(index, pixels, 0);
        Drawing d = Drawing.ofDatasetImage(pixels, 28, 28, "test image #" + index);
        return new GuessEngine().guess(1, d, PredictionModel.of(model, "ready model"));
    }

    @Test
    void everyMisclassifiedTestImageGetsEvalsProbabilitiesExactly() {
        List<EvaluationReport.Misclassified> wrong = eval.misclassified();
        assertTrue(wrong.size() > 20, "the ready model makes some mistakes: " + wrong.size());
        for (EvaluationReport.Misclassified m : wrong) {
            Guess g = guess(m.position());
            assertArrayEquals(m.probabilities(), g.outputs(), "test image #" + m.position());
            assertEquals(m.predicted(), g.best(), "test image #" + m.position());
        }
    }

    @Test
    void theNetworkSeesTheImagesOwnPixels() {
        for (int index : new int[] {0, 9792, 9999}) {
            float[] pixels = new float[784];
            test.copyNormalized(index, pixels, 0);
            Guess g = guess(index);
            assertArrayEquals(pixels, g.digit().pixels(), "test image #" + index + " is not re-digitised");
        }
    }

    @Test
    void strokesOnTopLandInTheImagesGridAndLeaveItsOtherPixelsAlone() {
        float[] pixels = new float[784];
        test.copyNormalized(0, pixels, 0);
        // a short horizontal stroke across the top-left corner (rows 1-3, columns 1-8 of 28), where a 7 has no ink
        Drawing d = Drawing.ofDatasetImage(pixels, 28, 28, "test image #0")
                .with(new Stroke(new float[] {2f / 28, 2.5f / 28, 8f / 28, 2.5f / 28}, 0.075f));
        float[] seen = new GuessEngine().guess(1, d, PredictionModel.of(model, "ready model")).digit().pixels();
        assertEquals(1f, seen[2 * 28 + 5], 1e-6, "full ink on the stroke's line (row 2, column 5)");
        int changed = 0;
        for (int i = 0; i < 784; i++) {
            assertTrue(seen[i] >= pixels[i], "the image's ink stays (pixel " + i + ")");
            if (seen[i] != pixels[i]) {
                changed++;
                assertTrue(i / 28 <= 4 && i % 28 <= 10, "only pixels near the stroke change, not pixel " + i);
            }
        }
        assertTrue(changed >= 8, "the stroke added ink: " + changed + " pixels");
    }
}

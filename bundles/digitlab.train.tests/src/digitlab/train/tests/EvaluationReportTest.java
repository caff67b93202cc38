package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.train.EvaluationReport;
import digitlab.train.Evaluator;
import digitlab.train.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    /**
     * Four 1x2 "images" and a hand-made 2-input, 3-class linear softmax model whose class is decided by
     * the pixels: pixel 0 bright -> class 0, pixel 1 bright -> class 1, both dark -> class 2.
     */
    private static EvaluationReport tinyCase() {
        Network net = new Network(Architecture.parse("2 -> dense(3) -> softmax"));
        // W[3x2] row-major, then b[3]: z0 = 10 x0, z1 = 10 x1, z2 = 5 (wins only when both are dark).
        float[] params = {10, 0, 0, 10, 0, 0, 0, 0, 5};
        Model model = new Model(ModelSnapshot.of(net, params), new ModelMetadata("tiny", List.of("a", "b", "c"),
                InputNormalization.IDENTITY, null, Map.of(), Instant.now(), Map.of()));
        // pixels (x0, x1) and labels: predicted 0, 1, 2, 0; labels 0, 1, 1, 2
        byte[] pixels = {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0};
        byte[] labels = {0, 1, 1, 2};
        ImageSet set = ImageSet.of(2, 1, 3, pixels, labels);
        return Evaluator.evaluate(model, set, "tiny", "test", List.of("a", "b", "c"), 1);
    }

    @Test
    void figuresOfAHandMadeCase() {
        EvaluationReport r = tinyCase();
        assertEquals(4, r.size());
        assertEquals(0.5, r.accuracy());
        assertArrayEquals(new int[][] {{1, 0, 0}, {0, 1, 1}, {1, 0, 0}}, r.confusion());
        // class a: predicted twice (images 0 and 3), right once; one image of class a, found.
        assertEquals(0.5, r.precision(0));
        assertEquals(1.0, r.recall(0));
        assertEquals(2 * 0.5 * 1.0 / 1.5, r.f1(0), 1e-12);
        // class b: predicted once, right; two images of b, one found.
        assertEquals(1.0, r.precision(1));
        assertEquals(0.5, r.recall(1));
        // class c: predicted once (image 2, wrongly); one image of c, missed.
        assertEquals(0.0, r.precision(2));
        assertEquals(0.0, r.recall(2));
        assertEquals(0.0, r.f1(2));
        assertEquals(2, r.misclassified().size());
        EvaluationReport.Misclassified m = r.misclassified(1, 2).get(0);
        assertEquals(2, m.position());
        assertEquals(3, m.probabilities().length);
        assertTrue(m.probabilities()[2] > 0.98f);
        assertEquals(3, r.misclassified(2, 0).get(0).position());
        // mean cross-entropy of the four images, by hand from the softmax outputs
        double l0 = -Math.log(Math.exp(10) / (Math.exp(10) + 1 + Math.exp(5)));
        double l2 = -Math.log(Math.exp(0) / (1 + 1 + Math.exp(5)));
        double l3 = -Math.log(Math.exp(5) / (Math.exp(10) + 1 + Math.exp(5)));
        assertEquals((l0 + l0 + l2 + l3) / 4, r.loss(), 1e-4);
    }

    @Test
    void csvAndJson() {
        EvaluationReport r = tinyCase();
        String csv = r.confusionCsv();
        assertEquals("label\\predicted,a,b,c,recall,f1", csv.lines().findFirst().orElseThrow());
        assertEquals("b,0,1,1,0.500000,0.666667", csv.lines().skip(2).findFirst().orElseThrow());
        assertEquals("precision,0.500000,1.000000,0.000000,,", csv.lines().skip(4).findFirst().orElseThrow());
        assertTrue(r.perClassCsv().contains("\n1,b,2,1.000000,0.500000,0.666667\n"), r.perClassCsv());
        EvaluationReport back = EvaluationReport.fromJsonMap(Json.parseObject(Json.write(r.toJsonMap())));
        assertArrayEquals(r.confusion(), back.confusion());
        assertEquals(r.accuracy(), back.accuracy());
        assertEquals(r.misclassified().size(), back.misclassified().size());
        assertArrayEquals(r.misclassified().get(0).probabilities(), back.misclassified().get(0).probabilities());
    }
}

package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.kernel.KernelSelector;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelSnapshot#countCorrect}: the same count as a full evaluation when mistakes are allowed, and an early stop
 * (fewer images run) once the mistakes pass the limit, so "does it reach the accuracy?" has the same answer.
 */
class CountCorrectTest {

    static final Blobs TRAIN = new Blobs(600, 12, 4, 1);
    static final Blobs TEST = new Blobs(1000, 12, 4, 2);

    /** A model that gets most but not all of {@link #TEST} right. */
    static Trainer trained() {
        Network net = new Network(Architecture.parse("12 -> dense(8) -> tanh -> dense(4) -> softmax"));
        Trainer t = new Trainer(net, TrainingConfig.builder().learningRate(0.01).batchSize(30).epochs(1).build());
        t.train(TRAIN, null, null, null);
        return t;
    }

    @Test
    void aFullCountIsTheEvaluationsAndALimitStopsEarlyWithTheSameAnswer() {
        Trainer t = trained();
        Evaluation full = t.evaluate(TEST);
        int mistakes = full.size() - full.correct();
        assertTrue(mistakes > 0 && mistakes < full.size() / 2, "a model that errs a little: " + mistakes + " mistakes");
        ModelSnapshot s = t.current();
        for (int threads : new int[] {1, 2}) {
            var kernels = KernelSelector.create(threads);
            assertEquals(full.correct(), s.countCorrect(TEST, TEST.size(), kernels), "everything counted");
            assertEquals(full.correct(), s.countCorrect(TEST, mistakes, kernels), "exactly as many mistakes as allowed: all run");
            int early = s.countCorrect(TEST, 0, kernels);
            assertTrue(TEST.size() - early > 0, "no mistake allowed: fails");
            assertTrue(early < full.correct(), "stopped after the first batch with a mistake: " + early + " of " + full.correct());
            int below = s.countCorrect(TEST, mistakes - 1, kernels);
            assertTrue(TEST.size() - below > mistakes - 1, "one mistake fewer than made: the limit is passed");
        }
    }

    @Test
    void anyOrderGivesTheSameCountAndReportsTheMistakes() {
        Trainer t = trained();
        Evaluation full = t.evaluate(TEST);
        ModelSnapshot s = t.current();
        int n = TEST.size();
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) reversed[i] = n - 1 - i;
        java.util.List<Integer> wrong = new java.util.ArrayList<>();
        var kernels = KernelSelector.create(2);
        assertEquals(full.correct(), s.countCorrect(TEST, reversed, n, kernels, wrong::add));
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        for (int i = n - 1; i >= 0; i--) if (full.predicted(i) != full.label(i)) expected.add(i);
        assertEquals(expected, wrong, "the mistakes, in the order run");
        // the mistakes first: the limit is passed within the first batch
        int[] hardFirst = new int[n];
        int k = 0;
        for (int i : expected) hardFirst[k++] = i;
        for (int i = 0; i < n; i++) if (full.predicted(i) == full.label(i)) hardFirst[k++] = i;
        wrong.clear();
        int early = s.countCorrect(TEST, hardFirst, expected.size() - 1, kernels, wrong::add);
        assertTrue(n - early > expected.size() - 1, "stopped below the limit");
        assertEquals(expected, wrong, "the mistakes ran first");
        int batchesWithMistakes = (expected.size() + 255) / 256;
        assertTrue(early + expected.size() <= 256 * batchesWithMistakes,
                "stopped after the batches holding the mistakes: " + (early + expected.size()) + " images run");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.countCorrect(TEST, new int[3], n, kernels, null));
        assertEquals("order has 3 indices for 1000 samples", e.getMessage());
    }

    @Test
    void currentIsACopyOfTheParametersNow() {
        Trainer t = trained();
        ModelSnapshot now = t.current();
        assertEquals(t.network().parameterCount(), now.parameters().length);
        assertEquals(t.evaluate(TEST).correct(), now.countCorrect(TEST, TEST.size(), t.kernels()));
    }
}

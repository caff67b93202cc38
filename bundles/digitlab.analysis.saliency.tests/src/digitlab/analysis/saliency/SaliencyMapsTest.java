package digitlab.analysis.saliency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Rng;
import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;

/** Saliency maps against their definitions: finite differences for the gradient, a planted pixel for occlusion. */
class SaliencyMapsTest {

    static final InputNormalization NORM = new InputNormalization(0.13, 0.31);

    @Test
    void gradientIsTheDerivativeOfTheGuessedLogProbability() {
        Network net = new Network(Architecture.parse("1x6x6 -> dense(8) -> tanh -> dense(3) -> softmax"));
        ModelSnapshot model = ModelSnapshot.of(net, net.initialParameters(3));
        Rng rng = new Rng(4);
        float[] pixels = new float[36];
        for (int i = 0; i < 36; i++) pixels[i] = rng.nextFloat();
        SaliencyMap map = SaliencyMaps.compute(SaliencyMaps.Method.GRADIENT, model, NORM, pixels, 6, 6, new ReferenceKernels(1));
        int c = map.predicted();
        assertEquals(model.predict(NORM.apply(pixels))[c], map.probability(), 1e-6);
        double h = 1e-2;
        for (int i = 0; i < 36; i++) {
            float saved = pixels[i];
            pixels[i] = (float) (saved + h);
            double plus = Math.log(model.predict(NORM.apply(pixels))[c]);
            pixels[i] = (float) (saved - h);
            double minus = Math.log(model.predict(NORM.apply(pixels))[c]);
            pixels[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, map.signed()[i], 2e-3 + 2e-2 * Math.abs(numeric), "pixel " + i);
        }
        float max = 0;
        for (float v : map.importance()) max = Math.max(max, v);
        assertEquals(1f, max, 1e-6);
    }

    @Test
    void occlusionFindsThePixelTheNetworkLooksAt() {
        // 11x11 image; class 1's logit is 20 * pixel (8, 8), class 0's a constant 5. Ink at (1, 1) is ignored.
        int side = 11;
        int watched = 8 * side + 8;
        int ignored = side + 1;
        Network net = new Network(Architecture.parse("1x11x11 -> dense(2) -> softmax"));
        float[] params = new float[net.parameterCount()];
        params[side * side + watched] = 20f; // weight row 1 (class 1), column of the watched pixel
        params[2 * side * side] = 5f;        // bias of class 0
        ModelSnapshot model = ModelSnapshot.of(net, params);
        float[] pixels = new float[side * side];
        pixels[watched] = 1f;
        pixels[ignored] = 1f;
        SaliencyMap map = SaliencyMaps.compute(SaliencyMaps.Method.OCCLUSION, model, InputNormalization.IDENTITY,
                pixels, side, side, new ReferenceKernels(1));
        assertEquals(1, map.predicted());
        assertEquals(1f, map.importance()[watched], 1e-6);  // every patch over it blanks the evidence
        assertEquals(0f, map.importance()[ignored], 1e-6);  // no patch over it touches (8, 8)
        assertTrue(map.signed()[watched] > 0.9f, "blanking the watched pixel must hurt the guess: " + map.signed()[watched]);
    }

    @Test
    void refusesAnImageOfTheWrongSize() {
        Network net = new Network(Architecture.parse("784 -> dense(10) -> softmax"));
        ModelSnapshot model = ModelSnapshot.of(net, net.initialParameters(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaliencyMaps.compute(
                SaliencyMaps.Method.GRADIENT, model, NORM, new float[100], 10, 10, new ReferenceKernels(1)));
        assertTrue(e.getMessage().contains("the network takes 784 inputs"), e.getMessage());
    }
}

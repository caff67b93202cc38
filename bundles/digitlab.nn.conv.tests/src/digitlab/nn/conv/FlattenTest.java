package digitlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.LayerSpec;
import digitlab.nn.Shape;
import org.junit.jupiter.api.Test;

/** Flatten: a vector of the same values, gradients passed through. */
class FlattenTest {

    @Test
    void flattensAndPassesGradientsThrough() {
        Flatten f = Flatten.create(LayerSpec.of("flatten"), new Shape(3, 5, 4));
        assertEquals(Shape.vector(60), f.outputShape());
        assertEquals(0, f.parameterCount());
        LayerGradients.check(f, 1, null, 1);
        LayerGradients.check(f, 7, null, 2);
    }

    @Test
    void refusesParameters() {
        Conv2dTest.assertMessage("flatten: takes no parameters",
                () -> Flatten.create(LayerSpec.parse("flatten(3)"), new Shape(3, 5, 4)));
    }
}

package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void textFormRoundTrips() {
        Architecture a = Architecture.parse("1x28x28 -> dense(256, init=he) -> relu -> dropout(rate=0.2) -> dense(10) -> softmax");
        assertEquals(new Shape(1, 28, 28), a.input());
        assertEquals(5, a.layers().size());
        assertEquals("256", a.layers().get(0).param("units"));
        assertEquals(a, Architecture.parse(a.toString()));
        Network n = new Network(a);
        assertEquals(784 * 256 + 256 + 256 * 10 + 10, n.parameterCount());
        assertEquals(10, n.outputSize());
    }

    @Test
    void presetsHaveTheDocumentedShapes() {
        assertEquals(784 * 28 + 28 + 28 * 28 + 28 + 28 * 10 + 10, new Network(Presets.get("original").architecture()).parameterCount());
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, new Network(Presets.get("mlp").architecture()).parameterCount());
        Presets.get("mlp").config().validate();
        Presets.get("original").config().validate();
        assertThrows(IllegalArgumentException.class, () -> Presets.get("lenet5000"));
    }

    @Test
    void absurdSizesAreRefusedBeforeAllocation() {
        Architecture huge = Architecture.mlp(new Shape(1, 28, 28), new int[] {1_000_000_000}, "relu", 0, 10, "softmax");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, huge::validate);
        assertEquals("layer 1 (dense): dense: units = 1000000000 is too large (at most 65536)", e.getMessage());

        Architecture tooMany = Architecture.mlp(new Shape(1, 28, 28), new int[] {60_000, 60_000}, "relu", 0, 10, "softmax");
        e = assertThrows(IllegalArgumentException.class, () -> new Network(tooMany));
        // 784 x 60000 fits (47.1M parameters); the next 60000 x 60000 layer does not.
        assertEquals("layer 3 (dense): dense: 60000 inputs x 60000 units = 3600060000 parameters, more than the limit of 50000000",
                e.getMessage());
    }

    @Test
    void badLayersAreNamed() {
        assertEquals("layer 2 (swish): unknown layer type 'swish'; known: [dense, dropout, identity, leakyrelu, relu, sigmoid, softmax, tanh]",
                assertThrows(IllegalArgumentException.class, () -> Architecture.parse("4 -> dense(3) -> swish").validate()).getMessage());
        assertEquals("layer 1 (dense): dense: units = 'many' is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> Architecture.parse("4 -> dense(many)").validate()).getMessage());
        assertEquals("layer 2 (dropout): dropout: rate = 1.0 must be at least 0 and below 1",
                assertThrows(IllegalArgumentException.class, () -> Architecture.parse("4 -> dense(3) -> dropout(1)").validate()).getMessage());
        assertEquals("layers: the list is empty",
                assertThrows(IllegalArgumentException.class, () -> new Architecture(Shape.vector(3), java.util.List.of()).validate()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("dense(3)"));
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("28x28"));
    }

    @Test
    void pluginLayersCanBeRegistered() {
        LayerRegistry registry = new LayerRegistry();
        registry.register("double", (spec, input) -> new Layer() {
            @Override public String type() { return "double"; }
            @Override public LayerSpec spec() { return spec; }
            @Override public Shape inputShape() { return input; }
            @Override public Shape outputShape() { return input; }
            @Override public void forward(Pass p, float[] params, int off, float[] x, float[] y, float[] s) {
                for (int i = 0; i < p.batch() * input.size(); i++) y[i] = 2 * x[i];
            }
            @Override public void backward(Pass p, float[] params, int off, float[] x, float[] y, float[] dy, float[] dx,
                                           float[] g, float[] s) {
                if (dx != null) for (int i = 0; i < p.batch() * input.size(); i++) dx[i] = 2 * dy[i];
            }
        });
        Network n = new Network(Architecture.parse("3 -> double -> dense(2) -> softmax"), registry);
        assertEquals(8, n.parameterCount());
        assertThrows(IllegalArgumentException.class, () -> new Network(Architecture.parse("3 -> double -> dense(2)")));
    }
}

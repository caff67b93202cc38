package digitlab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import digitlab.nn.io.ModelFormatException;
import digitlab.nn.onnx.internal.proto.OnnxProto.AttributeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.GraphProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.ModelProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.NodeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorProto;
import digitlab.testing.Bounded;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Files that lie about tensor sizes, and graphs the lab cannot run: each is refused with one line naming the
 * file and the node and operator, or the tensor, and allocates nothing near what the lie states.
 *
 * <p>The base model (see {@link OnnxImportFuzzTest#validModel}): n0 Sub, n1 Mul (normalisation), n2 Conv,
 * n3 Relu, n4 MaxPool, n5 Flatten, n6 Gemm, n7 Tanh, n8 Dropout, n9 Gemm, n10 Softmax.
 */
class OnnxImportErrorsTest {

    static final Path FILE = Path.of("lie.onnx");

    static String refusal(UnaryOperator<ModelProto.Builder> change) throws Exception {
        ModelProto.Builder m = ModelProto.parseFrom(OnnxImportFuzzTest.validModel()).toBuilder();
        byte[] bytes = change.apply(m).build().toByteArray();
        OnnxImport.read(OnnxImportFuzzTest.validModel(), FILE); // warm-up: classes loaded outside the measurement
        Bounded.Outcome o = Bounded.measure(() -> OnnxImport.read(bytes, FILE));
        assertTrue(o.error() instanceof ModelFormatException, "expected a refusal, got " + o.error() + " / " + o.value());
        assertTrue(o.allocatedBytes() < (16L << 20), "allocated " + o.allocatedBytes() + " bytes");
        String msg = o.error().getMessage();
        assertTrue(msg.startsWith("lie.onnx: ") && !msg.contains("\n"), msg);
        return msg.substring("lie.onnx: ".length());
    }

    static GraphProto.Builder g(ModelProto.Builder m) {
        return m.getGraphBuilder();
    }

    static TensorProto.Builder initializer(ModelProto.Builder m, String name) {
        for (TensorProto.Builder t : g(m).getInitializerBuilderList()) if (t.getName().equals(name)) return t;
        throw new AssertionError("no initializer " + name);
    }

    @Test
    void tensorsLyingAboutTheirSize() throws Exception {
        // dense weights [4, 18] with only 8 bytes of data
        assertEquals("node 'n6' (Gemm): tensor 'n6_weight': dimensions [4, 18] state 72 values (288 bytes) but its data has 8 bytes",
                refusal(m -> {
                    TensorProto.Builder t = initializer(m, "n6_weight");
                    t.setRawData(t.getRawData().substring(0, 8));
                    return m;
                }));
        // a scalar claiming 3037000500 x 3037000500 values (the product overflows a long)
        assertEquals("tensor 'n0_mean': dimensions [3037000500, 3037000500] state more than 50000000 values",
                refusal(m -> {
                    initializer(m, "n0_mean").addDims(3037000500L).addDims(3037000500L);
                    return m;
                }));
        // convolution weights stating 1,000,000 filters with the data of 2
        String msg = refusal(m -> {
            initializer(m, "n2_weight").setDims(0, 1_000_000);
            return m;
        });
        assertEquals("node 'n2' (Conv): tensor 'n2_weight': dimensions [1000000, 1, 3, 3] state 9000000 values"
                + " (36000000 bytes) but its data has 72 bytes", msg);
        // typed values fewer than the dimensions state
        assertEquals("node 'n9' (Gemm): tensor 'n9_bias': dimensions [3] state 3 values but it holds 1",
                refusal(m -> {
                    initializer(m, "n9_bias").clearRawData().addFloatData(1f);
                    return m;
                }));
        assertEquals("node 'n9' (Gemm): tensor 'n9_weight' keeps its data in an external file, which is not supported"
                + " (save the model with its weights inside)", refusal(m -> {
                    initializer(m, "n9_weight").setDataLocation(TensorProto.DataLocation.EXTERNAL);
                    return m;
                }));
        assertEquals("node 'n9' (Gemm): tensor 'n9_weight' has element type FLOAT16; weights must be FLOAT",
                refusal(m -> {
                    initializer(m, "n9_weight").setDataType(TensorProto.DataType.FLOAT16_VALUE);
                    return m;
                }));
        assertEquals("node 'n6' (Gemm): tensor 'n6_bias': value 2 is NaN", refusal(m -> {
            TensorProto.Builder t = initializer(m, "n6_bias");
            byte[] b = t.getRawData().toByteArray();
            b[8] = 0;
            b[9] = 0;
            b[10] = (byte) 0xc0;
            b[11] = 0x7f;
            t.setRawData(ByteString.copyFrom(b));
            return m;
        }));
    }

    @Test
    void unsupportedOperatorsAndAttributesAreNamed() throws Exception {
        assertTrue(refusal(m -> {
            g(m).getNodeBuilder(3).setOpType("BatchNormalization");
            return m;
        }).startsWith("node 'n3' (BatchNormalization): operator not supported; supported: [Gemm, MatMul (+ Add), Relu"));
        assertEquals("node 'n2' (Conv): attribute 'foo' is not supported", refusal(m -> {
            g(m).getNodeBuilder(2).addAttribute(AttributeProto.newBuilder().setName("foo")
                    .setType(AttributeProto.AttributeType.INT).setI(1));
            return m;
        }));
        assertEquals("node 'n2' (Conv): grouped convolution (group = 2) is not supported", refusal(m -> {
            g(m).getNodeBuilder(2).addAttribute(AttributeProto.newBuilder().setName("group")
                    .setType(AttributeProto.AttributeType.INT).setI(2));
            return m;
        }));
        assertEquals("node 'n2' (Conv): pads [0, 0, 1, 1] are neither valid (none) nor same [1, 1, 1, 1] padding"
                + " for a 3x3 kernel with stride 1", refusal(m -> {
                    NodeProto.Builder conv = g(m).getNodeBuilder(2);
                    for (AttributeProto.Builder a : conv.getAttributeBuilderList()) {
                        if (a.getName().equals("pads")) a.clearInts().addInts(0).addInts(0).addInts(1).addInts(1);
                    }
                    return m;
                }));
        assertEquals("node 'n4' (MaxPool): ceil_mode = 1 is not supported", refusal(m -> {
            g(m).getNodeBuilder(4).addAttribute(AttributeProto.newBuilder().setName("ceil_mode")
                    .setType(AttributeProto.AttributeType.INT).setI(1));
            return m;
        }));
        assertEquals("node 'n3' (Relu): operator of domain 'com.example' is not supported; supported: "
                + "[Gemm, MatMul (+ Add), Relu, Sigmoid, Tanh, LeakyRelu, Identity, Softmax, Dropout, Conv, MaxPool, Flatten,"
                + " Reshape (to [N, n])] of the default domain", refusal(m -> {
                    g(m).getNodeBuilder(3).setDomain("com.example");
                    return m;
                }));
    }

    @Test
    void graphsThatAreNotChainsOrNotClassifiersAreRefused() throws Exception {
        assertEquals("node 'n7' (Tanh): reads 'input' instead of the previous layer's output 'n6_out';"
                + " only chains of layers can be imported", refusal(m -> {
                    g(m).getNodeBuilder(7).setInput(0, "input");
                    return m;
                }));
        assertEquals("opset 99 is not supported (7 to 27)", refusal(m -> {
            m.getOpsetImportBuilder(0).setVersion(99);
            return m;
        }));
        assertEquals("input 'input' has element type DOUBLE; expected FLOAT", refusal(m -> {
            g(m).getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().setElemType(TensorProto.DataType.DOUBLE_VALUE);
            return m;
        }));
        assertEquals("the graph has 2 outputs; a classifier has one", refusal(m -> {
            g(m).addOutput(g(m).getOutput(0));
            return m;
        }));
        assertEquals("not an ONNX model: it has no graph", refusal(ModelProto.Builder::clearGraph));
        assertEquals("node 'n2' (Conv): the weights [2, 3, 3, 3] expect 3 input channels, the input has 1", refusal(m -> {
            initializer(m, "n2_weight").setDims(1, 3);
            return m;
        }));
    }

    @Test
    void anyOtherFileIsRefusedAsNotOnnx() {
        String msg = assertThrows(ModelFormatException.class,
                () -> OnnxImport.read("{\"weights\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8), FILE)).getMessage();
        assertEquals("lie.onnx: not an ONNX model, or a truncated or damaged one (the protobuf data is invalid)", msg);
        assertTrue(OnnxImport.looksLikeOnnx(new byte[] {0x08, 0x0a}));
        assertTrue(!OnnxImport.looksLikeOnnx("{".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(!OnnxImport.looksLikeOnnx("DLMODEL\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

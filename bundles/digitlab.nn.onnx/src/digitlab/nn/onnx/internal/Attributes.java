package digitlab.nn.onnx.internal;

import digitlab.nn.onnx.internal.proto.OnnxProto.AttributeProto;
import digitlab.nn.onnx.internal.proto.OnnxProto.NodeProto;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A node's attributes, read with their expected type; every problem names the node and the attribute. An
 * attribute the importer does not know is refused (it might change what the node computes).
 */
final class Attributes {

    private final String where;
    private final Map<String, AttributeProto> byName = new HashMap<>();

    Attributes(NodeProto node, String where, Set<String> known) {
        this.where = where;
        for (AttributeProto a : node.getAttributeList()) {
            if (!known.contains(a.getName())) {
                throw new IllegalArgumentException(where + ": attribute '" + a.getName() + "' is not supported");
            }
            if (byName.put(a.getName(), a) != null) {
                throw new IllegalArgumentException(where + ": attribute '" + a.getName() + "' is given twice");
            }
        }
    }

    /** Whether the attribute is present. */
    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** An INT attribute, or {@code fallback}. */
    long integer(String name, long fallback) {
        AttributeProto a = byName.get(name);
        if (a == null) return fallback;
        if (a.getType() != AttributeProto.AttributeType.INT) throw wrongType(name, "an integer");
        return a.getI();
    }

    /** A FLOAT attribute, or {@code fallback}. */
    float real(String name, float fallback) {
        AttributeProto a = byName.get(name);
        if (a == null) return fallback;
        if (a.getType() != AttributeProto.AttributeType.FLOAT) throw wrongType(name, "a number");
        if (!Float.isFinite(a.getF())) throw new IllegalArgumentException(where + ": attribute '" + name + "' is " + a.getF());
        return a.getF();
    }

    /** A STRING attribute, or {@code fallback}. */
    String string(String name, String fallback) {
        AttributeProto a = byName.get(name);
        if (a == null) return fallback;
        if (a.getType() != AttributeProto.AttributeType.STRING) throw wrongType(name, "a string");
        return a.getS().toStringUtf8();
    }

    /** An INTS attribute of exactly {@code length} values, or {@code fallback} (may be null) when absent. */
    long[] ints(String name, int length, long[] fallback) {
        AttributeProto a = byName.get(name);
        if (a == null) return fallback;
        if (a.getType() != AttributeProto.AttributeType.INTS) throw wrongType(name, "a list of integers");
        if (a.getIntsCount() != length) {
            throw new IllegalArgumentException(where + ": attribute '" + name + "' has " + a.getIntsCount()
                    + " values, expected " + length + " (2-D operations only)");
        }
        long[] v = new long[length];
        for (int i = 0; i < length; i++) v[i] = a.getInts(i);
        return v;
    }

    private IllegalArgumentException wrongType(String name, String expected) {
        return new IllegalArgumentException(where + ": attribute '" + name + "' should be " + expected);
    }
}

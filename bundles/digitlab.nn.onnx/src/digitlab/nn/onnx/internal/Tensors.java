package digitlab.nn.onnx.internal;

import com.google.protobuf.ByteString;
import digitlab.nn.onnx.internal.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ONNX tensors to and from Java arrays. Writing stores values as little-endian {@code raw_data} (the compact
 * form every runtime reads). Reading accepts {@code raw_data} or the typed repeated fields, and checks the
 * stated dimensions against the data actually present <em>before</em> allocating anything, so a file that lies
 * about a tensor's size is refused with a message instead of an absurd allocation.
 */
public final class Tensors {

    /** Upper limit on the values of one tensor read from a file (the lab's parameter limit). */
    public static final long MAX_VALUES = digitlab.nn.Architecture.MAX_PARAMETERS;

    private Tensors() {
    }

    /** A FLOAT tensor named {@code name} of shape {@code dims} holding {@code values}. */
    public static TensorProto floats(String name, long[] dims, float[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(boxed(dims)).setRawData(ByteString.copyFrom(b.array())).build();
    }

    /** An INT64 tensor named {@code name} of shape {@code dims} holding {@code values}. */
    public static TensorProto int64s(String name, long[] dims, long[] values) {
        checkCount(name, dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addAllDims(boxed(dims)).setRawData(ByteString.copyFrom(b.array())).build();
    }

    /**
     * The number of values that {@code t}'s dimensions state.
     *
     * @throws IllegalArgumentException for a negative dimension or more than {@link #MAX_VALUES} values
     */
    public static long count(TensorProto t) {
        long n = 1;
        for (int i = 0; i < t.getDimsCount(); i++) {
            long d = t.getDims(i);
            if (d < 0) throw new IllegalArgumentException("tensor '" + t.getName() + "': dimension " + i + " is " + d);
            if (d != 0 && n > MAX_VALUES / d) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "': dimensions " + t.getDimsList()
                        + " state more than " + MAX_VALUES + " values");
            }
            n *= d;
        }
        return n;
    }

    /**
     * The values of a FLOAT (or DOUBLE) tensor.
     *
     * @throws IllegalArgumentException naming the tensor when it has another type, external data, data of a
     *                                  size other than its dimensions state, or values that are not finite
     */
    public static float[] readFloats(TensorProto t) {
        checkLocal(t);
        long n = count(t);
        float[] out;
        if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
            if (t.hasRawData()) {
                checkBytes(t, n, 4);
                out = new float[(int) n];
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            } else {
                checkValues(t, n, t.getFloatDataCount());
                out = new float[(int) n];
                for (int i = 0; i < n; i++) out[i] = t.getFloatData(i);
            }
        } else if (t.getDataType() == TensorProto.DataType.DOUBLE_VALUE) {
            double[] d;
            if (t.hasRawData()) {
                checkBytes(t, n, 8);
                d = new double[(int) n];
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
            } else {
                checkValues(t, n, t.getDoubleDataCount());
                d = new double[(int) n];
                for (int i = 0; i < n; i++) d[i] = t.getDoubleData(i);
            }
            out = new float[(int) n];
            for (int i = 0; i < n; i++) out[i] = (float) d[i];
        } else {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has element type "
                    + typeName(t.getDataType()) + "; weights must be FLOAT");
        }
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) throw new IllegalArgumentException("tensor '" + t.getName() + "': value " + i + " is " + out[i]);
        }
        return out;
    }

    /**
     * The values of an INT64 (or INT32) tensor, such as a Reshape's target shape.
     *
     * @throws IllegalArgumentException as {@link #readFloats}
     */
    public static long[] readLongs(TensorProto t) {
        checkLocal(t);
        long n = count(t);
        if (n > 1024) throw new IllegalArgumentException("tensor '" + t.getName() + "': " + n + " integers; expected a short list");
        long[] out = new long[(int) n];
        if (t.getDataType() == TensorProto.DataType.INT64_VALUE) {
            if (t.hasRawData()) {
                checkBytes(t, n, 8);
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            } else {
                checkValues(t, n, t.getInt64DataCount());
                for (int i = 0; i < n; i++) out[i] = t.getInt64Data(i);
            }
        } else if (t.getDataType() == TensorProto.DataType.INT32_VALUE) {
            if (t.hasRawData()) {
                checkBytes(t, n, 4);
                java.nio.IntBuffer ints = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                for (int i = 0; i < n; i++) out[i] = ints.get(i);
            } else {
                checkValues(t, n, t.getInt32DataCount());
                for (int i = 0; i < n; i++) out[i] = t.getInt32Data(i);
            }
        } else {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' has element type "
                    + typeName(t.getDataType()) + "; expected INT64");
        }
        return out;
    }

    /** The ONNX name of an element type number, e.g. {@code FLOAT16} for 10. */
    public static String typeName(int dataType) {
        TensorProto.DataType d = TensorProto.DataType.forNumber(dataType);
        return d == null ? "number " + dataType : d.name();
    }

    private static void checkLocal(TensorProto t) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new IllegalArgumentException("tensor '" + t.getName()
                    + "' keeps its data in an external file, which is not supported (save the model with its weights inside)");
        }
        if (t.hasSegment()) throw new IllegalArgumentException("tensor '" + t.getName() + "' is segmented, which is not supported");
    }

    private static void checkBytes(TensorProto t, long n, int width) {
        if (t.getRawData().size() != n * width) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "': dimensions " + t.getDimsList() + " state "
                    + n + " values (" + n * width + " bytes) but its data has " + t.getRawData().size() + " bytes");
        }
    }

    private static void checkValues(TensorProto t, long n, int present) {
        if (present != n) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "': dimensions " + t.getDimsList() + " state "
                    + n + " values but it holds " + present);
        }
    }

    private static void checkCount(String name, long[] dims, int values) {
        long n = 1;
        for (long d : dims) n *= d;
        if (n != values) throw new IllegalArgumentException("tensor " + name + ": dimensions give " + n + " values, not " + values);
    }

    private static java.util.List<Long> boxed(long[] dims) {
        java.util.List<Long> l = new java.util.ArrayList<>(dims.length);
        for (long d : dims) l.add(d);
        return l;
    }
}

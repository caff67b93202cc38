package digitlab.nn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs ONNX bytes in ONNX Runtime (the real runtime, from Maven Central) on batches of pixels. */
final class Runtime implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    Runtime(byte[] onnx) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            session = env.createSession(onnx, options);
        }
    }

    /**
     * The outputs for {@code n} samples of {@code shape} (without the batch dimension) taken from
     * {@code x[from * size ..]}, as {@code [n x outputs]}.
     */
    float[] run(float[] x, int from, int n, long[] shape) throws OrtException {
        long size = 1;
        for (long d : shape) size *= d;
        long[] dims = new long[shape.length + 1];
        dims[0] = n;
        System.arraycopy(shape, 0, dims, 1, shape.length);
        FloatBuffer in = FloatBuffer.wrap(x, (int) (from * size), (int) (n * size)).slice();
        String inputName = session.getInputNames().iterator().next();
        try (OnnxTensor t = OnnxTensor.createTensor(env, in, dims); OrtSession.Result r = session.run(Map.of(inputName, t))) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            FloatBuffer fb = out.getFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            return values;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}

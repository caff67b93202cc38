package digitlab.nn.onnx;

import java.io.IOException;

/**
 * A model cannot be written as ONNX: one of its layers has no ONNX mapping or settings ONNX cannot express.
 * The message names the layer, e.g. {@code "layer 3 (scaleshift): no ONNX mapping for this layer type; ..."}.
 */
public class OnnxExportException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An export problem described by {@code message}. */
    public OnnxExportException(String message) {
        super(message);
    }
}

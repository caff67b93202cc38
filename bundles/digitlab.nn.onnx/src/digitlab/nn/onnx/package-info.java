/**
 * ONNX export and import of Digit Lab models.
 *
 * <p>{@link digitlab.nn.onnx.OnnxExport} writes a model as an ONNX file (opset
 * {@value digitlab.nn.onnx.OnnxExport#OPSET}) that ONNX Runtime, PyTorch tools and others run;
 * {@link digitlab.nn.onnx.OnnxImport} reads ONNX models built from the lab's operator set (for example
 * a PyTorch MLP or LeNet exported with {@code torch.onnx.export}). Layer types map to ONNX nodes through
 * {@link digitlab.nn.onnx.OnnxMappings}; a plugin's layer type offers its own mapping there (through the
 * {@code onnx} attribute of its {@code digitlab.nn.layers} contribution).
 *
 * <p>The protobuf encoding is protobuf-java's, with message classes generated from the ONNX schema at build
 * time ({@code digitlab.nn.onnx.internal.proto}); no protobuf type appears in this package's API.
 */
package digitlab.nn.onnx;

package digitlab.train;

import digitlab.nn.Model;
import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.io.ModelFormat;
import digitlab.nn.io.ModelFormatException;
import digitlab.nn.io.PythonNetworkImport;
import digitlab.nn.onnx.OnnxImport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Every model file the lab reads, recognised by its content (never by its name): a Digit Lab model
 * ({@code .dlm}, magic {@code DLMODEL}), the original Python project's network ({@code {"weights": [...],
 * "biases": [...]}}, a JSON object) or an ONNX model (a protobuf {@code ModelProto}). Every place that takes
 * a model — {@code --model} of the headless commands, File &gt; Open Model..., the canvas's model chooser, the
 * remembered current model — loads through {@link #load}.
 */
public final class ModelFiles {

    /** What a file holds, judged from its first bytes. */
    public enum Kind {
        /** A Digit Lab model file (or a checkpoint, which the model loader names as such). */
        DIGIT_LAB,
        /** The original Python project's JSON network. */
        PYTHON_JSON,
        /** An ONNX model. */
        ONNX,
        /** None of these. */
        UNKNOWN
    }

    private static final int HEAD = 16;

    private ModelFiles() {
    }

    /**
     * Loads the model in {@code file}, whatever its format.
     *
     * @throws ModelFormatException naming the file: not a model of any kind the lab reads, or the problem the
     *                              format's reader found
     * @throws IOException          when the file is missing, a folder, or cannot be read
     */
    public static Model load(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new ModelFormatException(file, "is a folder, not a model file");
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        byte[] head = head(file);
        if (head.length == 0) throw new ModelFormatException(file, "the file is empty");
        return switch (kind(head)) {
            case DIGIT_LAB -> ModelFormat.load(file);
            case PYTHON_JSON -> PythonNetworkImport.load(file);
            case ONNX -> OnnxImport.load(file);
            case UNKNOWN -> throw new ModelFormatException(file, "not a model file: neither a Digit Lab model (.dlm),"
                    + " the original project's JSON network ({\"weights\": [...], \"biases\": [...]}) nor an ONNX model"
                    + " (it starts with " + hex(head) + ")");
        };
    }

    /** What a file starting with {@code head} holds. */
    public static Kind kind(byte[] head) {
        if (startsWith(head, ModelFormat.MAGIC) || startsWith(head, CheckpointFormat.MAGIC)) return Kind.DIGIT_LAB;
        int i = 0;
        // a UTF-8 byte order mark, then white space, then '{'
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) i = 3;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) i++;
        if (i < head.length && head[i] == '{') return Kind.PYTHON_JSON;
        if (i == head.length && i > 0) return Kind.PYTHON_JSON; // white space only: let the JSON reader say so
        return OnnxImport.looksLikeOnnx(head) ? Kind.ONNX : Kind.UNKNOWN;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static String hex(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) sb.append(i == 0 ? "" : " ").append(String.format("%02x", head[i] & 0xff));
        return "bytes " + sb;
    }
}

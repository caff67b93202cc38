package digitlab.train.mydrawings;

import digitlab.train.internal.AtomicFiles;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file of My drawings: one JSON object, written atomically (temporary file + rename).
 *
 * <pre>
 * {"format": "digitlab-mydrawings", "version": 1, "drawings": [
 *   {"id": "20261203-104512-3f9a", "label": 4, "created": "2026-12-03T10:45:12Z", "heldOut": false,
 *    "image": "&lt;784 bytes, base64&gt;", "strokes": [{"width": 0.075, "xy": [0.31, 0.2, 0.32, 0.25, ...]}]}]}
 * </pre>
 *
 * Reading checks everything (syntax, format, each field, unique ids) and fails with one message naming
 * the file, the drawing and the problem; it never returns part of a damaged file.
 */
final class MyDrawingsFile {

    static final String FORMAT = "digitlab-mydrawings";
    static final int VERSION = 1;

    private MyDrawingsFile() {
    }

    /**
     * The drawings in {@code file}; none when the file does not exist.
     *
     * @throws IOException naming the file and the problem when it cannot be read or is damaged
     */
    static List<MyDrawing> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            throw damaged(file, "not UTF-8 text");
        } catch (IllegalArgumentException | ClassCastException | DateTimeParseException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static IOException damaged(Path file, String problem) {
        return new IOException(file + ": My drawings file is damaged (" + problem + "); it is left as it is:"
                + " move it away to start a new My drawings");
    }

    private static List<MyDrawing> parse(String text) {
        Map<String, Object> root = Json.parseObject(text);
        if (!FORMAT.equals(Json.string(root, "format", null))) {
            throw new IllegalArgumentException("format is not '" + FORMAT + "'");
        }
        double version = Json.number(root, "version", -1);
        if (version != VERSION) throw new IllegalArgumentException("version " + version + " is not " + VERSION);
        List<Object> items = Json.list(root, "drawings");
        if (items == null) throw new IllegalArgumentException("no 'drawings' list");
        List<MyDrawing> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?>)) throw new IllegalArgumentException("drawing " + (i + 1) + " is not an object");
            try {
                MyDrawing d = drawing(asObject(items.get(i)));
                if (!ids.add(d.id())) throw new IllegalArgumentException("id '" + d.id() + "' is used twice");
                out.add(d);
            } catch (IllegalArgumentException | NullPointerException | ClassCastException | DateTimeParseException e) {
                throw new IllegalArgumentException("drawing " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object o) {
        return (Map<String, Object>) o;
    }

    private static MyDrawing drawing(Map<String, Object> m) {
        String id = Json.string(m, "id", null);
        if (id == null) throw new IllegalArgumentException("no id");
        double label = Json.number(m, "label", Double.NaN);
        if (label != Math.rint(label)) throw new IllegalArgumentException("label " + label + " is not a whole number");
        Instant created = Instant.parse(Json.string(m, "created", ""));
        byte[] image;
        try {
            image = Base64.getDecoder().decode(Json.string(m, "image", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image is not base64");
        }
        List<PenStroke> strokes = new ArrayList<>();
        List<Object> list = Json.list(m, "strokes");
        if (list != null) {
            for (Object s : list) {
                Map<String, Object> sm = asObject(s);
                List<Object> xy = Json.list(sm, "xy");
                if (xy == null) throw new IllegalArgumentException("a stroke has no points");
                float[] pts = new float[xy.size()];
                for (int k = 0; k < pts.length; k++) pts[k] = ((Double) xy.get(k)).floatValue();
                strokes.add(new PenStroke(pts, (float) Json.number(sm, "width", Double.NaN)));
            }
        }
        return new MyDrawing(id, (int) label, created, Json.bool(m, "heldOut", false), image, strokes);
    }

    /** Writes {@code drawings} to {@code file} atomically; on failure the old file is unchanged. */
    static void write(Path file, List<MyDrawing> drawings) throws IOException {
        List<Object> items = new ArrayList<>();
        for (MyDrawing d : drawings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("label", d.label());
            m.put("created", d.created().toString());
            m.put("heldOut", d.heldOut());
            m.put("image", Base64.getEncoder().encodeToString(d.image()));
            List<Object> strokes = new ArrayList<>();
            for (PenStroke s : d.strokes()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("width", s.width());
                sm.put("xy", s.xy());
                strokes.add(sm);
            }
            m.put("strokes", strokes);
            items.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("drawings", items);
        AtomicFiles.writeString(file, Json.write(root) + "\n");
    }
}

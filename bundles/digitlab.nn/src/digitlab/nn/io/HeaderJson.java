package digitlab.nn.io;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.LayerSpec;
import digitlab.nn.Shape;
import digitlab.nn.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between the lab's descriptions and the JSON headers of model and checkpoint files,
 * with errors naming the field. 64-bit integers (seeds, generator states) are written as strings,
 * because JSON numbers are doubles and would round them.
 */
final class HeaderJson {

    private final Path file;

    HeaderJson(Path file) {
        this.file = file;
    }

    // ---- writing

    static Map<String, Object> architecture(Architecture a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", a.input().toString());
        List<Object> layers = new ArrayList<>();
        for (LayerSpec s : a.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("type", s.type());
            l.put("params", new LinkedHashMap<>(s.params()));
            layers.add(l);
        }
        m.put("layers", layers);
        m.put("text", a.toString());
        return m;
    }

    static Map<String, Object> config(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", c.loss());
        m.put("optimizer", c.optimizer());
        m.put("learningRate", c.learningRate());
        m.put("batchSize", c.batchSize());
        m.put("epochs", c.epochs());
        m.put("schedule", c.schedule());
        m.put("weightDecay", c.weightDecay());
        m.put("momentum", c.momentum());
        m.put("nesterov", c.nesterov());
        m.put("beta1", c.beta1());
        m.put("beta2", c.beta2());
        m.put("epsilon", c.epsilon());
        m.put("seed", Long.toString(c.seed()));
        m.put("threads", c.threads());
        m.put("snapshotInterval", c.snapshotInterval());
        return m;
    }

    static Map<String, Object> normalization(InputNormalization n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", n.mean());
        m.put("std", n.std());
        return m;
    }

    // ---- reading

    Architecture architecture(Object value, String where) throws ModelFormatException {
        Map<String, Object> m = object(value, where);
        Shape input;
        try {
            input = Shape.parse(string(m, "input", where));
        } catch (IllegalArgumentException e) {
            throw fail(where + ".input: " + e.getMessage());
        }
        List<Object> list = list(m.get("layers"), where + ".layers");
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = where + ".layers[" + i + "]";
            Map<String, Object> l = object(list.get(i), at);
            Map<String, Object> params = object(l.get("params"), at + ".params");
            Map<String, String> p = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : params.entrySet()) {
                if (!(e.getValue() instanceof String s)) throw fail(at + ".params." + e.getKey() + ": expected a string");
                p.put(e.getKey(), s);
            }
            try {
                specs.add(new LayerSpec(string(l, "type", at), p));
            } catch (IllegalArgumentException e) {
                throw fail(at + ": " + e.getMessage());
            }
        }
        Architecture a = new Architecture(input, specs);
        try {
            a.validate();
        } catch (IllegalArgumentException e) {
            throw fail("the architecture is invalid: " + e.getMessage());
        }
        return a;
    }

    /**
     * Reads a training configuration; with {@code validate} its values are checked too (checkpoints,
     * which are trained further). A model's configuration is only a record of how it was made: it
     * may name an optimizer of a plugin that is not installed, and the model must still load.
     */
    TrainingConfig config(Object value, String where, boolean validate) throws ModelFormatException {
        Map<String, Object> m = object(value, where);
        try {
            TrainingConfig c = TrainingConfig.builder().loss(string(m, "loss", where)).optimizer(string(m, "optimizer", where))
                    .learningRate(number(m, "learningRate", where)).batchSize(integer(m, "batchSize", where))
                    .epochs(integer(m, "epochs", where)).schedule(string(m, "schedule", where))
                    .weightDecay(number(m, "weightDecay", where)).momentum(number(m, "momentum", where))
                    .nesterov(bool(m, "nesterov", where)).beta1(number(m, "beta1", where)).beta2(number(m, "beta2", where))
                    .epsilon(number(m, "epsilon", where)).seed(longString(m, "seed", where))
                    .threads(integer(m, "threads", where)).snapshotInterval(integer(m, "snapshotInterval", where)).build();
            return validate ? c.validate() : c;
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
    }

    InputNormalization normalization(Object value, String where) throws ModelFormatException {
        Map<String, Object> m = object(value, where);
        try {
            return new InputNormalization(number(m, "mean", where), number(m, "std", where));
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
    }

    Map<String, Object> object(Object v, String where) throws ModelFormatException {
        if (!(v instanceof Map<?, ?> m)) throw fail(where + ": expected an object, found " + describe(v));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
    }

    List<Object> list(Object v, String where) throws ModelFormatException {
        if (!(v instanceof List<?> l)) throw fail(where + ": expected a list, found " + describe(v));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) l;
        return list;
    }

    String string(Map<String, Object> m, String key, String where) throws ModelFormatException {
        if (!(m.get(key) instanceof String s)) throw fail(where + "." + key + ": expected a string, found " + describe(m.get(key)));
        return s;
    }

    double number(Map<String, Object> m, String key, String where) throws ModelFormatException {
        Object v = m.get(key);
        if (v == null && m.containsKey(key)) return Double.NaN; // non-finite numbers are written as null
        if (!(v instanceof Double d)) throw fail(where + "." + key + ": expected a number, found " + describe(v));
        return d;
    }

    int integer(Map<String, Object> m, String key, String where) throws ModelFormatException {
        double d = number(m, key, where);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw fail(where + "." + key + ": " + d + " is not a whole number");
        return (int) d;
    }

    long longString(Map<String, Object> m, String key, String where) throws ModelFormatException {
        String s = string(m, key, where);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw fail(where + "." + key + ": '" + s + "' is not a 64-bit integer");
        }
    }

    boolean bool(Map<String, Object> m, String key, String where) throws ModelFormatException {
        if (!(m.get(key) instanceof Boolean b)) throw fail(where + "." + key + ": expected true or false, found " + describe(m.get(key)));
        return b;
    }

    ModelFormatException fail(String problem) {
        return new ModelFormatException(file, problem);
    }

    static String describe(Object v) {
        if (v == null) return "nothing";
        if (v instanceof Map) return "an object";
        if (v instanceof List) return "a list";
        if (v instanceof String s) return "the string \"" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"";
        if (v instanceof Boolean) return "a boolean";
        return "the number " + v;
    }
}

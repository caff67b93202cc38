package digitlab.train.sweep;

import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.train.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link SweepRecord} <-> the JSON object of its {@code sweep.json}:
 * <pre>
 * { "id", "name", "created", "updated", "status", "message", "seconds",
 *   "spec": { "name", "base": {run.json's request}, "axes": [ {"setting": "learningRate", "values": [0.001, 0.01]},
 *             {"setting": "weightDecay", "range": [1e-5, 0.01]} ], "samples", "samplingSeed" (text), "metric",
 *             "parallel", "earlyStopping": null | {"firstRung", "reduction"}, "maxPoints" },
 *   "rule": the early-stopping rule in words (for people reading the file),
 *   "points": [ { "index", "settings": {"learningRate": 0.001, ...}, "run", "state", "message", "epochsCompleted",
 *                 "seconds", "validationAccuracy", "validationLoss", "testAccuracy", "bestValidationAccuracy",
 *                 "rungs": {"1": 0.9312} } ] }
 * </pre>
 * Keys of settings are {@link TrainingSetting#key()}s; NaN is written as null.
 */
final class SweepFile {

    private SweepFile() {
    }

    static Map<String, Object> toMap(SweepRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("created", r.created().toString());
        m.put("updated", r.updated().toString());
        m.put("status", r.status().name());
        m.put("message", r.message());
        m.put("seconds", r.seconds());
        m.put("spec", spec(r.spec()));
        m.put("rule", r.rule());
        List<Object> points = new ArrayList<>();
        for (SweepPoint p : r.points()) points.add(point(p));
        m.put("points", points);
        return m;
    }

    /** @throws IllegalArgumentException (or another RuntimeException) naming what is wrong */
    static SweepRecord fromMap(Map<String, Object> m) {
        SweepSpec spec = spec(Json.object(m, "spec"));
        List<SweepPoint> points = new ArrayList<>();
        for (Object o : Json.list(m, "points")) points.add(point(cast(o)));
        return new SweepRecord(Json.string(m, "id", ""), Json.string(m, "name", ""),
                Instant.parse(Json.string(m, "created", "1970-01-01T00:00:00Z")),
                Instant.parse(Json.string(m, "updated", "1970-01-01T00:00:00Z")),
                SweepStatus.valueOf(Json.string(m, "status", "NEW")), Json.string(m, "message", ""), spec, points,
                Json.number(m, "seconds", 0));
    }

    private static Map<String, Object> spec(SweepSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("base", s.base().toJsonMap());
        List<Object> axes = new ArrayList<>();
        for (SweepAxis a : s.axes()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("setting", a.setting().key());
            if (a.isRange()) {
                am.put("range", List.of(a.range().low(), a.range().high()));
            } else {
                List<Object> values = new ArrayList<>();
                for (Object v : a.values()) values.add(SettingValues.toJson(a.setting(), v));
                am.put("values", values);
            }
            axes.add(am);
        }
        m.put("axes", axes);
        m.put("samples", s.samples());
        m.put("samplingSeed", Long.toString(s.samplingSeed()));
        m.put("metric", s.metric().id());
        m.put("parallel", s.parallel());
        if (s.earlyStopping() == null) {
            m.put("earlyStopping", null);
        } else {
            m.put("earlyStopping", new LinkedHashMap<>(Map.of("firstRung", s.earlyStopping().firstRung(),
                    "reduction", s.earlyStopping().reduction())));
        }
        m.put("maxPoints", s.maxPoints());
        return m;
    }

    private static SweepSpec spec(Map<String, Object> m) {
        List<SweepAxis> axes = new ArrayList<>();
        for (Object o : Json.list(m, "axes")) {
            Map<String, Object> am = cast(o);
            TrainingSetting s = setting(Json.string(am, "setting", ""));
            if (am.get("range") != null) {
                List<Object> r = Json.list(am, "range");
                axes.add(SweepAxis.range(s, ((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue()));
            } else {
                List<Object> values = new ArrayList<>();
                for (Object v : Json.list(am, "values")) values.add(SettingValues.fromJson(s, v));
                axes.add(SweepAxis.of(s, values));
            }
        }
        Object es = m.get("earlyStopping");
        EarlyStopping early = null;
        if (es != null) {
            Map<String, Object> e = cast(es);
            early = new EarlyStopping((int) Json.number(e, "firstRung", 1), (int) Json.number(e, "reduction", 2));
        }
        return new SweepSpec(Json.string(m, "name", ""), TrainingRequest.fromJsonMap(Json.object(m, "base")), axes,
                (int) Json.number(m, "samples", 0), Long.parseLong(Json.string(m, "samplingSeed", "1")),
                SweepMetric.of(Json.string(m, "metric", "validation_accuracy")), (int) Json.number(m, "parallel", 1),
                early, (int) Json.number(m, "maxPoints", SweepSpec.DEFAULT_MAX_POINTS));
    }

    private static Map<String, Object> point(SweepPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", p.index());
        Map<String, Object> settings = new LinkedHashMap<>();
        p.settings().forEach((k, v) -> settings.put(k.key(), SettingValues.toJson(k, v)));
        m.put("settings", settings);
        m.put("run", p.runId());
        m.put("state", p.state().name());
        m.put("message", p.message());
        m.put("epochsCompleted", p.epochsCompleted());
        m.put("seconds", p.seconds());
        m.put("validationAccuracy", p.validationAccuracy());
        m.put("validationLoss", p.validationLoss());
        m.put("testAccuracy", p.testAccuracy());
        m.put("bestValidationAccuracy", p.bestValidationAccuracy());
        Map<String, Object> rungs = new LinkedHashMap<>();
        p.rungs().forEach((k, v) -> rungs.put(Integer.toString(k), v));
        m.put("rungs", rungs);
        return m;
    }

    private static SweepPoint point(Map<String, Object> m) {
        Map<TrainingSetting, Object> settings = SweepSpec.point();
        Json.object(m, "settings").forEach((k, v) -> {
            TrainingSetting s = setting(k);
            settings.put(s, SettingValues.fromJson(s, v));
        });
        Map<Integer, Double> rungs = new TreeMap<>();
        Json.object(m, "rungs").forEach((k, v) -> rungs.put(Integer.parseInt(k), v == null ? Double.NaN : ((Number) v).doubleValue()));
        return new SweepPoint((int) Json.number(m, "index", 0), settings, Json.string(m, "run", null),
                PointState.valueOf(Json.string(m, "state", "PENDING")), Json.string(m, "message", ""),
                (int) Json.number(m, "epochsCompleted", 0), Json.number(m, "seconds", 0),
                Json.number(m, "validationAccuracy", Double.NaN), Json.number(m, "validationLoss", Double.NaN),
                Json.number(m, "testAccuracy", Double.NaN), Json.number(m, "bestValidationAccuracy", Double.NaN), rungs);
    }

    private static TrainingSetting setting(String key) {
        TrainingSetting s = TrainingSetting.ofKey(key);
        if (s == null) throw new IllegalArgumentException("unknown setting '" + key + "'");
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        if (!(o instanceof Map)) throw new IllegalArgumentException("expected an object");
        return (Map<String, Object>) o;
    }
}

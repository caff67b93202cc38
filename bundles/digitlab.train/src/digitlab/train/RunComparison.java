package digitlab.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two runs side by side, for the "compare runs" view: both summaries, configurations and histories
 * (to draw both curves in one chart), and the configuration fields that differ.
 *
 * @param a            the first run's summary
 * @param b            the second run's summary
 * @param requestA     the first run's configuration
 * @param requestB     the second run's configuration
 * @param historyA     the first run's metric history
 * @param historyB     the second run's metric history
 * @param differences  field name -> [value in a, value in b], in {@link TrainingRequest#FIELDS} order
 */
public record RunComparison(RunInfo a, RunInfo b, TrainingRequest requestA, TrainingRequest requestB,
                            MetricHistory historyA, MetricHistory historyB, Map<String, List<String>> differences) {

    static RunComparison of(RunInfo a, TrainingRequest ra, MetricHistory ha, RunInfo b, TrainingRequest rb,
                            MetricHistory hb) {
        Map<String, Object> ma = Run.RequestJson.toMap(ra);
        Map<String, Object> mb = Run.RequestJson.toMap(rb);
        Map<String, List<String>> diff = new LinkedHashMap<>();
        for (String f : TrainingRequest.FIELDS) {
            if (f.equals("name")) continue;
            Object va = ma.get(f);
            Object vb = mb.get(f);
            if (!Objects.equals(va, vb)) diff.put(f, List.of(String.valueOf(va), String.valueOf(vb)));
        }
        return new RunComparison(a, b, ra, rb, ha, hb, Map.copyOf(diff));
    }
}

package digitlab.train.sweep;

import digitlab.train.TrainingSetting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Expands a {@link SweepSpec} into its points: a grid's combinations or seeded random draws. */
final class SweepSampler {

    private SweepSampler() {
    }

    /** See {@link SweepSpec#points()}. */
    static List<Map<TrainingSetting, Object>> points(SweepSpec spec) {
        return spec.isRandom() ? random(spec) : grid(spec);
    }

    /** Every combination; the first axis varies slowest, like nested loops in the axes' order. */
    private static List<Map<TrainingSetting, Object>> grid(SweepSpec spec) {
        List<SweepAxis> axes = spec.axes();
        int n = (int) Math.min(Integer.MAX_VALUE, spec.pointCount());
        List<Map<TrainingSetting, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<TrainingSetting, Object> p = SweepSpec.point();
            int rest = i;
            for (int a = axes.size() - 1; a >= 0; a--) {
                List<Object> values = axes.get(a).values();
                p.put(axes.get(a).setting(), values.get(rest % values.size()));
                rest /= values.size();
            }
            out.add(Collections.unmodifiableMap(p));
        }
        return out;
    }

    /**
     * {@code samples} draws from one {@link SplittableRandom} seeded with the sampling seed, point after point and
     * axis after axis in the axes' order: the same spec and seed give the same points on every machine.
     */
    private static List<Map<TrainingSetting, Object>> random(SweepSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.samplingSeed());
        List<Map<TrainingSetting, Object>> out = new ArrayList<>(spec.samples());
        for (int i = 0; i < spec.samples(); i++) {
            Map<TrainingSetting, Object> p = SweepSpec.point();
            for (SweepAxis a : spec.axes()) p.put(a.setting(), a.sample(random));
            out.add(Collections.unmodifiableMap(p));
        }
        return out;
    }
}

package digitlab.train;

import java.util.ArrayList;
import java.util.List;

/** The points a session has recorded so far (after what its run had before a resume); safe from any thread. */
final class SessionHistory {

    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<EpochPoint> epochs = new ArrayList<>();

    synchronized void addAll(MetricHistory before) {
        batches.addAll(before.batches());
        epochs.addAll(before.epochs());
    }

    synchronized void add(BatchPoint point) {
        batches.add(point);
    }

    synchronized void add(EpochPoint point) {
        epochs.add(point);
    }

    /** A copy of the points so far. */
    synchronized MetricHistory snapshot() {
        return new MetricHistory(batches, epochs);
    }
}

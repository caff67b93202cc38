package digitlab.embed;

import java.util.concurrent.CancellationException;

/**
 * Where a long computation reports how far it is and learns whether to stop. The computations call
 * {@link #report} between steps (never more than a few hundred times a second) and stop with a
 * {@link CancellationException} at the first step after {@link #isCancelled()} became true.
 */
public interface EmbedProgress {

    /** Reports nothing and never cancels. */
    EmbedProgress NONE = new EmbedProgress() {
        @Override
        public void report(String phase, double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports progress.
     *
     * @param phase    what is being done, e.g. "activations", "neighbours", "t-SNE iteration 120 of 1000"
     * @param fraction the share of the whole computation done, 0 to 1
     */
    void report(String phase, double fraction);

    /** True when the caller wants the computation to stop. */
    boolean isCancelled();

    /** Throws {@link CancellationException} when {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException("cancelled");
    }
}

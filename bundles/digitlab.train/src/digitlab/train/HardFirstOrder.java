package digitlab.train;

import java.util.function.IntConsumer;

/**
 * The order in which {@link TargetWatch} runs the test images: those the last evaluation got wrong first (in the order
 * it met them), then the others in their previous order. A model still below the target mostly gets the same images
 * wrong from one evaluation to the next, so its evaluation passes the mistakes the target allows within the first
 * batch or two instead of a few thousand images in; one that reaches the target is counted in full, as before, and
 * the count does not depend on the order. Starts as {@code 0, 1, 2, ...}.
 */
final class HardFirstOrder implements IntConsumer {

    private int[] order;
    private int[] wrong;
    private int wrongCount;
    private boolean[] isWrong;

    HardFirstOrder(int size) {
        order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        wrong = new int[size];
        isWrong = new boolean[size];
    }

    /** The order for the next evaluation (do not change it). */
    int[] order() {
        return order;
    }

    /** Before an evaluation: forgets the last one's mistakes. */
    void start() {
        wrongCount = 0;
    }

    /** During an evaluation: image {@code index} was classified wrongly. */
    @Override
    public void accept(int index) {
        if (!isWrong[index]) {
            isWrong[index] = true;
            wrong[wrongCount++] = index;
        }
    }

    /** After an evaluation: its mistakes first, then the other images in their previous order. */
    void finish() {
        int[] next = new int[order.length];
        System.arraycopy(wrong, 0, next, 0, wrongCount);
        int k = wrongCount;
        for (int i : order) {
            if (!isWrong[i]) next[k++] = i;
        }
        for (int j = 0; j < wrongCount; j++) isWrong[wrong[j]] = false;
        order = next;
    }
}

package digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link HardFirstOrder}: the last evaluation's mistakes first, in the order met, then the rest in their order. */
class HardFirstOrderTest {

    @Test
    void mistakesComeFirstThenTheRestInTheirPreviousOrder() {
        HardFirstOrder o = new HardFirstOrder(6);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, o.order());
        o.start();
        o.accept(4);
        o.accept(1);
        o.accept(4); // reported twice: listed once
        o.finish();
        assertArrayEquals(new int[] {4, 1, 0, 2, 3, 5}, o.order());
        // an evaluation that stopped early reports only what it ran: the new mistakes go first, the rest keep their place
        o.start();
        o.accept(1);
        o.accept(3);
        o.finish();
        assertArrayEquals(new int[] {1, 3, 4, 0, 2, 5}, o.order());
        o.start();
        o.finish(); // no mistakes: unchanged
        assertArrayEquals(new int[] {1, 3, 4, 0, 2, 5}, o.order());
    }
}

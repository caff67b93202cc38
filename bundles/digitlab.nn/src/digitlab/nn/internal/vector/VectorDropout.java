package digitlab.nn.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The training-time mask of inverted dropout on the Vector API, bit-identical to the scalar loop in
 * {@code digitlab.nn.internal.Dropout} (call it only when {@code VectorTwins.AVAILABLE}):
 * <pre>
 *   u[i]    = Rng.uniform(seed, i) = (mix(seed + (i + 1) * GOLDEN) &gt;&gt;&gt; 40) * 2^-24     (SplitMix64)
 *   mask[i] = u[i] &lt; rate ? 0 : keep            y[i] = x[i] * mask[i]
 * </pre>
 * Why: the scalar loop draws one 64-bit hash per value and C2 does not vectorise it, which makes a
 * dropout layer a visible share of an MLP's step (figures in bench/README.md). Here eight hashes run per
 * vector operation.
 *
 * <p>Exactness: {@code u < rate} with {@code u = r * 2^-24} ({@code r} the 24-bit integer) holds exactly
 * when {@code r < ceil(rate * 2^24)}, since scaling by a power of two is exact; so the comparison is
 * done on the integers and the mask is the same, value for value, as the scalar one.
 */
public final class VectorDropout {

    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int LL = LS.length();
    /** Floats of the same lane count as {@link #LS} (half its bit size). */
    private static final VectorSpecies<Float> FS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(LS.vectorBitSize() / 2));
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private VectorDropout() {
    }

    /**
     * Writes {@code mask[i]} and {@code y[i] = x[i] * mask[i]} for {@code i} in {@code [from, to)}, as the
     * scalar loop does with {@code Rng.uniform(seed, i)}.
     *
     * @param keep the scale of kept values, {@code 1 / (1 - rate)}
     */
    public static void forward(float[] x, float[] y, float[] mask, int from, int to, long seed, float rate, float keep) {
        long threshold = (long) Math.ceil(rate * 16_777_216.0); // drop when the 24-bit draw is below this
        LongVector step = LongVector.broadcast(LS, LL * GOLDEN);
        // counter of lane j in the first vector: seed + (from + j + 1) * GOLDEN (wrapping, as in the scalar code)
        LongVector counter = LongVector.zero(LS).addIndex(1).add(from + 1L).mul(GOLDEN).add(seed);
        FloatVector keepV = FloatVector.broadcast(FS, keep);
        FloatVector zero = FloatVector.zero(FS);
        int i = from;
        for (int end = to - LL; i <= end; i += LL) {
            LongVector z = counter;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            VectorMask<Long> drop = z.lanewise(VectorOperators.LSHR, 40).compare(VectorOperators.LT, threshold);
            FloatVector m = keepV.blend(zero, drop.cast(FS));
            m.intoArray(mask, i);
            FloatVector.fromArray(FS, x, i).mul(m).intoArray(y, i);
            counter = counter.add(step);
        }
        for (; i < to; i++) {
            float u = digitlab.nn.Rng.uniform(seed, i);
            mask[i] = u < rate ? 0f : keep;
            y[i] = x[i] * mask[i];
        }
    }
}

package digitlab.nn.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2x2 max pooling with stride 2 on the Vector API, the shape of almost every CNN's pooling layer
 * (load only after {@link ConvVectorPaths#AVAILABLE}). Same results, bit for bit, as
 * {@link MaxPool2d}'s plain loop: the maximum of each window and the index of its first maximum in
 * row-major order ({@code a b / c d}: first of {@code a, b}, first of {@code c, d}, then the top
 * pair unless the bottom one is strictly larger, which is the first maximum of {@code a, b, c, d}).
 *
 * <p>Why: the plain loop branches on every comparison, and on data without order (activations) half
 * of those branches are mispredicted (its share of a LeNet step is in bench/README.md).
 *
 * <p>Two passes per sample, for inputs {@code [C x H x W]} with {@code W} even:
 * <ol>
 * <li>horizontal, over the whole sample as one flat array (with {@code W} even, a pair
 * {@code (2t, 2t+1)} never straddles two rows): {@code h[t] = max(x[2t], x[2t+1])} and which of the
 * two won, from two vectors de-interleaved into even and odd lanes;</li>
 * <li>vertical, per output row: {@code y = max(h[top row], h[bottom row])} and the winner's index,
 * with masked loads and stores at the end of each row (output rows are short, 14 or 5 for LeNet).</li>
 * </ol>
 * The first pass writes {@code h} and the winners to a temporary region of {@code C*H*W} floats.
 */
final class VectorPooling {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Lane i takes element 2i of the concatenation of two vectors (the even elements). */
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
    /** Lane i takes element 2i + 1 of the concatenation of two vectors (the odd elements). */
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);
    /** 0, 2, 4, ...: the input column of output lane i, relative to the row's first window. */
    private static final FloatVector TWICE_IOTA = FloatVector.fromArray(S, twiceIota(), 0);
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    private VectorPooling() {
    }

    private static float[] twiceIota() {
        float[] a = new float[L];
        for (int i = 0; i < L; i++) a[i] = 2 * i;
        return a;
    }

    /**
     * Pools samples {@code [from, to)}: {@code x} is {@code [B x C*H*W]}, {@code y} {@code [B x C*OH*OW]}
     * with {@code OH = H / 2}, {@code OW = W / 2}; {@code winner[b*C*OH*OW + o]} gets the index within
     * sample {@code b} of output {@code o}'s winning input (as a float, exact below 2^24);
     * {@code temp[tempOff ..]} is {@code C*H*W} floats of working memory.
     */
    static void maxPool2x2(float[] x, float[] y, float[] winner, float[] temp, int tempOff,
                           int channels, int h, int w, int from, int to) {
        int inSize = channels * h * w;
        int pairs = inSize / 2;
        int oh = h / 2;
        int ow = w / 2;
        int outSize = channels * oh * ow;
        int codes = tempOff + pairs;  // temp: h values [pairs], then 0/1 = which of the pair won [pairs]
        for (int b = from; b < to; b++) {
            int xs = b * inSize;
            // 1. h[t] = first maximum of x[2t], x[2t+1]
            int t = 0;
            for (; t <= pairs - L; t += L) {
                FloatVector e0 = FloatVector.fromArray(S, x, xs + 2 * t);
                FloatVector e1 = FloatVector.fromArray(S, x, xs + 2 * t + L);
                FloatVector left = e0.rearrange(EVEN, e1);
                FloatVector right = e0.rearrange(ODD, e1);
                VectorMask<Float> rightWins = right.compare(VectorOperators.GT, left);
                left.blend(right, rightWins).intoArray(temp, tempOff + t);
                ZERO.blend(ONE, rightWins).intoArray(temp, codes + t);
            }
            for (; t < pairs; t++) {
                float left = x[xs + 2 * t];
                float right = x[xs + 2 * t + 1];
                boolean rightWins = right > left;
                temp[tempOff + t] = rightWins ? right : left;
                temp[codes + t] = rightWins ? 1f : 0f;
            }
            // 2. y = first maximum of the top and bottom h, per output row (h rows are ow long)
            int o = b * outSize;
            for (int c = 0; c < channels; c++) {
                for (int r = 0; r < oh; r++, o += ow) {
                    int top = tempOff + (c * h + 2 * r) * ow;  // h row 2r; row 2r + 1 follows it
                    float rowStart = c * h * w + 2 * r * w;    // the input index of the row's first window
                    for (int j = 0; j < ow; j += L) {
                        VectorMask<Float> m = S.indexInRange(j, ow);
                        FloatVector upper = FloatVector.fromArray(S, temp, top + j, m);
                        FloatVector lower = FloatVector.fromArray(S, temp, top + ow + j, m);
                        FloatVector upperCode = FloatVector.fromArray(S, temp, top - tempOff + codes + j, m);
                        FloatVector lowerCode = FloatVector.fromArray(S, temp, top - tempOff + codes + ow + j, m)
                                .add((float) w);
                        VectorMask<Float> lowerWins = lower.compare(VectorOperators.GT, upper);
                        upper.blend(lower, lowerWins).intoArray(y, o + j, m);
                        upperCode.blend(lowerCode, lowerWins).add(TWICE_IOTA).add(rowStart + 2 * j)
                                .intoArray(winner, o + j, m);
                    }
                }
            }
        }
    }

    /**
     * {@code dst[d + i] += src[s + i]} for {@code i < n} (for {@link WideColumns#fold}; C2 does not
     * vectorise the plain loop when both are the same array). Each element is one IEEE addition, as in the
     * plain loop.
     */
    static void add(float[] src, int s, float[] dst, int d, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, dst, d + i).add(FloatVector.fromArray(S, src, s + i)).intoArray(dst, d + i);
        }
        for (; i < n; i++) dst[d + i] += src[s + i];
    }
}

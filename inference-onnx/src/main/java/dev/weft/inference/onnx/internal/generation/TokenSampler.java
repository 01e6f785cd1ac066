package dev.weft.inference.onnx.internal.generation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Picks the next token of one sequence from its logits, in Hugging Face's order: repetition penalty, then either
 * the most likely token (greedy), or temperature, top-k, top-p and a draw from what is left. Draws come from a
 * generator seeded by the request's seed, so a seeded request gives the same tokens on every run. Not
 * thread-safe: one sampler per sequence.
 */
final class TokenSampler {
    private final SamplingPlan plan;
    private final SplittableRandom random;
    private final BitSet seen = new BitSet();

    TokenSampler(SamplingPlan plan) {
        this.plan = plan;
        this.random = plan.seed() != null ? new SplittableRandom(plan.seed()) : new SplittableRandom();
    }

    /** Remembers {@code id} as part of the sequence, for the repetition penalty. */
    void observe(long id) {
        seen.set((int) id);
    }

    /** The next token given {@code logits} (changed in place). */
    int next(float[] logits) {
        if (plan.repetitionPenalty() != 1.0) {
            float penalty = (float) plan.repetitionPenalty();
            for (int id = seen.nextSetBit(0); id >= 0 && id < logits.length; id = seen.nextSetBit(id + 1)) {
                logits[id] = logits[id] > 0 ? logits[id] / penalty : logits[id] * penalty;
            }
        }
        if (plan.greedy()) {
            return argmax(logits);
        }
        float inverse = (float) (1 / plan.temperature());
        for (int i = 0; i < logits.length; i++) {
            logits[i] *= inverse;
        }
        if (plan.topK() > 0 && plan.topK() < logits.length) {
            float kth = kthLargest(logits, plan.topK());
            for (int i = 0; i < logits.length; i++) {
                if (logits[i] < kth) {
                    logits[i] = Float.NEGATIVE_INFINITY; // ties with the k-th are kept, as in Hugging Face
                }
            }
        }
        double[] probabilities = softmax(logits);
        if (plan.topP() < 1.0) {
            keepNucleus(probabilities, plan.topP());
        }
        return draw(probabilities);
    }

    /** The index of the largest value, the first on ties. */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float kthLargest(float[] values, int k) {
        PriorityQueue<Float> top = new PriorityQueue<>(k + 1);
        for (float v : values) {
            if (top.size() < k) {
                top.add(v);
            } else if (v > top.peek()) {
                top.poll();
                top.add(v);
            }
        }
        return top.peek();
    }

    private static double[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = logits[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Zeroes every token outside the smallest set of most likely tokens whose mass reaches {@code topP} (at least
     * one token stays).
     */
    private static void keepNucleus(double[] p, double topP) {
        int candidates = 0;
        long[] packed = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                // Non-negative floats order as their bits do: sort by probability, then by id.
                packed[candidates++] = ((long) Float.floatToIntBits((float) p[i]) << 32) | (0xFFFFFFFFL - i);
            }
        }
        Arrays.sort(packed, 0, candidates);
        double mass = 0;
        int kept = 0;
        for (int c = candidates - 1; c >= 0 && (kept == 0 || mass < topP); c--, kept++) {
            mass += p[(int) (0xFFFFFFFFL - (packed[c] & 0xFFFFFFFFL))];
        }
        for (int c = candidates - 1 - kept; c >= 0; c--) {
            p[(int) (0xFFFFFFFFL - (packed[c] & 0xFFFFFFFFL))] = 0;
        }
    }

    private int draw(double[] p) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double u = random.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                last = i;
                u -= p[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }
}

package dev.weft.rag.retrieval;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How several rankings of the same corpus become one. Each ranking is a retriever's result, best first; the fused
 * ranking holds every chunk that appears in any ranking counted by the strategy, best first, ties broken by
 * ascending id. A chunk's fused {@link RetrievedChunk#score()} is its fused score; its text and metadata are those
 * of its first appearance. Within one ranking only a chunk's first (best) appearance counts. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * Fusion rrf = Fusion.reciprocalRank();          // k = 60
 * Fusion tuned = Fusion.convex(0.7, 0.3);        // 0.7 × dense + 0.3 × sparse, scores min-max normalised
 * List<RetrievedChunk> fused = rrf.fuse(List.of(denseHits, bm25Hits));
 * }</pre>
 */
public sealed interface Fusion {

    /** Orders the chunks of {@code rankings} into one ranking, best first. */
    List<RetrievedChunk> fuse(List<List<RetrievedChunk>> rankings);

    /** Reciprocal rank fusion with the customary {@code k = 60}. */
    static Fusion reciprocalRank() {
        return new ReciprocalRank(60);
    }

    /** Reciprocal rank fusion with constant {@code k}. */
    static Fusion reciprocalRank(int k) {
        return new ReciprocalRank(k);
    }

    /** A convex combination of min-max-normalised scores, one weight per ranking, in the rankings' order. */
    static Fusion convex(double... weights) {
        Preconditions.notNull(weights, "weights");
        return new Convex(Arrays.stream(weights).boxed().toList());
    }

    /**
     * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a chunk scores {@code sum 1 / (k + rank)} over
     * the rankings it appears in, rank counted from 1. Uses ranks only, so rankings on incomparable scales (BM25,
     * cosine) fuse without tuning. The result does not depend on the order of the rankings: each chunk's terms
     * are summed in a fixed order.
     *
     * @param k damps the weight of the top ranks; >= 0, 60 customary
     */
    record ReciprocalRank(int k) implements Fusion {
        public ReciprocalRank {
            Preconditions.check(k >= 0, "reciprocal rank fusion needs k >= 0, was " + k);
        }

        @Override
        public List<RetrievedChunk> fuse(List<List<RetrievedChunk>> rankings) {
            FusedScores contributions = new FusedScores();
            for (List<RetrievedChunk> ranking : checked(rankings)) {
                Set<String> seen = new HashSet<>();
                int rank = 0;
                for (RetrievedChunk c : ranking) {
                    if (seen.add(c.id())) {
                        rank++;
                        contributions.add(c, 1.0 / (k + rank));
                    }
                }
            }
            return contributions.ranked();
        }
    }

    /**
     * A convex combination of scores: each ranking's scores are min-max normalised to [0, 1] (all 1 when they are
     * all equal), multiplied by the ranking's weight over the sum of weights, and summed per chunk; a chunk
     * missing from a ranking gets 0 from it. A ranking of weight 0 is left out entirely, so weights {@code (1, 0)}
     * give exactly the first ranking's order. Scores must be finite.
     *
     * @param weights one per ranking, each >= 0, not all 0
     */
    record Convex(List<Double> weights) implements Fusion {
        public Convex {
            weights = Preconditions.immutableList(weights, "weights");
            Preconditions.check(!weights.isEmpty(), "convex fusion needs one weight per ranking; got none");
            for (double w : weights) {
                Preconditions.check(Double.isFinite(w) && w >= 0, "convex fusion weights must be finite and >= 0; got " + weights);
            }
            Preconditions.check(weights.stream().mapToDouble(Double::doubleValue).sum() > 0,
                    "convex fusion needs a positive weight; got " + weights);
        }

        @Override
        public List<RetrievedChunk> fuse(List<List<RetrievedChunk>> rankings) {
            List<List<RetrievedChunk>> lists = checked(rankings);
            if (lists.size() != weights.size()) {
                throw new InvalidInputException("convex fusion has " + weights.size() + " weights but was given "
                        + lists.size() + " rankings; give one weight per ranking");
            }
            double total = weights.stream().mapToDouble(Double::doubleValue).sum();
            FusedScores contributions = new FusedScores();
            for (int i = 0; i < lists.size(); i++) {
                double weight = weights.get(i) / total;
                if (weight > 0) {
                    addNormalised(contributions, lists.get(i), weight);
                }
            }
            return contributions.ranked();
        }

        private static void addNormalised(FusedScores contributions, List<RetrievedChunk> ranking, double weight) {
            Set<String> seen = new HashSet<>();
            List<RetrievedChunk> firsts = ranking.stream().filter(c -> seen.add(c.id())).toList();
            for (RetrievedChunk c : firsts) {
                if (!Double.isFinite(c.score())) {
                    throw new InvalidInputException("convex fusion needs finite scores; chunk '" + c.id() + "' scored " + c.score());
                }
            }
            MinMax range = MinMax.of(firsts.stream().mapToDouble(RetrievedChunk::score).toArray());
            for (RetrievedChunk c : firsts) {
                contributions.add(c, weight * range.normalise(c.score()));
            }
        }
    }

    private static List<List<RetrievedChunk>> checked(List<List<RetrievedChunk>> rankings) {
        List<List<RetrievedChunk>> lists = Preconditions.immutableList(rankings, "rankings");
        for (int i = 0; i < lists.size(); i++) {
            Preconditions.immutableList(lists.get(i), "rankings[" + i + "]");
        }
        return lists;
    }
}

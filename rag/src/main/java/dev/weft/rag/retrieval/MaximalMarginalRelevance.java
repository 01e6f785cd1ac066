package dev.weft.rag.retrieval;

import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Similarity;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy maximal marginal relevance (Carbonell and Goldstein, 1998). Each step picks the remaining candidate with
 * the highest {@code lambda * relevance - (1 - lambda) * redundancy}, where redundancy is its highest cosine with a
 * chunk already picked, floored at 0: an opposite vector is no more novel than an unrelated one (and there is none
 * before the first pick, or for chunks without a vector). Ties go to the earlier candidate, so {@code lambda = 1}
 * orders by relevance, then input order. The picked chunk's score becomes that marginal value, which never
 * increases from one pick to the next.
 */
final class MaximalMarginalRelevance {
    private MaximalMarginalRelevance() {}

    /**
     * The best {@code k} of {@code candidates} in MMR order.
     *
     * @param relevance one per candidate, same order, on a scale comparable with cosine
     * @param vectors one per candidate, same order; null where unknown
     */
    static List<RetrievedChunk> select(
            List<RetrievedChunk> candidates, double[] relevance, List<float[]> vectors, double lambda, int k) {
        int n = candidates.size();
        double[] redundancy = new double[n];
        boolean[] picked = new boolean[n];
        List<RetrievedChunk> selected = new ArrayList<>(Math.min(k, n));
        while (selected.size() < Math.min(k, n)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (picked[i]) {
                    continue;
                }
                double value = lambda * relevance[i] - (1 - lambda) * redundancy[i];
                if (best < 0 || value > bestValue) {
                    best = i;
                    bestValue = value;
                }
            }
            picked[best] = true;
            RetrievedChunk c = candidates.get(best);
            selected.add(new RetrievedChunk(c.id(), c.text(), bestValue, c.metadata()));
            float[] pickedVector = vectors.get(best);
            if (pickedVector != null) {
                for (int i = 0; i < n; i++) {
                    if (!picked[i] && vectors.get(i) != null) {
                        redundancy[i] = Math.max(redundancy[i], Similarity.COSINE.compute(vectors.get(i), pickedVector));
                    }
                }
            }
        }
        return selected;
    }

    /** The candidates' scores min-max normalised to [0, 1], for relevance on any upstream scale. */
    static double[] normalisedScores(List<RetrievedChunk> candidates) {
        double[] scores = candidates.stream().mapToDouble(RetrievedChunk::score).toArray();
        MinMax range = MinMax.of(scores);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = range.normalise(scores[i]);
        }
        return scores;
    }
}

package dev.weft.eval.metrics;

import dev.weft.core.InvalidInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One query's ranking with each rank's gain looked up in its judgements, from which every
 * {@link RetrievalMetric} is computed. Repeated ids count only at their first rank. Immutable.
 */
final class JudgedRanking {
    private static final double LN2 = Math.log(2);

    /** {@code gains[i]}: the positive grade of the document at rank i + 1, else 0. */
    private final int[] gains;
    /** The query's positive grades, highest first: the gains of the best ranking possible. */
    private final int[] idealGains;

    private JudgedRanking(int[] gains, int[] idealGains) {
        this.gains = gains;
        this.idealGains = idealGains;
    }

    /**
     * @param what names the ranking in error messages, such as {@code "run entry of query 'q7'"}
     */
    static JudgedRanking of(List<String> ranking, Map<String, Integer> judgements, String what) {
        int[] gains = new int[ranking.size()];
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (int i = 0; i < ranking.size(); i++) {
            String id = ranking.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidInputException(what + "[" + i + "] must be a document id, was "
                        + (id == null ? "null" : "\"" + id + "\""));
            }
            if (seen.add(id)) {
                gains[n++] = gain(judgements.get(id));
            }
        }
        int[] ideal = judgements.values().stream().mapToInt(JudgedRanking::gain).filter(g -> g > 0).sorted().toArray();
        for (int i = 0, j = ideal.length - 1; i < j; i++, j--) { // highest first
            int t = ideal[i];
            ideal[i] = ideal[j];
            ideal[j] = t;
        }
        return new JudgedRanking(n == gains.length ? gains : Arrays.copyOf(gains, n), ideal);
    }

    private static int gain(Integer grade) {
        return grade == null || grade < 0 ? 0 : grade;
    }

    /** The number of relevant documents the query has. */
    int relevantCount() {
        return idealGains.length;
    }

    /** The value of {@code metric}; the query must have a relevant document. */
    double score(RetrievalMetric metric) {
        int k = metric.k();
        return switch (metric) {
            case RetrievalMetric.Ndcg ndcg -> dcg(gains, k) / dcg(idealGains, k);
            case RetrievalMetric.Recall recall -> (double) relevantInTop(k) / relevantCount();
            case RetrievalMetric.Precision precision -> (double) relevantInTop(k) / k;
            case RetrievalMetric.ReciprocalRank rr -> reciprocalRank(k);
            case RetrievalMetric.AveragePrecision precision -> averagePrecision(k);
        };
    }

    /** {@code Σ_{r ≤ k} g(r) / log2(r + 1)}, ranks from 1. */
    private static double dcg(int[] gains, int k) {
        int end = Math.min(k, gains.length);
        double sum = 0;
        for (int i = 0; i < end; i++) {
            if (gains[i] > 0) {
                sum += gains[i] / (Math.log(i + 2) / LN2);
            }
        }
        return sum;
    }

    private int relevantInTop(int k) {
        int end = Math.min(k, gains.length);
        int hits = 0;
        for (int i = 0; i < end; i++) {
            if (gains[i] > 0) {
                hits++;
            }
        }
        return hits;
    }

    private double reciprocalRank(int k) {
        int end = Math.min(k, gains.length);
        for (int i = 0; i < end; i++) {
            if (gains[i] > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private double averagePrecision(int k) {
        int end = Math.min(k, gains.length);
        int hits = 0;
        double sum = 0;
        for (int i = 0; i < end; i++) {
            if (gains[i] > 0) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / relevantCount();
    }
}

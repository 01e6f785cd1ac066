package dev.weft.eval.metrics;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A measure of one ranked list of document ids against one query's graded judgements, cut off at rank
 * {@link #k()}. The set is closed; the definitions follow trec_eval (and so pytrec_eval and BEIR):
 *
 * <ul>
 *   <li>A document is <em>relevant</em> when its grade is above 0; unjudged documents have grade 0; negative
 *       grades count as 0. {@code R} is the number of relevant documents the query has.</li>
 *   <li>{@link Ndcg nDCG@k}: {@code DCG@k / IDCG@k} with {@code DCG@k = Σ_{r ≤ k} grade(r) / log2(r + 1)}
 *       (linear gain, the document at rank r, ranks from 1) and {@code IDCG@k} the same sum over the query's
 *       positive grades sorted from highest, the best ranking possible (trec_eval's {@code ndcg_cut}).</li>
 *   <li>{@link Recall Recall@k}: relevant documents in the top k / {@code R} ({@code recall_k}).</li>
 *   <li>{@link Precision P@k}: relevant documents in the top k / k, even when fewer than k were ranked
 *       ({@code P_k}).</li>
 *   <li>{@link ReciprocalRank MRR@k}: 1 / the rank of the first relevant document in the top k, or 0 (BEIR's
 *       {@code MRR@k}; its mean over queries is the MRR).</li>
 *   <li>{@link AveragePrecision MAP@k}: the sum, over the relevant documents in the top k, of the precision at
 *       their rank, divided by {@code R} (not by {@code min(k, R)}), as trec_eval's {@code map_cut}; without a
 *       cutoff it is the average precision of the whole ranking ({@code map}).</li>
 * </ul>
 *
 * <p>A ranking is read from its first element; a document id that repeats counts only where it first appears
 * (so a ranking of chunks mapped to their documents credits each document once, at its best rank). Every
 * value lies in [0, 1]. A query without any relevant document has no defined value:
 * {@link #score(List, Map)} refuses it and {@link RetrievalEvaluator} leaves it out of its averages.
 *
 * <p>Values are immutable and thread-safe. Names are {@code ndcg@10}, {@code recall@100},
 * {@code precision@5}, {@code mrr@10}, {@code map@100} and {@code map}; {@link #parse} reads them back.
 *
 * <pre>{@code
 * double v = RetrievalMetric.ndcg(10).score(List.of("d3", "d1", "d7"), Map.of("d1", 2, "d7", 1));
 * }</pre>
 */
public sealed interface RetrievalMetric {
    /** The cutoff that means "the whole ranking". */
    int NO_CUTOFF = Integer.MAX_VALUE;

    /** The rank the metric looks down to, {@code >= 1}, or {@link #NO_CUTOFF}. */
    int k();

    /** The metric's short name, such as {@code ndcg@10}. */
    String name();

    /**
     * This metric's value for {@code ranking} (document ids, best first) against {@code judgements}
     * (document id → grade) of one query.
     *
     * @throws InvalidInputException if an id in the ranking is null or blank, or no judged document is
     *     relevant (the metric is undefined then)
     */
    default double score(List<String> ranking, Map<String, Integer> judgements) {
        Preconditions.notNull(ranking, "ranking");
        Preconditions.notNull(judgements, "judgements");
        JudgedRanking judged = JudgedRanking.of(ranking, judgements, "ranking");
        if (judged.relevantCount() == 0) {
            throw new InvalidInputException(name() + " is undefined for a query without relevant documents: no judged "
                    + "document has a grade above 0 (such queries are left out of averages)");
        }
        return judged.score(this);
    }

    /** nDCG at cutoff {@code k}. */
    static RetrievalMetric ndcg(int k) {
        return new Ndcg(k);
    }

    /** Recall at cutoff {@code k}. */
    static RetrievalMetric recall(int k) {
        return new Recall(k);
    }

    /** Precision at cutoff {@code k}. */
    static RetrievalMetric precision(int k) {
        return new Precision(k);
    }

    /** Reciprocal rank of the first relevant document within the top {@code k}; its mean is MRR@k. */
    static RetrievalMetric mrr(int k) {
        return new ReciprocalRank(k);
    }

    /** Average precision over the top {@code k}; its mean is MAP@k. */
    static RetrievalMetric map(int k) {
        return new AveragePrecision(k);
    }

    /** Average precision over the whole ranking; its mean is MAP. */
    static RetrievalMetric map() {
        return new AveragePrecision(NO_CUTOFF);
    }

    /**
     * The metric named {@code name}, case-insensitively: {@code ndcg@10}, {@code recall@100},
     * {@code precision@5} (or {@code p@5}), {@code mrr@10}, {@code map@100}; without {@code @k} every metric
     * but precision looks at the whole ranking.
     *
     * @throws InvalidInputException for any other name
     */
    static RetrievalMetric parse(String name) {
        Preconditions.notBlank(name, "name");
        Matcher m = MetricNames.PATTERN.matcher(name.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("unknown retrieval metric \"" + name + "\"; use ndcg@k, recall@k, precision@k, mrr@k, map@k or map");
        }
        int k;
        if (m.group(2) == null) {
            k = NO_CUTOFF;
        } else {
            try {
                k = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cutoff of \"" + name + "\" is too large; use at most " + (NO_CUTOFF - 1), e);
            }
        }
        return switch (m.group(1)) {
            case "ndcg" -> new Ndcg(k);
            case "recall" -> new Recall(k);
            case "precision", "p" -> new Precision(k);
            case "mrr" -> new ReciprocalRank(k);
            default -> new AveragePrecision(k);
        };
    }

    /** Normalised Discounted Cumulative Gain at cutoff {@code k}, with linear gain. */
    record Ndcg(int k) implements RetrievalMetric {
        public Ndcg {
            MetricNames.checkCutoff(k, "ndcg");
        }

        @Override
        public String name() {
            return MetricNames.of("ndcg", k);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** The share of the relevant documents found in the top {@code k}. */
    record Recall(int k) implements RetrievalMetric {
        public Recall {
            MetricNames.checkCutoff(k, "recall");
        }

        @Override
        public String name() {
            return MetricNames.of("recall", k);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** The share of the top {@code k} ranks that hold relevant documents. Needs a finite cutoff. */
    record Precision(int k) implements RetrievalMetric {
        public Precision {
            MetricNames.checkCutoff(k, "precision");
            Preconditions.check(k != NO_CUTOFF, "precision needs a finite cutoff k: it divides by k");
        }

        @Override
        public String name() {
            return MetricNames.of("precision", k);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** 1 / the rank of the first relevant document within the top {@code k}, or 0 when there is none. */
    record ReciprocalRank(int k) implements RetrievalMetric {
        public ReciprocalRank {
            MetricNames.checkCutoff(k, "mrr");
        }

        @Override
        public String name() {
            return MetricNames.of("mrr", k);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Average precision over the top {@code k}, normalised by the number of relevant documents. */
    record AveragePrecision(int k) implements RetrievalMetric {
        public AveragePrecision {
            MetricNames.checkCutoff(k, "map");
        }

        @Override
        public String name() {
            return MetricNames.of("map", k);
        }

        @Override
        public String toString() {
            return name();
        }
    }
}

package dev.weft.eval.metrics;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.eval.dataset.Qrels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a run (each query's ranked document ids) against relevance judgements with a fixed set of
 * {@link RetrievalMetric}s, giving every query's value and the mean of each metric in a
 * {@link RetrievalReport}.
 *
 * <p>Which queries count:
 *
 * <ul>
 *   <li>The evaluated queries are those of the qrels with at least one relevant document (grade above 0).
 *       A query whose judgements are all 0 or negative has no defined nDCG or recall, so it is left out of
 *       every average. (pytrec_eval, and so BEIR, would instead give it 0 when the run holds it; the two agree
 *       whenever every judged query has a relevant document, as in the BEIR test splits.)</li>
 *   <li>An evaluated query that the run lacks scores 0 on every metric, as with {@code trec_eval -c}: a
 *       retriever that returns nothing is not excused. {@link RetrievalReport#missingQueries()} lists them.
 *       (BEIR's pytrec_eval-based averages skip such queries; its MRR counts them as 0.)</li>
 *   <li>Run entries for queries that are not evaluated are ignored and listed in
 *       {@link RetrievalReport#ignoredQueries()}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RetrievalEvaluator evaluator = RetrievalEvaluator.of(dataset.qrels(),
 *         RetrievalMetric.ndcg(10), RetrievalMetric.recall(100), RetrievalMetric.mrr(10));
 * RetrievalReport report = evaluator.evaluate(Map.of("q1", List.of("d3", "d1"), "q2", List.of("d9")));
 * double ndcg10 = report.mean(RetrievalMetric.ndcg(10));
 * }</pre>
 */
public final class RetrievalEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(RetrievalEvaluator.class);

    private final Qrels qrels;
    private final List<RetrievalMetric> metrics;
    private final List<String> queryIds;

    private RetrievalEvaluator(Qrels qrels, List<RetrievalMetric> metrics, List<String> queryIds) {
        this.qrels = qrels;
        this.metrics = metrics;
        this.queryIds = queryIds;
    }

    /** An evaluator of {@code metrics} against {@code qrels}. */
    public static RetrievalEvaluator of(Qrels qrels, RetrievalMetric... metrics) {
        return of(qrels, Arrays.asList(Preconditions.notNull(metrics, "metrics")));
    }

    /**
     * An evaluator of {@code metrics} (in report order) against {@code qrels}.
     *
     * @throws InvalidInputException if there is no metric, a metric repeats, or no query of {@code qrels}
     *     has a relevant document
     */
    public static RetrievalEvaluator of(Qrels qrels, List<RetrievalMetric> metrics) {
        Preconditions.notNull(qrels, "qrels");
        List<RetrievalMetric> list = Preconditions.immutableList(Preconditions.notNull(metrics, "metrics"), "metrics");
        Preconditions.check(!list.isEmpty(), "metrics must not be empty: name at least one, such as RetrievalMetric.ndcg(10)");
        Set<RetrievalMetric> seen = new HashSet<>();
        for (RetrievalMetric metric : list) {
            Preconditions.check(seen.add(metric), "metric " + metric.name() + " is listed twice");
        }
        List<String> evaluated = qrels.queryIds().stream().filter(qrels::hasRelevant).toList();
        if (evaluated.isEmpty()) {
            throw new InvalidInputException("no query in " + qrels + " has a relevant document (grade above 0), so no "
                    + "retrieval metric is defined; check that the qrels file is the right one");
        }
        return new RetrievalEvaluator(qrels, list, evaluated);
    }

    /** The judgements runs are scored against. */
    public Qrels qrels() {
        return qrels;
    }

    /** The metrics computed, in report order. */
    public List<RetrievalMetric> metrics() {
        return metrics;
    }

    /** The queries evaluated: those of the qrels with a relevant document, in qrels order. */
    public List<String> queryIds() {
        return queryIds;
    }

    /**
     * Scores {@code run}: query id → document ids, best first. Only each ranking's first {@code max k}
     * distinct ids matter; a repeated id counts at its first rank only.
     *
     * @throws InvalidInputException if a ranking is null or holds a null or blank id
     */
    public RetrievalReport evaluate(Map<String, ? extends List<String>> run) {
        Preconditions.notNull(run, "run");
        double[][] values = new double[metrics.size()][queryIds.size()];
        Set<String> missing = new LinkedHashSet<>();
        for (int q = 0; q < queryIds.size(); q++) {
            String queryId = queryIds.get(q);
            List<String> ranking = run.get(queryId);
            if (ranking == null) {
                if (!run.containsKey(queryId)) {
                    missing.add(queryId);
                    continue; // every metric stays 0
                }
                throw new InvalidInputException("run entry of query '" + queryId + "' is null; give an empty list for no results");
            }
            JudgedRanking judged = JudgedRanking.of(ranking, qrels.judgements(queryId), "run entry of query '" + queryId + "'");
            for (int m = 0; m < metrics.size(); m++) {
                values[m][q] = judged.score(metrics.get(m));
            }
        }
        Set<String> evaluated = new HashSet<>(queryIds);
        Set<String> ignored = new LinkedHashSet<>();
        for (String queryId : run.keySet()) {
            if (queryId == null) {
                throw new InvalidInputException("run must not hold a null query id");
            }
            if (!evaluated.contains(queryId)) {
                ignored.add(queryId);
            }
        }
        if (!missing.isEmpty()) {
            LOG.debug("{} of {} evaluated queries have no run entry and score 0", missing.size(), queryIds.size());
        }
        if (!ignored.isEmpty()) {
            LOG.debug("{} run entries are for queries without relevant judgements and are ignored", ignored.size());
        }
        return new RetrievalReport(metrics, queryIds, values, missing, ignored);
    }

    /**
     * Scores a run given as scored documents per query: each list is ranked by descending score, equal
     * scores keeping their given order (see {@link ScoredDocument#ranking}), then scored as by
     * {@link #evaluate}.
     */
    public RetrievalReport evaluateScored(Map<String, ? extends List<ScoredDocument>> run) {
        Preconditions.notNull(run, "run");
        Map<String, List<String>> ranked = new LinkedHashMap<>();
        run.forEach((queryId, documents) -> {
            if (documents == null) {
                throw new InvalidInputException("run entry of query '" + queryId + "' is null; give an empty list for no results");
            }
            ranked.put(queryId, ScoredDocument.ranking(documents));
        });
        return evaluate(ranked);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        metrics.forEach(m -> names.add(m.name()));
        return "RetrievalEvaluator[" + String.join(", ", names) + " over " + queryIds.size() + " queries]";
    }
}

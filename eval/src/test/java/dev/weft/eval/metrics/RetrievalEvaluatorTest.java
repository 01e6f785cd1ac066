package dev.weft.eval.metrics;

import static dev.weft.eval.metrics.RetrievalMetric.mrr;
import static dev.weft.eval.metrics.RetrievalMetric.ndcg;
import static dev.weft.eval.metrics.RetrievalMetric.recall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.weft.core.InvalidInputException;
import dev.weft.eval.dataset.Qrels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RetrievalEvaluator}: which queries count, per-query values and means, scored runs, refusals. */
class RetrievalEvaluatorTest {
    /*
     * q1: d1 relevant.  q2: d2, d3 relevant.  q3: d4 judged 0 only (no relevant document: not evaluated).
     * q4: d5 relevant, absent from the run (scores 0).
     */
    private static final Qrels QRELS = Qrels.builder()
            .add("q1", "d1", 1)
            .add("q2", "d2", 1).add("q2", "d3", 1)
            .add("q3", "d4", 0)
            .add("q4", "d5", 1)
            .build();

    private static Map<String, List<String>> run() {
        Map<String, List<String>> run = new LinkedHashMap<>();
        run.put("q1", List.of("d1"));
        run.put("q2", List.of("d3", "x"));
        run.put("q3", List.of("d4"));
        run.put("q9", List.of("d1")); // not judged at all
        return run;
    }

    @Test
    void reportsEachQueryAndTheMeanOverQueriesWithRelevantDocuments() {
        RetrievalEvaluator evaluator = RetrievalEvaluator.of(QRELS, recall(2), mrr(10));
        assertThat(evaluator.queryIds()).containsExactly("q1", "q2", "q4");

        RetrievalReport report = evaluator.evaluate(run());

        assertThat(report.queryIds()).containsExactly("q1", "q2", "q4");
        // recall@2: q1 1/1, q2 1/2 (d3 of d2, d3), q4 0 (no run entry)  ->  mean (1 + 0.5 + 0) / 3 = 0.5
        assertThat(report.perQuery(recall(2))).containsExactly(entry("q1", 1.0), entry("q2", 0.5), entry("q4", 0.0));
        assertThat(report.mean(recall(2))).isCloseTo(0.5, within(1e-12));
        // mrr@10: q1 1/1, q2 1/1 (d3 at rank 1), q4 0  ->  2/3
        assertThat(report.mean(mrr(10))).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.value("q2", recall(2))).isEqualTo(0.5);
        assertThat(report.values(mrr(10))).containsExactly(1.0, 1.0, 0.0);
        assertThat(report.means()).containsExactly(entry(recall(2), 0.5), entry(mrr(10), 2.0 / 3));
        assertThat(report.missingQueries()).containsExactly("q4");
        assertThat(report.ignoredQueries()).containsExactly("q3", "q9");
        assertThat(report.toString()).isEqualTo("RetrievalReport[3 queries: recall@2=0.5000, mrr@10=0.6667, 1 missing from the run]");
    }

    @Test
    void perQueryValuesEqualTheMetricsOwnScores() {
        RetrievalReport report = RetrievalEvaluator.of(QRELS, ndcg(3)).evaluate(run());

        for (String q : List.of("q1", "q2")) {
            assertThat(report.value(q, ndcg(3))).isEqualTo(ndcg(3).score(run().get(q), QRELS.judgements(q)));
        }
    }

    @Test
    void valuesIsAFreshCopy() {
        RetrievalReport report = RetrievalEvaluator.of(QRELS, mrr(10)).evaluate(run());

        report.values(mrr(10))[0] = 42;

        assertThat(report.values(mrr(10))[0]).isEqualTo(1.0);
    }

    @Test
    void anEmptyRankingIsNotAMissingOne() {
        Map<String, List<String>> run = new HashMap<>(run());
        run.put("q4", List.of());

        RetrievalReport report = RetrievalEvaluator.of(QRELS, mrr(10)).evaluate(run);

        assertThat(report.missingQueries()).isEmpty();
        assertThat(report.value("q4", mrr(10))).isZero();
    }

    @Test
    void scoredRunsAreRankedByScoreWithTiesInTheGivenOrder() {
        Qrels qrels = Qrels.builder().add("q1", "d1", 1).build();
        // y (0.9) first, then the tie x, d1 (0.5) in the order given: d1 at rank 3 -> reciprocal rank 1/3.
        // (trec_eval would break the tie by document id and could put d1 second.)
        Map<String, List<ScoredDocument>> run = Map.of("q1", List.of(
                new ScoredDocument("x", 0.5), new ScoredDocument("d1", 0.5), new ScoredDocument("y", 0.9)));

        RetrievalReport report = RetrievalEvaluator.of(qrels, mrr(10)).evaluateScored(run);

        assertThat(report.value("q1", mrr(10))).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ScoredDocument.ranking(run.get("q1"))).containsExactly("y", "x", "d1");
    }

    @Test
    void refusesWhatItCannotScore() {
        assertThatThrownBy(() -> RetrievalEvaluator.of(QRELS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metrics must not be empty");
        assertThatThrownBy(() -> RetrievalEvaluator.of(QRELS, ndcg(10), mrr(10), ndcg(10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metric ndcg@10 is listed twice");
        assertThatThrownBy(() -> RetrievalEvaluator.of(Qrels.builder().add("q", "d", 0).build(), ndcg(10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no query in Qrels[1 queries, 1 judgements] has a relevant document");

        RetrievalEvaluator evaluator = RetrievalEvaluator.of(QRELS, ndcg(10));
        Map<String, List<String>> nullEntry = new HashMap<>();
        nullEntry.put("q1", null);
        assertThatThrownBy(() -> evaluator.evaluate(nullEntry))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("run entry of query 'q1' is null");
        assertThatThrownBy(() -> evaluator.evaluate(Map.of("q2", Arrays.asList("d2", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("run entry of query 'q2'[1] must be a document id, was null");
        Map<String, List<String>> nullKey = new HashMap<>();
        nullKey.put(null, List.of("d1"));
        assertThatThrownBy(() -> evaluator.evaluate(nullKey))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("null query id");
        assertThatThrownBy(() -> new ScoredDocument("d1", Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("score of document 'd1' must be finite");

        RetrievalReport report = evaluator.evaluate(run());
        assertThatThrownBy(() -> report.mean(mrr(10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("this report has no mrr@10; it holds ndcg@10");
        assertThatThrownBy(() -> report.value("q3", ndcg(10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("query 'q3' is not evaluated in this report: it has no relevant judgement");
    }
}

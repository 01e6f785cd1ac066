package dev.weft.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.eval.dataset.Qrels;
import dev.weft.testing.Generated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over generated qrels and runs of several queries, the report agrees with scoring each query on its own: a
 * query with a run entry gets the metric's own score, one without gets 0, and the mean is their average.
 */
class RetrievalEvaluatorPropertyTest {

    /** Several generated queries, some left out of the run. */
    record Scenario(Map<String, RankingCase> queries, Map<String, List<String>> run) {
        static Scenario generate(Random random) {
            Map<String, RankingCase> queries = new LinkedHashMap<>();
            Map<String, List<String>> run = new LinkedHashMap<>();
            int n = random.intRange(1, 8);
            for (int i = 0; i < n; i++) {
                RankingCase c = RankingCase.generate(random);
                queries.put("q" + i, c);
                if (random.intRange(0, 4) > 0) {
                    run.put("q" + i, c.ranking());
                }
            }
            return new Scenario(queries, run);
        }

        Qrels qrels() {
            Qrels.Builder builder = Qrels.builder();
            queries.forEach((q, c) -> c.judgements().forEach((d, grade) -> builder.add(q, d, grade)));
            return builder.build();
        }
    }

    static Stream<Arguments> scenarios() {
        return Generated.cases(100, Scenario::generate);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void reportAgreesWithScoringEachQueryAlone(Scenario s) {
        List<RetrievalMetric> metrics = List.of(RetrievalMetric.ndcg(5), RetrievalMetric.recall(10),
                RetrievalMetric.precision(3), RetrievalMetric.mrr(10), RetrievalMetric.map());

        RetrievalReport report = RetrievalEvaluator.of(s.qrels(), metrics).evaluate(s.run());

        assertThat(report.queryIds()).containsExactlyElementsOf(s.queries().keySet()); // every case has a relevant doc
        for (RetrievalMetric metric : metrics) {
            double sum = 0;
            for (Map.Entry<String, RankingCase> e : s.queries().entrySet()) {
                List<String> ranking = s.run().get(e.getKey());
                double expected = ranking == null ? 0 : metric.score(ranking, e.getValue().judgements());
                assertThat(report.value(e.getKey(), metric)).as("%s of %s in %s", metric, e.getKey(), s).isEqualTo(expected);
                sum += expected;
            }
            assertThat(report.mean(metric)).as("mean %s in %s", metric, s).isCloseTo(sum / s.queries().size(), within(1e-12));
        }
        assertThat(report.missingQueries()).as("%s", s)
                .containsExactlyElementsOf(s.queries().keySet().stream().filter(q -> !s.run().containsKey(q)).toList());
    }
}

package dev.weft.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of greedy MMR over generated candidates, relevances and vectors; the case's seed is in its name. */
class MaximalMarginalRelevancePropertyTest {

    record Case(List<RetrievedChunk> candidates, double[] relevance, List<float[]> vectors, double lambda, int k) {
        @Override
        public String toString() {
            return "Case[candidates=" + candidates.stream().map(RetrievedChunk::id).toList() + ", lambda=" + lambda + ", k=" + k + "]";
        }
    }

    static Stream<Arguments> cases() {
        return Generated.cases(300, (Random r) -> {
            List<RetrievedChunk> candidates = Rankings.ranking(r, 40, r.intRange(0, 25)).stream()
                    .filter(distinct()).toList();
            int dimension = r.intRange(1, 6);
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (r.trueOrFalse(0.1)) {
                    vectors.add(null);
                } else if (r.trueOrFalse(0.2) && !vectors.isEmpty() && vectors.getLast() != null) {
                    vectors.add(vectors.getLast().clone()); // a near-duplicate of the one above
                } else {
                    float[] v = new float[dimension];
                    for (int d = 0; d < dimension; d++) {
                        v[d] = r.floatRange(-1, 1);
                    }
                    vectors.add(v);
                }
            }
            double[] relevance = r.trueOrFalse()
                    ? MaximalMarginalRelevance.normalisedScores(candidates)
                    : candidates.stream().mapToDouble(c -> r.trueOrFalse(0.2) ? 0.5 : r.doubleRange(-1, 1)).toArray(); // cosines, with ties
            return new Case(candidates, relevance, vectors, r.oneOf(0.0, 0.3, 0.5, 0.9, 1.0, r.doubleRange(0, 1)), r.intRange(1, 30));
        });
    }

    private static java.util.function.Predicate<RetrievedChunk> distinct() {
        HashSet<String> seen = new HashSet<>();
        return c -> seen.add(c.id());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void picksMinOfKAndNDistinctCandidatesWithNonIncreasingMarginalScores(Case c) {
        List<RetrievedChunk> picked = MaximalMarginalRelevance.select(c.candidates(), c.relevance(), c.vectors(), c.lambda(), c.k());
        assertThat(picked).as("%s", c).hasSize(Math.min(c.k(), c.candidates().size()));
        assertThat(picked).as("%s", c).extracting(RetrievedChunk::id).doesNotHaveDuplicates()
                .isSubsetOf(c.candidates().stream().map(RetrievedChunk::id).toList());
        for (int i = 1; i < picked.size(); i++) {
            assertThat(picked.get(i).score()).as("%s: marginal score %d", c, i).isLessThanOrEqualTo(picked.get(i - 1).score());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void lambdaOneIsTheRelevanceOrder(Case c) {
        List<RetrievedChunk> picked = MaximalMarginalRelevance.select(c.candidates(), c.relevance(), c.vectors(), 1.0, c.k());
        List<String> byRelevance = IntStream.range(0, c.candidates().size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> c.relevance()[i]).reversed()) // stable: ties keep input order
                .limit(c.k()).map(i -> c.candidates().get(i).id()).toList();
        assertThat(picked).as("%s", c).extracting(RetrievedChunk::id).containsExactlyElementsOf(byRelevance);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void lambdaOneWithNormalisedScoresIsTheUpstreamOrder(Case c) {
        List<RetrievedChunk> picked = MaximalMarginalRelevance.select(c.candidates(),
                MaximalMarginalRelevance.normalisedScores(c.candidates()), c.vectors(), 1.0, c.k());
        assertThat(picked).as("%s", c).extracting(RetrievedChunk::id)
                .containsExactlyElementsOf(c.candidates().stream().limit(c.k()).map(RetrievedChunk::id).toList());
    }

    @Test
    void lowLambdaSkipsNearDuplicates() {
        List<RetrievedChunk> candidates = List.of(Rankings.chunk("a", 0.9), Rankings.chunk("a-copy", 0.89),
                Rankings.chunk("b", 0.8), Rankings.chunk("c", 0.1));
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {1, 0.01f}, new float[] {0, 1}, new float[] {-1, 0});
        double[] relevance = MaximalMarginalRelevance.normalisedScores(candidates);
        assertThat(MaximalMarginalRelevance.select(candidates, relevance, vectors, 1.0, 2)).extracting(RetrievedChunk::id).containsExactly("a", "a-copy");
        assertThat(MaximalMarginalRelevance.select(candidates, relevance, vectors, 0.5, 2)).extracting(RetrievedChunk::id).containsExactly("a", "b");
        assertThat(MaximalMarginalRelevance.select(candidates, relevance, vectors, 0.5, 4)).extracting(RetrievedChunk::id)
                .containsExactly("a", "b", "c", "a-copy");
    }
}

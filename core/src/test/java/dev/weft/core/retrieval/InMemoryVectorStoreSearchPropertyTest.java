package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.Generated;
import dev.weft.core.testing.StoreScenario;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link InMemoryVectorStore#search} equals a brute-force scan written independently here: keep the chunks the
 * filter accepts ({@link Filter#test}), score them ({@link Similarity#compute}), drop those below
 * {@code minScore}, sort by score descending then id ascending, take {@code topK}. Same ids, same order, same
 * scores, over generated stores, filters and queries; the case's seed is in its name.
 */
class InMemoryVectorStoreSearchPropertyTest {

    static Stream<Arguments> scenarios() {
        return Generated.cases(200, StoreScenario::generate);
    }

    private static final Comparator<SearchHit> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.chunk().id().compareTo(b.chunk().id());
    };

    static List<SearchHit> bruteForce(Collection<StoredChunk> chunks, Similarity similarity, VectorQuery query) {
        return chunks.stream()
                .filter(c -> query.filter() == null || query.filter().test(c.metadata()))
                .map(c -> new SearchHit(c, similarity.compute(query.vector(), c.vector())))
                .filter(h -> h.score() >= query.minScore())
                .sorted(BEST_FIRST)
                .limit(query.topK())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void searchEqualsBruteForce(StoreScenario scenario) {
        Map<String, StoredChunk> expected = scenario.expectedContents();
        try (InMemoryVectorStore store = InMemoryVectorStore.builder()
                .dimension(scenario.dimension()).similarity(scenario.similarity()).build()) {
            scenario.batches().forEach(store::upsert);
            assertThat(store.size()).isEqualTo(expected.size());

            for (VectorQuery query : scenario.queries()) {
                List<SearchHit> actual = store.search(query);
                List<SearchHit> wanted = bruteForce(expected.values(), scenario.similarity(), query);
                assertThat(actual).as("%s with %s", scenario, query)
                        .extracting(h -> h.chunk().id()).containsExactlyElementsOf(wanted.stream().map(h -> h.chunk().id()).toList());
                assertThat(actual).as("%s with %s: scores", scenario, query)
                        .extracting(SearchHit::score).containsExactlyElementsOf(wanted.stream().map(SearchHit::score).toList());
                assertThat(actual).as("%s with %s: hits", scenario, query).containsExactlyElementsOf(wanted);
            }
        }
    }
}

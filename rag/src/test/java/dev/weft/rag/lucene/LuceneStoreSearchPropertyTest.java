package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.TextQuery;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import dev.weft.testing.Generated;
import dev.weft.rag.lucene.testing.StoreScenario;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lucene store against core's exact {@link InMemoryVectorStore}, the reference every store must reproduce: over
 * generated writes (replacing and deleting ids), generated filters of every kind (numbers meeting across types,
 * longs beyond 2^53, negative zero, missing keys, empty and/or, negations) and generated queries (zero vectors,
 * ties, huge topK, minScore), a search returns the same hits (chunk, vector, metadata), in the same order, with
 * the same scores. Exact search must agree everywhere; HNSW search must agree on stores too small for Lucene to
 * build a graph, where it searches exhaustively. The case's seed is in its name.
 */
class LuceneStoreSearchPropertyTest {

    static Stream<Arguments> largerScenarios() {
        return Generated.cases(60, r -> StoreScenario.generate(r, 300));
    }

    static Stream<Arguments> smallScenarios() {
        return Generated.cases(40, r -> StoreScenario.generate(r, 60));
    }

    @ParameterizedTest
    @MethodSource("largerScenarios")
    void exactSearchEqualsInMemoryStore(StoreScenario scenario) {
        try (LuceneStore lucene = LuceneStore.builder().inMemory().dimension(scenario.dimension())
                .similarity(scenario.similarity()).exactSearch(true).build();
                InMemoryVectorStore reference = reference(scenario)) {
            apply(scenario, lucene);
            for (VectorQuery query : scenario.queries()) {
                List<SearchHit> expected = reference.search(query);
                List<SearchHit> actual = lucene.search(query);
                assertThat(actual).as("%s with %s: ids", scenario, query).extracting(h -> h.chunk().id())
                        .containsExactlyElementsOf(expected.stream().map(h -> h.chunk().id()).toList());
                assertThat(actual).as("%s with %s: hits", scenario, query).containsExactlyElementsOf(expected);
            }
        }
    }

    /**
     * Lucene builds no HNSW graph for segments this small and searches them exhaustively, so the HNSW path finds
     * the true top k too; it may only choose differently among chunks tied at the cut-off, which it takes in index
     * order rather than by id. So: the same scores at every rank, and the same ids above the cut-off score.
     */
    @ParameterizedTest
    @MethodSource("smallScenarios")
    void hnswSearchOnASmallStoreEqualsInMemoryStoreUpToTiesAtTheCutOff(StoreScenario scenario) {
        try (LuceneStore lucene = LuceneStore.builder().inMemory().dimension(scenario.dimension())
                .similarity(scenario.similarity()).build();
                InMemoryVectorStore reference = reference(scenario)) {
            apply(scenario, lucene);
            for (VectorQuery query : scenario.queries()) {
                List<SearchHit> expected = reference.search(query);
                List<SearchHit> actual = lucene.search(query);
                assertThat(actual).as("%s with %s: scores", scenario, query).extracting(SearchHit::score)
                        .containsExactlyElementsOf(expected.stream().map(SearchHit::score).toList());
                double cutOff = expected.isEmpty() ? Double.POSITIVE_INFINITY : expected.getLast().score();
                for (int i = 0; i < expected.size() && expected.get(i).score() > cutOff; i++) {
                    assertThat(actual.get(i)).as("%s with %s: hit %d", scenario, query, i).isEqualTo(expected.get(i));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("largerScenarios")
    void fullTextAndDeleteWhereApplyFiltersExactlyAsFilterTest(StoreScenario scenario) {
        try (LuceneStore lucene = LuceneStore.builder().inMemory().dimension(scenario.dimension())
                .similarity(scenario.similarity()).build()) {
            apply(scenario, lucene);
            Collection<StoredChunk> contents = scenario.expectedContents().values();
            for (VectorQuery query : scenario.queries()) {
                Filter filter = query.filter() == null ? Filter.and() : query.filter();
                Set<String> matching = contents.stream().filter(c -> filter.test(c.metadata())).map(StoredChunk::id).collect(Collectors.toSet());
                // Every text holds the word "text", so a full-text query for it with room for all returns exactly the filter's matches.
                List<SearchHit> hits = lucene.fullText().orElseThrow().search(new TextQuery("text", 10_000, filter));
                assertThat(hits).as("%s full text with %s", scenario, filter).extracting(h -> h.chunk().id())
                        .containsExactlyInAnyOrderElementsOf(matching);
            }
            if (!scenario.queries().isEmpty() && scenario.queries().getFirst().filter() != null) {
                Filter filter = scenario.queries().getFirst().filter();
                lucene.deleteWhere(filter);
                Set<String> kept = contents.stream().filter(c -> !filter.test(c.metadata())).map(StoredChunk::id).collect(Collectors.toSet());
                assertThat(lucene.size()).as("%s size after deleteWhere(%s)", scenario, filter).isEqualTo(kept.size());
                kept.forEach(id -> assertThat(lucene.get(id)).as("%s kept %s", scenario, id).isPresent());
            }
        }
    }

    private static InMemoryVectorStore reference(StoreScenario scenario) {
        InMemoryVectorStore reference = InMemoryVectorStore.builder().dimension(scenario.dimension())
                .similarity(scenario.similarity()).build();
        apply(scenario, reference);
        return reference;
    }

    private static void apply(StoreScenario scenario, VectorStore store) {
        for (StoreScenario.Step step : scenario.steps()) {
            switch (step) {
                case StoreScenario.Upsert u -> store.upsert(u.chunks());
                case StoreScenario.Delete d -> store.delete(d.ids());
            }
        }
    }
}

package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The writes and reads of {@link InMemoryVectorStore}, one by one: upsert, replace, get, delete, deleteWhere, close, and the builder. */
class InMemoryVectorStoreOperationsTest {

    private static InMemoryVectorStore store(int dimension) {
        return InMemoryVectorStore.builder().dimension(dimension).build();
    }

    private static StoredChunk chunk(String id, Metadata metadata, float... vector) {
        return new StoredChunk(id, "text " + id, vector, metadata);
    }

    @Test
    void upsertThenGet() {
        try (InMemoryVectorStore s = store(2)) {
            StoredChunk a = chunk("a", Metadata.of("lang", "en"), 1, 0);
            s.upsert(List.of(a));
            assertThat(s.size()).isEqualTo(1);
            assertThat(s.get("a")).contains(a);
            assertThat(s.get("b")).isEmpty();
            assertThat(s.dimension()).isEqualTo(2);
            assertThat(s.similarity()).isEqualTo(Similarity.COSINE);
        }
    }

    @Test
    void upsertReplacesById() {
        try (InMemoryVectorStore s = store(2)) {
            s.upsert(List.of(chunk("a", Metadata.of("v", 1), 1, 0), chunk("b", null, 0, 1)));
            StoredChunk replacement = chunk("a", Metadata.of("v", 2), 0, 1);
            s.upsert(List.of(replacement));
            assertThat(s.size()).isEqualTo(2);
            assertThat(s.get("a")).contains(replacement);
            assertThat(s.search(VectorQuery.of(new float[] {0, 1}, 10)))
                    .extracting(h -> h.chunk().id(), SearchHit::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1.0), org.assertj.core.groups.Tuple.tuple("b", 1.0));
        }
    }

    @Test
    void theStoreKeepsItsOwnCopyOfVectors() {
        try (InMemoryVectorStore s = store(2)) {
            float[] v = {1, 0};
            s.upsert(List.of(new StoredChunk("a", "t", v, null)));
            v[0] = -1;
            assertThat(s.get("a").orElseThrow().vector()).containsExactly(1, 0);
            s.get("a").orElseThrow().vector()[0] = 5;
            assertThat(s.get("a").orElseThrow().vector()).containsExactly(1, 0);
        }
    }

    @Test
    void deleteRemovesTheIdsAndIgnoresUnknownOnes() {
        try (InMemoryVectorStore s = store(1)) {
            s.upsert(List.of(chunk("a", null, 1), chunk("b", null, 1), chunk("c", null, 1)));
            s.delete(Set.of("a", "c", "zzz"));
            assertThat(s.size()).isEqualTo(1);
            assertThat(s.get("b")).isPresent();
            s.delete(List.of());
            assertThat(s.size()).isEqualTo(1);
        }
    }

    @Test
    void deleteWhereRemovesExactlyTheMatchingChunks() {
        try (InMemoryVectorStore s = store(1)) {
            s.upsert(List.of(
                    chunk("a", Metadata.of("lang", "en", "year", 2023), 1),
                    chunk("b", Metadata.of("lang", "fr", "year", 2024), 1),
                    chunk("c", Metadata.of("year", 2024.0), 1),
                    chunk("d", null, 1)));
            s.deleteWhere(Filter.eq("year", 2024));
            assertThat(s.search(VectorQuery.of(new float[] {1}, 10))).extracting(h -> h.chunk().id()).containsExactly("a", "d");
            s.deleteWhere(Filter.not(Filter.eq("lang", "en")));
            assertThat(s.search(VectorQuery.of(new float[] {1}, 10))).extracting(h -> h.chunk().id()).containsExactly("a");
        }
    }

    @Test
    void searchOfAnEmptyStoreIsEmpty() {
        try (InMemoryVectorStore s = store(3)) {
            assertThat(s.search(VectorQuery.of(new float[3], 5))).isEmpty();
        }
    }

    @Test
    void searchWithTheLargestTopKReturnsEverything() {
        try (InMemoryVectorStore s = store(1)) {
            s.upsert(List.of(chunk("a", null, 1), chunk("b", null, -1)));
            assertThat(s.search(VectorQuery.of(new float[] {1}, Integer.MAX_VALUE)))
                    .extracting(h -> h.chunk().id()).containsExactly("a", "b");
        }
    }

    @Test
    void minScoreIsInclusive() {
        try (InMemoryVectorStore s = InMemoryVectorStore.builder().dimension(2).similarity(Similarity.DOT_PRODUCT).build()) {
            s.upsert(List.of(chunk("a", null, 1, 0), chunk("b", null, 0.5f, 0), chunk("c", null, 0.25f, 0)));
            assertThat(s.search(new VectorQuery(new float[] {1, 0}, 10, null, 0.5)))
                    .extracting(SearchHit::score).containsExactly(1.0, 0.5);
        }
    }

    @Test
    void cosineOfAZeroVectorIsZero() {
        try (InMemoryVectorStore s = store(2)) {
            s.upsert(List.of(chunk("zero", null, 0, 0), chunk("x", null, 1, 1)));
            assertThat(s.search(VectorQuery.of(new float[] {0, 0}, 10))).extracting(SearchHit::score).containsExactly(0.0, 0.0);
            assertThat(s.search(VectorQuery.of(new float[] {-1, -1}, 10)))
                    .extracting(h -> h.chunk().id()).containsExactly("zero", "x");
        }
    }

    @Test
    void builderRequiresAPositiveDimensionAndASimilarity() {
        assertThatThrownBy(() -> InMemoryVectorStore.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension(..) is required");
        assertThatThrownBy(() -> InMemoryVectorStore.builder().dimension(-3).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("was -3");
        assertThatThrownBy(() -> InMemoryVectorStore.builder().dimension(3).similarity(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("similarity");
    }

    @Test
    void nullArgumentsAreRefused() {
        try (InMemoryVectorStore s = store(1)) {
            assertThatThrownBy(() -> s.search(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> s.delete(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> s.deleteWhere(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> s.upsert(java.util.Arrays.asList(chunk("a", null, 1), null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("chunks[1]");
            assertThat(s.size()).isZero();
        }
    }

    @Test
    void aClosedStoreRefusesEverythingAndClosesTwiceHarmlessly() {
        InMemoryVectorStore s = store(1);
        s.upsert(List.of(chunk("a", null, 1)));
        s.close();
        s.close();
        List<Runnable> uses = List.of(
                () -> s.upsert(List.of(chunk("b", null, 1))),
                () -> s.delete(List.of("a")),
                () -> s.deleteWhere(Filter.and()),
                () -> s.get("a"),
                s::size,
                () -> s.search(VectorQuery.of(new float[] {1}, 1)));
        for (Runnable use : uses) {
            assertThatThrownBy(use::run).isInstanceOf(ResourceClosedException.class).hasMessageContaining("closed");
        }
    }
}

package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upsert, replace, get, delete, deleteWhere, size and the builder's validation, on an in-memory index. */
class LuceneStoreOperationsTest {

    private static StoredChunk chunk(String id, float x, float y, Metadata metadata) {
        return new StoredChunk(id, "text of " + id, new float[] {x, y}, metadata);
    }

    private static LuceneStore store() {
        return LuceneStore.builder().inMemory().dimension(2).build();
    }

    @Test
    void upsertedChunksComeBackExactly() {
        try (LuceneStore store = store()) {
            StoredChunk a = chunk("a", 0.25f, -1.5f, Metadata.of("lang", "en", "year", 2024, "score", 0.5, "draft", false));
            StoredChunk b = new StoredChunk("b", "", new float[] {Float.MIN_VALUE, -0.0f}, Metadata.EMPTY);
            store.upsert(List.of(a, b));

            assertThat(store.size()).isEqualTo(2);
            assertThat(store.get("a")).contains(a);
            assertThat(store.get("b")).contains(b);
            assertThat(store.get("c")).isEmpty();
        }
    }

    @Test
    void upsertReplacesByIdAndKeepsOneDocumentPerChunk() {
        try (LuceneStore store = store()) {
            store.upsert(List.of(chunk("a", 1, 0, Metadata.of("v", 1)), chunk("b", 0, 1, Metadata.EMPTY)));
            StoredChunk replacement = chunk("a", 0, 1, Metadata.of("v", 2));
            store.upsert(List.of(replacement));

            assertThat(store.size()).isEqualTo(2);
            assertThat(store.get("a")).contains(replacement);
            assertThat(store.search(VectorQuery.of(new float[] {1, 0}, 10, Filter.eq("v", 1)))).isEmpty();
            assertThat(store.search(VectorQuery.of(new float[] {1, 0}, 10, Filter.eq("v", 2))))
                    .extracting(h -> h.chunk().id()).containsExactly("a");
        }
    }

    @Test
    void deleteByIdIgnoresUnknownIds() {
        try (LuceneStore store = store()) {
            store.upsert(List.of(chunk("a", 1, 0, Metadata.EMPTY), chunk("b", 0, 1, Metadata.EMPTY)));
            store.delete(List.of("a", "nope"));
            store.delete(List.of());

            assertThat(store.size()).isEqualTo(1);
            assertThat(store.get("a")).isEmpty();
            assertThat(store.get("b")).isPresent();
        }
    }

    @Test
    void deleteWhereRemovesExactlyTheMatches() {
        try (LuceneStore store = store()) {
            store.upsert(List.of(
                    chunk("a", 1, 0, Metadata.of("year", 2023)),
                    chunk("b", 0, 1, Metadata.of("year", 2024.0)),
                    chunk("c", 1, 1, Metadata.of("year", "2024")),
                    chunk("d", 1, 1, Metadata.EMPTY)));
            store.deleteWhere(Filter.eq("year", 2024));

            assertThat(store.size()).isEqualTo(3);
            assertThat(store.get("b")).isEmpty();
        }
    }

    @Test
    void numbersMatchByExactValueAcrossTypes() {
        long big = (1L << 53) + 1;
        try (LuceneStore store = store()) {
            store.upsert(List.of(
                    chunk("long", 1, 0, Metadata.of("n", 2024L)),
                    chunk("double", 1, 0, Metadata.of("n", 2024.0)),
                    chunk("string", 1, 0, Metadata.of("n", "2024")),
                    chunk("big", 1, 0, Metadata.of("n", big)),
                    chunk("bigRounded", 1, 0, Metadata.of("n", (double) big)),
                    chunk("max", 1, 0, Metadata.of("n", Long.MAX_VALUE)),
                    chunk("negativeZero", 1, 0, Metadata.of("n", -0.0))));
            assertThat(ids(store, Filter.eq("n", 2024))).containsExactly("double", "long");
            assertThat(ids(store, Filter.eq("n", 2024.0))).containsExactly("double", "long");
            assertThat(ids(store, Filter.eq("n", "2024"))).containsExactly("string");
            assertThat(ids(store, Filter.eq("n", big))).containsExactly("big");
            assertThat(ids(store, Filter.eq("n", (double) big))).containsExactly("bigRounded");
            assertThat(ids(store, Filter.eq("n", 0x1p63))).isEmpty(); // 2^63 is not Long.MAX_VALUE, though it is its double
            assertThat(ids(store, Filter.eq("n", 0))).containsExactly("negativeZero");
            assertThat(ids(store, Filter.gte("n", 0x1p63))).containsExactly("max"); // ranges compare doubleValue()
            assertThat(ids(store, Filter.between("n", 0, 0))).containsExactly("negativeZero");
            assertThat(ids(store, Filter.not(Filter.eq("n", 2024)))).containsExactly("big", "bigRounded", "max", "negativeZero", "string");
        }
    }

    private static List<String> ids(LuceneStore store, Filter filter) {
        return store.search(VectorQuery.of(new float[] {1, 0}, 100, filter)).stream().map(h -> h.chunk().id()).sorted().toList();
    }

    @Test
    void hitsCarryTheStoredVectorAndCoreScores() {
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).similarity(Similarity.DOT_PRODUCT).build()) {
            store.upsert(List.of(chunk("a", 3, 4, Metadata.EMPTY), chunk("b", -2, 0, Metadata.EMPTY)));
            List<SearchHit> hits = store.search(VectorQuery.of(new float[] {2, 1}, 5));

            assertThat(hits).extracting(h -> h.chunk().id()).containsExactly("a", "b");
            assertThat(hits).extracting(SearchHit::score).containsExactly(10.0, -4.0); // raw dot products, not Lucene's scale
            assertThat(hits.getFirst().chunk().vector()).containsExactly(3f, 4f);
        }
    }

    @Test
    void filteredTopKStillReturnsKWhenKMatch() {
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).build()) {
            List<StoredChunk> chunks = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                double angle = i * 0.01;
                chunks.add(new StoredChunk("c" + i, "t", new float[] {(float) Math.cos(angle), (float) Math.sin(angle)},
                        Metadata.of("even", i % 2 == 0, "bucket", i % 50)));
            }
            store.upsert(chunks);
            // The 10 nearest to angle 0 are c0..c9; only even ones pass, and pre-filtering still finds 10 of them.
            List<SearchHit> hits = store.search(VectorQuery.of(new float[] {1, 0}, 10, Filter.eq("even", true)));
            assertThat(hits).extracting(h -> h.chunk().id())
                    .containsExactly("c0", "c2", "c4", "c6", "c8", "c10", "c12", "c14", "c16", "c18");
            // A very selective filter (10 of 500 match) still returns all 10.
            assertThat(store.search(VectorQuery.of(new float[] {1, 0}, 10, Filter.eq("bucket", 7)))).hasSize(10);
        }
    }

    @Test
    void builderNamesTheBadOption() {
        assertThatThrownBy(() -> LuceneStore.builder().dimension(2).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("path(..) and inMemory()");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension(..)");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(1025).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 1024");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(2).hnsw(0, 100).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hnsw(maxConn");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(2).hnsw(16, 5000).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beamWidth");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(2).bm25(1.2f, 1.5f).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bm25(.., b)");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(2).oversample(0.5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("oversample");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(2).efSearch(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("efSearch");
        assertThatThrownBy(() -> LuceneStore.builder().inMemory().dimension(2).similarity(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("similarity");
    }

    @Test
    void offersFullTextSearch() {
        try (LuceneStore store = store()) {
            assertThat(store.fullText()).isPresent();
            assertThat(store.toString()).contains("in-memory", "dimension=2", "COSINE");
        }
    }
}

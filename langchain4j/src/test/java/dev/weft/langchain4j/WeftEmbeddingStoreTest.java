package dev.weft.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.weft.core.InvalidInputException;
import dev.weft.rag.lucene.LuceneStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weft's Lucene store (on disk, in a temporary directory) used through LangChain4j's EmbeddingStore interface. */
class WeftEmbeddingStoreTest {
    @TempDir
    Path dir;

    private LuceneStore lucene(int dimension) {
        return LuceneStore.builder().path(dir.resolve("index")).dimension(dimension).build();
    }

    private static EmbeddingSearchRequest.EmbeddingSearchRequestBuilder near(float... vector) {
        return EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(vector)).maxResults(10);
    }

    @Test
    void addsSearchesWithFiltersAndReportsRelevance() {
        try (LuceneStore lucene = lucene(3)) {
            EmbeddingStore<TextSegment> store = WeftEmbeddingStore.of(lucene);
            store.addAll(List.of("en-1", "fr-1", "en-2"),
                    List.of(Embedding.from(new float[] {1, 0, 0}), Embedding.from(new float[] {1, 1, 0}),
                            Embedding.from(new float[] {0, 1, 0})),
                    List.of(TextSegment.from("hello", Metadata.from("lang", "en").put("year", 2024)),
                            TextSegment.from("bonjour", Metadata.from("lang", "fr").put("year", 2023)),
                            TextSegment.from("hi there", Metadata.from("lang", "en").put("year", 2022))));

            List<EmbeddingMatch<TextSegment>> all = store.search(near(1, 0, 0).build()).matches();
            assertThat(all).extracting(EmbeddingMatch::embeddingId).containsExactly("en-1", "fr-1", "en-2");
            assertThat(all).extracting(EmbeddingMatch::score).satisfiesExactly(
                    s -> assertThat(s).isCloseTo(1.0, within(1e-6)),
                    s -> assertThat(s).isCloseTo(RelevanceScores.toRelevance(Math.sqrt(0.5)), within(1e-6)),
                    s -> assertThat(s).isCloseTo(0.5, within(1e-6)));
            assertThat(all.get(1).embedded().text()).isEqualTo("bonjour");
            assertThat(all.get(1).embedded().metadata().getLong("year")).isEqualTo(2023L);
            assertThat(all.get(1).embedding().vector()).containsExactly(1, 1, 0);

            assertThat(store.search(near(1, 0, 0).filter(metadataKey("lang").isEqualTo("en")
                    .and(metadataKey("year").isGreaterThan(2022))).build()).matches())
                    .extracting(EmbeddingMatch::embeddingId).containsExactly("en-1");
            assertThat(store.search(near(1, 0, 0).minScore(0.6).build()).matches())
                    .as("minScore on LangChain4j's relevance scale").extracting(EmbeddingMatch::embeddingId)
                    .containsExactly("en-1", "fr-1");
            assertThat(store.search(near(1, 0, 0).maxResults(1).build()).matches()).hasSize(1);
        }
    }

    @Test
    void removesByIdsByFilterAndEverything() {
        try (LuceneStore lucene = lucene(2)) {
            EmbeddingStore<TextSegment> store = WeftEmbeddingStore.of(lucene);
            String a = store.add(Embedding.from(new float[] {1, 0}), TextSegment.from("a", Metadata.from("k", "x")));
            String b = store.add(Embedding.from(new float[] {0, 1}), TextSegment.from("b", Metadata.from("k", "y")));
            store.add("c", Embedding.from(new float[] {1, 1}));
            String d = store.addAll(List.of(Embedding.from(new float[] {1, 0.5f}))).getFirst();

            store.removeAll(List.of(a));
            assertThat(ids(store)).containsExactlyInAnyOrder(b, "c", d);
            store.removeAll(metadataKey("k").isEqualTo("y"));
            assertThat(ids(store)).containsExactlyInAnyOrder("c", d);
            store.removeAll();
            assertThat(ids(store)).isEmpty();
        }
    }

    @Test
    void entriesWithoutASegmentComeBackWithoutOne() {
        try (LuceneStore lucene = lucene(2)) {
            EmbeddingStore<TextSegment> store = WeftEmbeddingStore.of(lucene);
            store.add("bare", Embedding.from(new float[] {1, 0}));

            assertThat(store.search(near(1, 0).build()).matches().getFirst().embedded()).isNull();
        }
    }

    @Test
    void writesAreCommittedSoTheyOutliveTheStore() {
        try (LuceneStore lucene = lucene(2)) {
            WeftEmbeddingStore.of(lucene).add("kept", Embedding.from(new float[] {0, 1}));
        }
        try (LuceneStore reopened = lucene(2)) {
            assertThat(ids(WeftEmbeddingStore.of(reopened))).containsExactly("kept");
        }
    }

    @Test
    void refusesFiltersWeftCannotExpressAndBatchesThatDoNotFit() {
        try (LuceneStore lucene = lucene(2)) {
            EmbeddingStore<TextSegment> store = WeftEmbeddingStore.of(lucene);

            assertThatThrownBy(() -> store.search(near(1, 0).filter(metadataKey("title").containsString("intro")).build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("containsString");
            assertThatThrownBy(() -> store.addAll(List.of("a", "b"), List.of(Embedding.from(new float[] {1, 0})), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("same length");
            assertThatThrownBy(() -> store.addAll(List.of("ok", "wrong"), List.of(Embedding.from(new float[] {1, 0}),
                    Embedding.from(new float[] {1, 0, 0})), null)).isInstanceOf(InvalidInputException.class);
            assertThat(ids(store)).as("nothing of a refused batch is written").isEmpty();
        }
    }

    @Test
    void langChain4jsOwnContentRetrieverFindsTextsEmbeddedByWeftsModel() {
        try (LuceneStore lucene = lucene(MiniLm.DIMENSION)) {
            WeftEmbeddingModel embedder = new WeftEmbeddingModel(MiniLm.model());
            EmbeddingStore<TextSegment> store = WeftEmbeddingStore.of(lucene);
            List<TextSegment> segments = Handbook.PASSAGES.stream()
                    .map(p -> TextSegment.from(p.text(), Metadata.from("topic", p.topic()))).toList();
            store.addAll(embedder.embedAll(segments).content(), segments);

            List<Content> contents = EmbeddingStoreContentRetriever.builder()
                    .embeddingStore(store).embeddingModel(embedder).maxResults(2)
                    .filter(metadataKey("topic").isEqualTo("operations")).build()
                    .retrieve(Query.from("how do I get my data back from a snapshot?"));

            assertThat(contents).first().extracting(c -> c.textSegment().text())
                    .isEqualTo(Handbook.passage("backup-2").text());
            assertThat(embedder.dimension()).isEqualTo(MiniLm.DIMENSION);
            assertThat(embedder.modelName()).isEqualTo(MiniLm.model().info().id());
        }
    }

    private static List<String> ids(EmbeddingStore<TextSegment> store) {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(new float[] {1, 1}))
                .maxResults(100).build()).matches().stream().map(EmbeddingMatch::embeddingId).toList();
    }
}

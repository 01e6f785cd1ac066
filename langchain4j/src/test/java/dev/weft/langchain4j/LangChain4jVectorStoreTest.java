package dev.weft.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import dev.weft.rag.retrieval.MmrRetriever;
import dev.weft.rag.retrieval.VectorRetriever;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LangChain4j's InMemoryEmbeddingStore behind Weft's VectorStore SPI, measured against Weft's exact in-memory store. */
class LangChain4jVectorStoreTest {
    private static List<StoredChunk> handbook;

    @BeforeAll
    static void embedHandbook() {
        handbook = Handbook.chunks(MiniLm.model());
    }

    private static LangChain4jVectorStore bridged(int dimension) {
        return LangChain4jVectorStore.builder(new InMemoryEmbeddingStore<>()).dimension(dimension).build();
    }

    private static InMemoryVectorStore reference(int dimension) {
        return InMemoryVectorStore.builder().dimension(dimension).similarity(Similarity.COSINE).build();
    }

    static Stream<Arguments> handbookQueries() {
        return Stream.of(
                Arguments.of("how do I replace an old API key?", null),
                Arguments.of("what does error 4471 mean", null),
                Arguments.of("restoring data from a snapshot", Filter.eq("topic", "operations")),
                Arguments.of("money back after cancelling", Filter.in("topic", "billing", "security")),
                Arguments.of("recent security changes", Filter.and(Filter.eq("topic", "security"), Filter.gte("year", 2023))),
                Arguments.of("rollouts and rollbacks", Filter.not(Filter.lt("year", 2022))),
                Arguments.of("anything about drafts", Filter.eq("draft", true)));
    }

    @ParameterizedTest(name = "\"{0}\" filtered by {1}")
    @MethodSource("handbookQueries")
    void weftsVectorRetrieverFindsTheSameChunksOverTheBridgedStore(String question, Filter filter) {
        VectorStore bridged = bridged(MiniLm.DIMENSION);
        VectorStore reference = reference(MiniLm.DIMENSION);
        bridged.upsert(handbook);
        reference.upsert(handbook);
        Retriever overBridge = VectorRetriever.builder(bridged, MiniLm.model()).build();
        Retriever overReference = VectorRetriever.builder(reference, MiniLm.model()).build();

        RetrievalQuery query = new RetrievalQuery(question, 5, filter);
        List<RetrievedChunk> expected = overReference.retrieve(query);
        List<RetrievedChunk> actual = overBridge.retrieve(query);

        assertThat(actual).extracting(RetrievedChunk::id).containsExactlyElementsOf(expected.stream().map(RetrievedChunk::id).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).as("cosine, not LangChain4j's relevance").isCloseTo(expected.get(i).score(), within(1e-5));
            assertThat(actual.get(i).metadata()).isEqualTo(expected.get(i).metadata());
            assertThat(actual.get(i).text()).isEqualTo(expected.get(i).text());
        }
    }

    @Test
    void mmrRunsOverTheBridgedStoreBecauseGetReturnsStoredVectors() {
        VectorStore bridged = bridged(MiniLm.DIMENSION);
        VectorStore reference = reference(MiniLm.DIMENSION);
        bridged.upsert(handbook);
        reference.upsert(handbook);
        RetrievalQuery query = RetrievalQuery.of("deployments and backups", 4);

        List<String> expected = MmrRetriever.builder(VectorRetriever.builder(reference, MiniLm.model()).build(), reference).build()
                .retrieve(query).stream().map(RetrievedChunk::id).toList();
        List<String> actual = MmrRetriever.builder(VectorRetriever.builder(bridged, MiniLm.model()).build(), bridged).build()
                .retrieve(query).stream().map(RetrievedChunk::id).toList();

        assertThat(actual).isEqualTo(expected);
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 20).boxed();
    }

    /** Random vectors, metadata, filters and minimum scores: the same hits, in the same order, with the same scores. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void searchesAgreeWithTheExactInMemoryStore(int seed) {
        Random random = new Random(seed);
        int dimension = 8;
        VectorStore bridged = bridged(dimension);
        VectorStore reference = reference(dimension);
        List<StoredChunk> chunks = IntStream.range(0, 60).mapToObj(i -> new StoredChunk("c" + i, "text " + i,
                vector(random, dimension), Metadata.of("group", "g" + random.nextInt(3), "rank", (long) random.nextInt(10))))
                .toList();
        bridged.upsert(chunks);
        reference.upsert(chunks);

        for (int q = 0; q < 10; q++) {
            Filter filter = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> Filter.eq("group", "g" + random.nextInt(3));
                case 2 -> Filter.or(Filter.lt("rank", random.nextInt(10)), Filter.eq("group", "g0"));
                default -> Filter.not(Filter.in("group", "g1", "g2"));
            };
            double minScore = random.nextBoolean() ? Double.NEGATIVE_INFINITY : random.nextDouble() - 0.5;
            VectorQuery query = new VectorQuery(vector(random, dimension), 1 + random.nextInt(12), filter, minScore);

            List<SearchHit> expected = reference.search(query);
            List<SearchHit> actual = bridged.search(query);

            assertThat(actual).as("seed %d, %s", seed, query).extracting(h -> h.chunk().id())
                    .containsExactlyElementsOf(expected.stream().map(h -> h.chunk().id()).toList());
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).score()).as("seed %d", seed).isCloseTo(expected.get(i).score(), within(1e-5));
                assertThat(actual.get(i).chunk()).isEqualTo(expected.get(i).chunk());
            }
        }
    }

    @Test
    void upsertReplacesDeleteRemovesAndGetReadsBack() {
        LangChain4jVectorStore store = bridged(3);
        store.upsert(List.of(chunk("a", "first", 1, 0, 0, "x"), chunk("b", "second", 0, 1, 0, "y")));
        store.upsert(List.of(chunk("a", "first, revised", 1, 1, 0, "x")));

        assertThat(store.get("a")).hasValueSatisfying(c -> {
            assertThat(c.text()).isEqualTo("first, revised");
            assertThat(c.vector()).containsExactly(1, 1, 0);
            assertThat(c.metadata()).isEqualTo(Metadata.of("tag", "x"));
        });
        assertThat(store.search(VectorQuery.of(new float[] {1, 1, 0}, 10))).extracting(h -> h.chunk().id())
                .containsExactly("a", "b");

        store.delete(List.of("a", "unknown"));
        assertThat(store.get("a")).isEmpty();
        store.deleteWhere(Filter.eq("tag", "y"));
        assertThat(store.get("b")).isEmpty();
        store.upsert(List.of(chunk("c", "third", 0, 0, 1, "z")));
        store.deleteWhere(Filter.and());
        assertThat(store.search(VectorQuery.of(new float[] {0, 0, 1}, 10))).isEmpty();
    }

    @Test
    void chunksAreStoredUnderNameBasedUuidsWithTheWeftIdInMetadata() {
        InMemoryEmbeddingStore<TextSegment> lc4j = new InMemoryEmbeddingStore<>();
        LangChain4jVectorStore store = LangChain4jVectorStore.builder(lc4j).dimension(3).build();
        store.upsert(List.of(chunk("doc-7#2", "text", 1, 0, 0, "x")));

        var match = lc4j.search(dev.langchain4j.store.embedding.EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {1, 0, 0})).build()).matches().getFirst();

        assertThat(match.embeddingId()).isEqualTo(LangChain4jVectorStore.storeId("doc-7#2"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(match.embedded().metadata().getString("weft_id")).isEqualTo("doc-7#2");
        assertThat(match.score()).as("LangChain4j's own relevance scale").isCloseTo(1.0, within(1e-9));
    }

    @Test
    void readsEntriesThatLangChain4jWroteItselfUnderTheirStoreIds() {
        InMemoryEmbeddingStore<TextSegment> lc4j = new InMemoryEmbeddingStore<>();
        lc4j.add("native-1", Embedding.from(new float[] {0, 1, 0}));
        String generated = lc4j.add(Embedding.from(new float[] {0, 1, 1}),
                TextSegment.from("written by LangChain4j", dev.langchain4j.data.document.Metadata.from("lang", "en")));
        LangChain4jVectorStore store = LangChain4jVectorStore.builder(lc4j).dimension(3).build();

        List<SearchHit> hits = store.search(VectorQuery.of(new float[] {0, 1, 0}, 5));

        assertThat(hits).extracting(h -> h.chunk().id()).containsExactly("native-1", generated);
        assertThat(hits.get(1).chunk().text()).isEqualTo("written by LangChain4j");
        assertThat(hits.get(1).chunk().metadata()).isEqualTo(Metadata.of("lang", "en"));
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(hits.get(1).score()).isCloseTo(Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void refusesWhatLangChain4jCannotHoldAndWritesNothingOfTheBatch() {
        LangChain4jVectorStore store = bridged(3);
        StoredChunk good = chunk("good", "fine", 1, 0, 0, "x");

        assertThatThrownBy(() -> store.upsert(List.of(good, new StoredChunk("flag", "text", new float[] {1, 0, 0},
                Metadata.of("draft", true))))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'draft'");
        assertThatThrownBy(() -> store.upsert(List.of(good, new StoredChunk("blank", " ", new float[] {1, 0, 0}, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> store.upsert(List.of(good, new StoredChunk("short", "t", new float[] {1, 0}, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> store.upsert(List.of(good, new StoredChunk("sneaky", "t", new float[] {1, 0, 0},
                Metadata.of("weft_id", "other"))))).isInstanceOf(InvalidInputException.class).hasMessageContaining("weft_id");
        assertThatThrownBy(() -> store.upsert(List.of(good, good))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
        assertThat(store.get("good")).isEmpty();
    }

    @Test
    void saysWhatItCannotDo() {
        LangChain4jVectorStore store = bridged(3);

        assertThatThrownBy(store::size).isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("count");
        assertThat(store.fullText()).isEmpty();
        assertThatThrownBy(() -> LangChain4jVectorStore.builder(new InMemoryEmbeddingStore<>()).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension");
    }

    @Test
    void aClosedStoreRefusesCalls() {
        LangChain4jVectorStore store = bridged(3);
        store.close();
        store.close();

        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0, 0}, 1)))
                .isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> store.upsert(List.of())).isInstanceOf(ResourceClosedException.class);
    }

    @Test
    void aLangChain4jFilterTheStoreRefusesBecomesATypedError() {
        LangChain4jVectorStore store = bridged(3);
        store.upsert(List.of(chunk("a", "text", 1, 0, 0, "x")));

        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0, 0}, 1, Filter.eq("tag", 5))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Type mismatch");
    }

    private static StoredChunk chunk(String id, String text, float x, float y, float z, String tag) {
        return new StoredChunk(id, text, new float[] {x, y, z}, Metadata.of("tag", tag));
    }

    private static float[] vector(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}

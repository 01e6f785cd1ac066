package dev.weft.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import dev.weft.rag.lucene.LuceneStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrievers end to end on real parts: a persistent {@link LuceneStore} holding {@link Corpus}, embedded by
 * the int8 all-MiniLM-L6-v2 on ONNX Runtime, and the same corpus in core's {@link InMemoryVectorStore}.
 */
class RetrievalOnLuceneTest {
    private static final String KEYWORD_QUERY = "KB0098123 login credentials";
    private static final String PARAPHRASE_QUERY = "Why does my dog make noise when the mail carrier comes?";

    @TempDir
    static Path dir;

    private static OnnxEmbeddingModel embedder;
    private static LuceneStore store;

    @BeforeAll
    static void load() {
        embedder = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        store = LuceneStore.builder().path(dir).dimension(embedder.dimension()).build();
        Corpus.load(store, embedder);
        store.commit();
    }

    @AfterAll
    static void close() {
        store.close();
        embedder.close();
    }

    private static List<String> ids(Retriever retriever, String query, int topK) {
        return ids(retriever.retrieve(RetrievalQuery.of(query, topK)));
    }

    private static List<String> ids(List<RetrievedChunk> chunks) {
        return chunks.stream().map(RetrievedChunk::id).toList();
    }

    @Test
    void hybridFindsBothAKeywordOnlyMatchAndAParaphraseOnlyMatch() {
        Retriever dense = VectorRetriever.builder(store, embedder).build();
        Retriever sparse = Bm25Retriever.over(store);
        Retriever hybrid = HybridRetriever.builder(store, embedder).depth(20).build();

        // A rare identifier: BM25 finds it first; the dense model is drawn to the password passages instead.
        assertThat(ids(sparse, KEYWORD_QUERY, 3)).first().isEqualTo(Corpus.KNOWLEDGE_BASE_ID);
        assertThat(ids(dense, KEYWORD_QUERY, 3)).doesNotContain(Corpus.KNOWLEDGE_BASE_ID);
        assertThat(ids(hybrid, KEYWORD_QUERY, 3)).contains(Corpus.KNOWLEDGE_BASE_ID);

        // A paraphrase sharing no word with its passage: BM25 cannot find it; the dense model ranks it first.
        assertThat(ids(sparse, PARAPHRASE_QUERY, 10)).doesNotContain(Corpus.BARKING_DOG);
        assertThat(ids(dense, PARAPHRASE_QUERY, 3)).first().isEqualTo(Corpus.BARKING_DOG);
        assertThat(ids(hybrid, PARAPHRASE_QUERY, 3)).contains(Corpus.BARKING_DOG);
    }

    @Test
    void filtersReachInsideEveryRetriever() {
        Filter french = Filter.eq("lang", "fr");
        RetrievalQuery query = new RetrievalQuery("When was the Eiffel Tower completed?", 3, french);
        for (Retriever r : List.of(VectorRetriever.builder(store, embedder).build(), Bm25Retriever.over(store),
                HybridRetriever.builder(store, embedder).build())) {
            List<RetrievedChunk> hits = r.retrieve(query);
            assertThat(hits).as("%s", r).allSatisfy(c -> assertThat(c.metadata().getString("lang")).contains("fr"));
        }
        assertThat(ids(VectorRetriever.builder(store, embedder).build().retrieve(query))).first().isEqualTo("p11");
    }

    @Test
    void convexFusionWeightedOnOneSideIsThatRetriever() {
        Retriever dense = VectorRetriever.builder(store, embedder).build();
        Retriever denseOnly = HybridRetriever.builder(store, embedder).depth(10).fusion(Fusion.convex(1, 0)).build();
        assertThat(ids(denseOnly, PARAPHRASE_QUERY, 10)).isEqualTo(ids(dense, PARAPHRASE_QUERY, 10));
        assertThat(ids(HybridRetriever.builder(store, embedder).fusion(Fusion.convex(0.3, 0.7)).build(), KEYWORD_QUERY, 1))
                .containsExactly(Corpus.KNOWLEDGE_BASE_ID);
    }

    @Test
    void mmrKeepsOneOfTheNearDuplicates() {
        String query = "how do I reset my password";
        Retriever dense = VectorRetriever.builder(store, embedder).build();
        assertThat(ids(dense, query, 3)).containsExactlyInAnyOrderElementsOf(Corpus.PASSWORD_DUPLICATES);

        Retriever diverse = MmrRetriever.builder(dense, store).queryEmbedder(embedder).lambda(0.5).candidates(10).build();
        List<String> picked = ids(diverse, query, 3);
        assertThat(picked).first().isEqualTo(ids(dense, query, 1).getFirst());
        assertThat(picked.stream().filter(Corpus.PASSWORD_DUPLICATES::contains)).hasSize(1);

        Retriever relevanceOnly = MmrRetriever.builder(dense, store).queryEmbedder(embedder).lambda(1).build();
        assertThat(ids(relevanceOnly, query, 5)).isEqualTo(ids(dense, query, 5));
    }

    @Test
    void rerankingReordersTheFirstStageByTheScoringModel() {
        BiEncoderScoringModel scorer = new BiEncoderScoringModel(embedder);
        Retriever firstStage = Bm25Retriever.over(store);
        String query = "Which settings page lets me change a forgotten password?";
        List<RetrievedChunk> candidates = firstStage.retrieve(RetrievalQuery.of(query, 10));
        List<RetrievedChunk> reranked = Reranker.builder(firstStage, scorer).candidates(10).build().retrieve(RetrievalQuery.of(query, 4));

        assertThat(reranked).hasSize(Math.min(4, candidates.size()));
        assertThat(ids(reranked)).isSubsetOf(ids(candidates));
        assertThat(reranked).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        List<Double> expected = scorer.score(query, reranked.stream().map(RetrievedChunk::text).toList()).scores();
        assertThat(reranked).extracting(RetrievedChunk::score).containsExactlyElementsOf(expected);
        assertThat(Corpus.PASSWORD_DUPLICATES).contains(reranked.getFirst().id());
    }

    @Test
    void packsTheContextIntoTheModelsTokenBudget() {
        Retriever hybrid = HybridRetriever.builder(store, embedder).build();
        List<RetrievedChunk> ranked = hybrid.retrieve(RetrievalQuery.of("how do I reset my password", 10));
        ContextPacker packer = ContextPacker.builder(embedder.tokenCounter()).budget(60).overheadPerChunk(4).build();
        PackedContext context = packer.pack(ranked);

        assertThat(context.tokens()).isLessThanOrEqualTo(60);
        assertThat(context.chunks()).isNotEmpty();
        for (PackedChunk p : context.chunks()) {
            assertThat(p.tokens()).isEqualTo(embedder.tokenCounter().count(p.chunk().text()) + 4);
            assertThat(p.citation().source()).isEqualTo("corpus/" + p.chunk().id() + ".txt");
            assertThat(p.citation().page()).isPositive();
        }
        assertThat(context.chunks().getFirst().chunk().id()).isEqualTo(ranked.getFirst().id());
        assertThat(context.chunks().size() + context.omitted().size()).isEqualTo(ranked.size());
    }

    @Test
    void theSameRetrieverWorksOnAnyStore() {
        try (InMemoryVectorStore memory = InMemoryVectorStore.builder().dimension(embedder.dimension()).build();
                LuceneStore exact = LuceneStore.builder().inMemory().dimension(embedder.dimension()).exactSearch(true).build()) {
            List<dev.weft.core.retrieval.StoredChunk> chunks = Corpus.chunks(embedder);
            memory.upsert(chunks);
            exact.upsert(chunks);
            RetrievalQuery query = new RetrievalQuery(PARAPHRASE_QUERY, 8, Filter.not(Filter.eq("lang", "fr")));
            List<RetrievedChunk> fromMemory = VectorRetriever.builder(memory, embedder).build().retrieve(query);
            List<RetrievedChunk> fromLucene = VectorRetriever.builder(exact, embedder).build().retrieve(query);
            assertThat(fromLucene).isEqualTo(fromMemory);

            assertThatThrownBy(() -> Bm25Retriever.over(memory))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("no full-text search");
            assertThatThrownBy(() -> HybridRetriever.builder(memory, embedder))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            Retriever hybridOnMemory = HybridRetriever.builder().add(VectorRetriever.builder(memory, embedder).build())
                    .add(VectorRetriever.builder(exact, embedder).build()).build();
            assertThat(ids(hybridOnMemory, PARAPHRASE_QUERY, 1)).containsExactly(Corpus.BARKING_DOG);
        }
    }

    @Test
    void buildersNameTheBadOption() {
        try (InMemoryVectorStore small = InMemoryVectorStore.builder().dimension(8).build()) {
            assertThatThrownBy(() -> VectorRetriever.builder(small, embedder).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension 384").hasMessageContaining("dimension 8");
            assertThatThrownBy(() -> MmrRetriever.builder(q -> List.of(), small).queryEmbedder(embedder).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("queryEmbedder");
        }
        assertThatThrownBy(() -> HybridRetriever.builder().add(Bm25Retriever.over(store)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least two");
        assertThatThrownBy(() -> HybridRetriever.builder(store, embedder).fusion(Fusion.convex(1, 1, 1)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 weights for 2 retrievers");
        assertThatThrownBy(() -> HybridRetriever.builder(store, embedder).depth(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> MmrRetriever.builder(Bm25Retriever.over(store), store).lambda(1.5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lambda");
        assertThatThrownBy(() -> Reranker.builder(Bm25Retriever.over(store), new BiEncoderScoringModel(embedder)).candidates(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("candidates");
    }
}

package dev.weft.rag.retrieval;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.core.retrieval.VectorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Hybrid retrieval: asks several retrievers (typically dense and BM25) for {@code depth} chunks each, with the
 * query's filter, and fuses their rankings with a {@link Fusion}, reciprocal rank fusion by default. Dense retrieval
 * finds paraphrases, BM25 finds rare exact terms (codes, names); the fusion keeps both. The retrievers run one
 * after another on the calling thread. Thread-safe when they are.
 *
 * <pre>{@code
 * Retriever hybrid = HybridRetriever.builder(luceneStore, embedder).depth(100).build();
 * Retriever tuned = HybridRetriever.builder(luceneStore, embedder).fusion(Fusion.convex(0.6, 0.4)).build();
 * }</pre>
 */
public final class HybridRetriever implements Retriever {
    private final List<Retriever> retrievers;
    private final int depth;
    private final Fusion fusion;

    private HybridRetriever(Builder b) {
        this.retrievers = List.copyOf(b.retrievers);
        this.depth = b.depth;
        this.fusion = b.fusion;
    }

    /** A builder to which retrievers are {@link Builder#add added}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder fusing dense retrieval ({@link VectorRetriever} with {@code embedder}) and then BM25
     * ({@link Bm25Retriever}) over {@code store}; for {@link Fusion#convex}, the first weight is the dense one.
     *
     * @throws dev.weft.core.UnsupportedCapabilityException if the store offers no full-text search
     */
    public static Builder builder(VectorStore store, EmbeddingModel embedder) {
        return new Builder().add(VectorRetriever.builder(store, embedder).build()).add(Bm25Retriever.over(store));
    }

    @Override
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        Preconditions.notNull(query, "query");
        RetrievalQuery deep = new RetrievalQuery(query.text(), Math.max(depth, query.topK()), query.filter());
        List<List<RetrievedChunk>> rankings = new ArrayList<>(retrievers.size());
        for (Retriever r : retrievers) {
            rankings.add(r.retrieve(deep));
        }
        List<RetrievedChunk> fused = fusion.fuse(rankings);
        return fused.size() <= query.topK() ? fused : List.copyOf(fused.subList(0, query.topK()));
    }

    @Override
    public String toString() {
        return "HybridRetriever[" + retrievers + ", depth=" + depth + ", " + fusion + "]";
    }

    /** Builds a {@link HybridRetriever}. Not thread-safe. */
    public static final class Builder {
        private final List<Retriever> retrievers = new ArrayList<>();
        private int depth = 100;
        private Fusion fusion = Fusion.reciprocalRank();

        private Builder() {}

        /** Adds a retriever whose ranking is fused; at least two are needed. */
        public Builder add(Retriever retriever) {
            retrievers.add(Preconditions.notNull(retriever, "HybridRetriever.builder().add(..)"));
            return this;
        }

        /** How many chunks each retriever is asked for (at least the query's topK); 100 by default. */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /** How the rankings are fused; {@link Fusion#reciprocalRank()} (k = 60) by default. */
        public Builder fusion(Fusion fusion) {
            this.fusion = fusion;
            return this;
        }

        public HybridRetriever build() {
            Preconditions.check(retrievers.size() >= 2,
                    "HybridRetriever needs at least two retrievers to fuse; add(..) was called " + retrievers.size() + " times");
            Preconditions.check(depth >= 1, "HybridRetriever.builder().depth(..) must be >= 1, was " + depth);
            Preconditions.notNull(fusion, "HybridRetriever.builder().fusion(..)");
            if (fusion instanceof Fusion.Convex convex && convex.weights().size() != retrievers.size()) {
                throw new InvalidInputException("HybridRetriever.builder().fusion(convex) has " + convex.weights().size()
                        + " weights for " + retrievers.size() + " retrievers; give one weight per retriever");
            }
            return new HybridRetriever(this);
        }
    }
}

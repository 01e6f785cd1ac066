package dev.weft.rag.retrieval;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.util.List;

/**
 * Dense retrieval: embeds the query with an {@link EmbeddingModel} and asks a {@link VectorStore} for its nearest
 * chunks, with the query's filter applied inside the store's search. Scores are the store's similarity. Works on
 * any store. Thread-safe when the model and store are (Weft's are).
 *
 * <pre>{@code
 * Retriever dense = VectorRetriever.builder(store, embedder).build();
 * List<RetrievedChunk> hits = dense.retrieve(new RetrievalQuery("how do I rotate keys?", 5, Filter.eq("lang", "en")));
 * }</pre>
 */
public final class VectorRetriever implements Retriever {
    private final VectorStore store;
    private final EmbeddingModel embedder;
    private final double minScore;

    private VectorRetriever(Builder b) {
        this.store = b.store;
        this.embedder = b.embedder;
        this.minScore = b.minScore;
    }

    /** A builder over {@code store}, embedding queries with {@code embedder}, whose dimension must match the store's. */
    public static Builder builder(VectorStore store, EmbeddingModel embedder) {
        return new Builder(store, embedder);
    }

    @Override
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        Preconditions.notNull(query, "query");
        float[] vector = embedder.embed(query.text()).vector();
        return store.search(new VectorQuery(vector, query.topK(), query.filter(), minScore)).stream()
                .map(RetrievedChunk::of)
                .toList();
    }

    @Override
    public String toString() {
        return "VectorRetriever[" + embedder.info().id() + " over " + store + "]";
    }

    /** Builds a {@link VectorRetriever}. Not thread-safe. */
    public static final class Builder {
        private final VectorStore store;
        private final EmbeddingModel embedder;
        private double minScore = Double.NEGATIVE_INFINITY;

        private Builder(VectorStore store, EmbeddingModel embedder) {
            this.store = store;
            this.embedder = embedder;
        }

        /** Hits scoring below this similarity are dropped; none are by default. */
        public Builder minScore(double minScore) {
            this.minScore = minScore;
            return this;
        }

        public VectorRetriever build() {
            Preconditions.notNull(store, "VectorRetriever.builder(store, ..)");
            Preconditions.notNull(embedder, "VectorRetriever.builder(.., embedder)");
            Preconditions.check(!Double.isNaN(minScore), "VectorRetriever.builder().minScore(..) must not be NaN");
            Preconditions.check(embedder.dimension() == store.dimension(), "the embedding model "
                    + embedder.info().id() + " gives vectors of dimension " + embedder.dimension()
                    + " but the store holds dimension " + store.dimension() + "; use the model the store was filled with");
            return new VectorRetriever(this);
        }
    }
}
